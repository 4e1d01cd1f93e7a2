package io.dockertutorial.compose;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.compose.checks.Finding;
import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.highlight.SyntaxHighlighter;
import io.dockertutorial.markdown.CodeBlockHtml;

import java.util.List;

import static io.dockertutorial.highlight.SyntaxHighlighter.escape;

/**
 * Renders line notes (a Compose file's keys, a {@code .dockerignore}'s patterns) as the same explainer the
 * Dockerfiles get: numbered code whose lines carry {@code data-instruction}, then every note in reading order,
 * so the page teaches without JavaScript, and {@code explainer.js} makes the panel (hover, focus, tap, parts).
 */
public final class NotesBlockHtml {

    private static final SyntaxHighlighter HIGHLIGHTER = new SyntaxHighlighter();

    /** What is rendered: the block's id and caption, the language for highlighting, and what to say first. */
    public record Block(String id, String title, String language, String kind, String code, List<Note> notes,
                        List<Finding> findings, List<String> errors, String summaryLabel, String summary) {
    }

    private NotesBlockHtml() {
    }

    public static String render(Block b) {
        String text = CodeBlockHtml.stripFinalNewline(b.code());
        List<String> lines = HIGHLIGHTER.highlightLines(text, b.language());
        List<Note> notes = b.notes();
        int[] owner = new int[lines.size() + 2];
        java.util.Arrays.fill(owner, -1);
        for (int k = 0; k < notes.size(); k++) {
            Note n = notes.get(k);
            int from = n.commentStart() > 0 ? n.commentStart() : n.startLine();
            for (int line = Math.max(from, 1); line <= Math.min(n.endLine(), lines.size()); line++) {
                owner[line] = k;
            }
        }
        boolean[] warned = new boolean[lines.size() + 2];
        b.findings().stream().filter(f -> !f.severity().equals("info"))
                .forEach(f -> warned[Math.min(Math.max(f.line(), 1), lines.size() + 1)] = true);
        String title = b.title() == null || b.title().isBlank() ? b.kind() : b.title();
        StringBuilder html = new StringBuilder(text.length() * 5 + 2048);
        html.append("<figure class=\"dockerfile-explainer notes-explainer\" id=\"").append(escape(b.id()))
                .append("\" data-explainer data-kind=\"").append(escape(b.kind())).append("\">");
        html.append("<figcaption class=\"code-title\">").append(escape(title)).append("</figcaption>");
        html.append("<div class=\"explainer-layout\"><div class=\"code-frame\">");
        CodeBlockHtml.appendCopyButton(html, text);
        html.append("<pre class=\"code numbered explainer-code\" data-label=\"").append(escape(title)).append(", ")
                .append(notes.size()).append(notes.size() == 1 ? " line explained" : " lines explained")
                .append("\"><code class=\"language-").append(escape(b.language())).append("\">");
        CodeBlockHtml.appendExplainerLines(html, lines, owner, n -> n < notes.get(owner[n]).startLine(), warned, null);
        html.append("</code></pre></div>");
        html.append(CodeBlockHtml.EXPLAINER_PANEL).append("</div>");
        if (!b.errors().isEmpty()) {
            html.append("<ul class=\"note-warnings explainer-file-problems\" role=\"alert\">");
            b.errors().forEach(e -> html.append("<li class=\"severity-error\"><span class=\"severity\">Error</span> ")
                    .append(escape(e)).append("</li>"));
            html.append("</ul>");
        }
        if (b.summary() != null) {
            html.append("<div class=\"explainer-summary\"><p class=\"note-label\">").append(escape(b.summaryLabel()))
                    .append("</p><p>").append(escape(b.summary())).append("</p></div>");
        }
        appendNotes(html, b.id(), notes);
        List<Finding> loose = b.findings().stream()
                .filter(f -> {
                    Deadline.check();
                    return notes.stream().noneMatch(n -> n.findings().contains(f));
                }).toList();
        if (!loose.isEmpty()) {
            html.append("<ul class=\"note-warnings explainer-file-problems\">");
            loose.forEach(f -> {
                html.append("<li class=\"severity-").append(escape(f.severity())).append("\"><span class=\"severity\">")
                        .append(label(f.severity())).append("</span> Line ").append(f.line()).append(": ");
                appendFinding(html, f);
                html.append("</li>");
            });
            html.append("</ul>");
        }
        html.append("</figure>");
        return html.toString();
    }

    private static void appendNotes(StringBuilder html, String id, List<Note> notes) {
        html.append("<ol class=\"explainer-notes\" aria-label=\"What each line does\">");
        for (int k = 0; k < notes.size(); k++) {
            Note n = notes.get(k);
            Deadline.check();
            String range = n.endLine() > n.startLine() ? "Lines " + n.startLine() + "–" + n.endLine() : "Line " + n.startLine();
            String anchor = escape(id) + "-L" + n.startLine();
            html.append("<li class=\"explainer-note\" id=\"").append(anchor).append("\" data-instruction=\"").append(k)
                    .append("\" data-start=\"").append(n.commentStart() > 0 ? n.commentStart() : n.startLine())
                    .append("\" data-end=\"").append(n.endLine()).append("\" data-context=\"").append(escape(n.context()))
                    .append("\" aria-label=\"").append(range).append(", ").append(escape(n.label())).append("\">");
            html.append("<p class=\"note-heading\"><a href=\"#").append(anchor).append("\"><span class=\"note-range\">")
                    .append(range).append("</span> · <code>").append(escape(n.label())).append("</code></a>");
            if (!n.context().isEmpty() && !n.context().startsWith("line ")) {
                html.append(" <span class=\"note-stage note-context\">").append(escape(n.context())).append("</span>");
            }
            html.append("</p><p class=\"note-summary\">").append(escape(n.summary())).append("</p>");
            if (n.explanation() != null && !n.explanation().isBlank()) {
                html.append("<p class=\"note-explanation\">").append(escape(n.explanation())).append("</p>");
            }
            if (!n.parts().isEmpty()) {
                html.append("<dl class=\"note-flags\">");
                for (int p = 0; p < n.parts().size(); p++) {
                    Note.Part part = n.parts().get(p);
                    html.append("<div class=\"note-part\" data-part=\"p").append(p).append('"');
                    if (!part.spans().isEmpty()) {
                        html.append(" data-span=\"").append(spans(part.spans())).append('"');
                    }
                    html.append("><dt><code>").append(escape(part.text())).append("</code></dt><dd>")
                            .append(escape(part.summary()));
                    if (part.explanation() != null) {
                        html.append(' ').append(escape(part.explanation()));
                    }
                    html.append("</dd></div>");
                }
                html.append("</dl>");
            }
            if (n.comment() != null) {
                html.append("<div class=\"note-comment\"><p class=\"note-label\">Author’s note</p><p>")
                        .append(escape(n.comment())).append("</p></div>");
            }
            if (!n.findings().isEmpty()) {
                html.append("<ul class=\"note-warnings\">");
                for (Finding f : n.findings()) {
                    html.append("<li class=\"severity-").append(escape(f.severity())).append("\" data-rule=\"")
                            .append(escape(f.rule())).append("\"><span class=\"severity\">").append(label(f.severity()))
                            .append("</span> ");
                    appendFinding(html, f);
                    html.append("</li>");
                }
                html.append("</ul>");
            }
            if (n.docsUrl() != null) {
                html.append("<p class=\"note-docs\"><a href=\"").append(escape(n.docsUrl())).append("\">")
                        .append(escape(n.label().startsWith("- ") || n.context().startsWith("line ") ? "The reference" : n.label() + " in the reference"))
                        .append("</a></p>");
            }
            html.append("</li>");
        }
        html.append("</ol>");
    }

    private static void appendFinding(StringBuilder html, Finding f) {
        html.append(escape(f.message()));
        if (f.fix() != null) {
            html.append(" <span class=\"fix\"><strong>Fix:</strong> ").append(escape(f.fix())).append("</span>");
        }
    }

    private static String spans(List<Note.Span> spans) {
        StringBuilder s = new StringBuilder();
        for (Note.Span g : spans) {
            s.append(s.isEmpty() ? "" : ",").append(g.line()).append(':').append(g.start()).append('-').append(g.end());
        }
        return s.toString();
    }

    private static String label(String severity) {
        return switch (severity) {
            case "error" -> "Error";
            case "warning" -> "Warning";
            default -> "Tip";
        };
    }
}
