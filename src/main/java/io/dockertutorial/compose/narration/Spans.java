package io.dockertutorial.compose.narration;

import org.yaml.snakeyaml.nodes.Node;

import java.util.List;

/** Where a piece of a value is written, found on the value's own lines (the first place after its start). */
final class Spans {

    private Spans() {
    }

    static List<Note.Span> find(Node value, List<String> lines, String piece) {
        int line = value.getStartMark().getLine();
        int column = value.getStartMark().getColumn();
        int last = Math.min(value.getEndMark().getLine(), lines.size() - 1);
        for (int n = line; n <= last; n++) {
            String text = lines.get(n);
            int at = text.indexOf(piece, n == line ? Math.min(column, text.length()) : 0);
            if (at >= 0) {
                return List.of(new Note.Span(n + 1, at, at + piece.length()));
            }
        }
        return List.of();
    }

    /** A piece at a known offset inside a one-line scalar (after its opening quote, if any). */
    static List<Note.Span> at(Node value, List<String> lines, String raw, int offset, int length) {
        int line = value.getStartMark().getLine();
        if (line >= lines.size() || value.getEndMark().getLine() != line) {
            return List.of();
        }
        String text = lines.get(line);
        int start = text.indexOf(raw, value.getStartMark().getColumn());
        if (start < 0) {
            return List.of();
        }
        return List.of(new Note.Span(line + 1, start + offset, start + offset + length));
    }
}
