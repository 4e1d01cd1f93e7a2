package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where each explained flag and each explained shell command of an instruction is written, so
 * the explainer can highlight it in the code. The engine names flags and commands; this maps them back
 * onto the physical lines (continuation lines joined). A part that cannot be found gets no span.
 */
final class PartSpans {

    /** One piece of a part on one physical line: columns {@code [start, end)} in UTF-16 units. */
    record Segment(int line, int start, int end) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<int[]> where = new ArrayList<>(); // per char of text: {line, column}, column -1 for a line break
    private final boolean heredoc;
    private int cursor;
    private int lastStart; // where the last command found starts

    private PartSpans(List<String> rawLines, Instruction i, char escape) {
        heredoc = !i.effective().heredocs().isEmpty();
        for (int n = i.startLine(); n <= Math.min(i.endLine(), rawLines.size()); n++) {
            String raw = rawLines.get(n - 1);
            int len = raw.length();
            if (n < i.endLine()) {
                int last = raw.stripTrailing().length() - 1;
                if (last >= 0 && raw.charAt(last) == escape) {
                    len = last;
                }
            }
            for (int c = 0; c < len; c++) {
                text.append(raw.charAt(c));
                where.add(new int[]{n, c});
            }
            text.append('\n');
            where.add(new int[]{n, -1});
        }
        Matcher keyword = Pattern.compile("^\\s*\\S+").matcher(text);
        cursor = keyword.find() ? keyword.end() : 0;
    }

    /**
     * Where the engine's flag notes and command notes are written, in the order it lists them, and each
     * command's own flags ({@code pip}'s {@code -r}) inside it.
     */
    record Parts(List<List<Segment>> flags, List<List<Segment>> commands, List<List<List<Segment>>> commandFlags) {
    }

    static Parts find(List<String> rawLines, Analysis.Explained x, char escape) {
        PartSpans finder = new PartSpans(rawLines, x.instruction(), escape);
        List<List<Segment>> flags = new ArrayList<>();
        for (Analysis.FlagNote f : x.flags()) {
            flags.add(finder.flag(f));
        }
        List<List<Segment>> commands = new ArrayList<>();
        List<List<List<Segment>>> commandFlags = new ArrayList<>();
        for (Analysis.CommandNote c : x.commands()) {
            int from = finder.cursor;
            List<Segment> command = finder.command(c.command());
            commands.add(command);
            List<List<Segment>> own = new ArrayList<>();
            for (Analysis.FlagNote f : c.flags()) {
                own.add(command.isEmpty() ? List.of() : finder.within(f.name(), finder.lastStart, finder.cursor));
            }
            commandFlags.add(own);
            if (command.isEmpty()) {
                finder.cursor = from;
            }
        }
        return new Parts(flags, commands, commandFlags);
    }

    private List<Segment> flag(Analysis.FlagNote f) {
        String written = "--" + f.name() + (f.value() == null ? "" : "=" + f.value());
        int at = text.indexOf(written, cursor);
        if (at < 0) {
            return List.of();
        }
        cursor = at + written.length();
        return segments(at, cursor);
    }

    private List<Segment> command(String command) {
        boolean cut = command.endsWith("…");
        String[] words = (cut ? command.substring(0, command.length() - 1) : command).strip().split(" ");
        int count = cut && words.length > 1 ? words.length - 1 : words.length;
        StringBuilder regex = new StringBuilder();
        for (int w = 0; w < count; w++) {
            regex.append(w == 0 ? "" : "\\s+").append(Pattern.quote(words[w]));
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(text);
        if (words[0].isEmpty() || !m.find(cursor)) {
            return List.of();
        }
        int end = cut ? endOfCommand(m.start(), m.end()) : m.end();
        lastStart = m.start();
        cursor = end;
        return segments(m.start(), end);
    }

    /** A command's flag as a whole word between {@code from} and {@code to}, or nothing. */
    private List<Segment> within(String flag, int from, int to) {
        Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])").matcher(text);
        m.region(from, to);
        return m.find() ? segments(m.start(), m.end()) : List.of();
    }

    /**
     * Where a shortened command ends: at the first {@code &&}, {@code ||} or {@code ;} outside quotes
     * after {@code from}. Quotes are followed from the command's start, as the cut may fall inside one.
     */
    private int endOfCommand(int start, int from) {
        char quote = 0;
        for (int p = start; p < text.length(); p++) {
            char c = text.charAt(p);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (p < from) {
                continue;
            } else if (c == ';' || (heredoc && c == '\n')
                    || ((c == '&' || c == '|') && p + 1 < text.length() && text.charAt(p + 1) == c)) {
                return p;
            }
        }
        return text.length();
    }

    /** The range {@code [from, to)} of the joined text as one trimmed segment per physical line. */
    private List<Segment> segments(int from, int to) {
        List<Segment> out = new ArrayList<>();
        int line = -1;
        int start = -1;
        int end = -1;
        for (int p = from; p < to; p++) {
            int[] at = where.get(p);
            if (at[1] < 0 || Character.isWhitespace(text.charAt(p))) {
                continue;
            }
            if (at[0] != line) {
                if (line > 0) {
                    out.add(new Segment(line, start, end));
                }
                line = at[0];
                start = at[1];
            }
            end = at[1] + 1;
        }
        if (line > 0) {
            out.add(new Segment(line, start, end));
        }
        return out;
    }

    /** {@code 10:5-17,11:4-9}: the attribute the script reads. */
    static String attribute(List<Segment> segments) {
        StringBuilder s = new StringBuilder();
        for (Segment g : segments) {
            s.append(s.isEmpty() ? "" : ",").append(g.line()).append(':').append(g.start()).append('-').append(g.end());
        }
        return s.toString();
    }
}
