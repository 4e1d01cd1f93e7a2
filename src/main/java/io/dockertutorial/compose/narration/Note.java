package io.dockertutorial.compose.narration;

import io.dockertutorial.compose.checks.Finding;

import java.util.List;

/**
 * What the explainer says about lines {@code startLine..endLine} of a Compose file (or a {@code .dockerignore}):
 * one key or list item, in its context.
 *
 * @param context      where it sits, such as {@code services.web.ports[0]}
 * @param label        the short heading: the key, or the item as written
 * @param commentStart the first line of the author's comment just above it, or 0
 * @param comment      that comment's text, or {@code null}
 * @param parts        pieces of the line worth a note of their own (a variable, a port's host address)
 * @param docsUrl      the reference page, or {@code null}
 */
public record Note(int startLine, int endLine, String context, String label, String summary, String explanation,
                   List<Part> parts, List<Finding> findings, String docsUrl, int commentStart, String comment) {

    /** Where a part is written: columns {@code [start, end)} of a line (1-based), in UTF-16 units. */
    public record Span(int line, int start, int end) {
    }

    /** @param role what the piece is: {@code variable}, {@code host-address}, {@code host-port}, {@code container-port}… */
    public record Part(String text, String role, String summary, String explanation, List<Span> spans) {
    }

    public Note withFindings(List<Finding> more) {
        java.util.List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new Note(startLine, endLine, context, label, summary, explanation, parts, List.copyOf(all), docsUrl,
                commentStart, comment);
    }

    public Note withComment(int line, String text) {
        return new Note(startLine, endLine, context, label, summary, explanation, parts, findings, docsUrl, line, text);
    }
}
