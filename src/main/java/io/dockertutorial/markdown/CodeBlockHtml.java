package io.dockertutorial.markdown;

import io.dockertutorial.highlight.SyntaxHighlighter;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The HTML of a highlighted, copyable code block with an optional caption and line numbers, and the code lines
 * and panel of the explainers.
 */
public final class CodeBlockHtml {

    private static final SyntaxHighlighter HIGHLIGHTER = new SyntaxHighlighter();
    private static final Pattern PROMPT = Pattern.compile("^(?:\\$|PS>|PS [^>]*>) ");

    /** The panel {@code explainer.js} fills with the note of the line in focus (hidden without the script). */
    public static final String EXPLAINER_PANEL =
            "<div class=\"explainer-panel\" data-explainer-panel aria-live=\"polite\" hidden></div>";

    private CodeBlockHtml() {
    }

    public static String render(CodeFence fence) {
        String code = stripFinalNewline(fence.code());
        String language = SyntaxHighlighter.canonicalLanguage(fence.language());
        List<String> lines = HIGHLIGHTER.highlightLines(code, fence.language());
        boolean numbered = fence.has("showLineNumbers")
                || (!"shell".equals(language) && lines.size() > 3);
        StringBuilder html = new StringBuilder(code.length() * 2 + 256);
        html.append("<figure class=\"code-block\"");
        if (language != null) {
            html.append(" data-lang=\"").append(language).append('"');
        }
        appendLabAttributes(html, fence);
        html.append('>');
        if (fence.title() != null && !fence.title().isBlank()) {
            html.append("<figcaption class=\"code-title\">").append(SyntaxHighlighter.escape(fence.title()))
                    .append("</figcaption>");
        }
        html.append("<div class=\"code-frame\">");
        appendCopyButton(html, copyText(code, language));
        html.append("<pre class=\"code").append(numbered ? " numbered" : "").append("\" tabindex=\"0\"><code");
        if (!fence.language().isEmpty()) {
            html.append(" class=\"language-").append(SyntaxHighlighter.escape(fence.language())).append('"');
        }
        html.append('>');
        for (int i = 0; i < lines.size(); i++) {
            html.append("<span class=\"line\" data-line=\"").append(i + 1).append("\">")
                    .append(lines.get(i)).append("</span>");
        }
        html.append("</code></pre></div></figure>");
        return html.toString();
    }

    /**
     * A hands-on step ({@code lab}): classroom mode adds "Run in my sandbox" after it, or, when the author wrote
     * {@code sandbox-note="why"} because the step cannot work in a learner's rootless sandbox, that note instead.
     */
    public static void appendLabAttributes(StringBuilder html, CodeFence fence) {
        if (!fence.has("lab")) {
            return;
        }
        html.append(" data-lab");
        String note = fence.attribute("sandbox-note");
        if (note != null && !note.isBlank()) {
            html.append(" data-no-sandbox=\"").append(SyntaxHighlighter.escape(note.strip())).append('"');
        }
    }

    /**
     * The lines of an explainer's code, in the markup {@code explainer.js} reads (the Dockerfile, Compose and
     * command explainers share it): each line numbered; the lines of note {@code k} with
     * {@code data-instruction="k"}, and {@code data-comment} on the author's comment above it; a gutter marker on a
     * line with a warning; an error written on the line itself. The arrays are indexed by line (1-based).
     *
     * @param lines   the highlighted lines (HTML)
     * @param owner   the note each line belongs to, -1 for none
     * @param comment whether a line that belongs to a note is the comment above it
     * @param errors  the error to show on each line, or {@code null} for none on any line
     */
    public static void appendExplainerLines(StringBuilder html, List<String> lines, int[] owner, IntPredicate comment,
                                            boolean[] warned, String[] errors) {
        for (int n = 1; n <= lines.size(); n++) {
            html.append("<span class=\"line\" data-line=\"").append(n).append('"');
            if (owner[n] >= 0) {
                html.append(" data-instruction=\"").append(owner[n]).append('"');
                if (comment.test(n)) {
                    html.append(" data-comment");
                }
            }
            html.append('>');
            if (warned[n]) {
                html.append("<span class=\"gutter-marker\" role=\"img\" aria-label=\"Warning\" title=\"This line has a warning\">!</span>");
            }
            html.append("<span class=\"line-code\">").append(lines.get(n - 1)).append("</span>");
            if (errors != null && errors[n] != null) {
                // Errors show where they are, not only in the panel.
                html.append("<span class=\"line-error\">\u26A0\uFE0E ").append(SyntaxHighlighter.escape(errors[n]))
                        .append("</span>");
            }
            html.append("</span>");
        }
    }

    /** A copy button that carries the text to copy, so no script needs to re-read the code. */
    public static void appendCopyButton(StringBuilder html, String text) {
        html.append("<button class=\"copy-button\" type=\"button\" data-copy=\"")
                // Newlines as character references: the Markdown writer re-indents raw output lines.
                .append(SyntaxHighlighter.escape(text).replace("\n", "&#10;"))
                .append("\" aria-label=\"Copy code to clipboard\">Copy</button>");
    }

    public static String stripFinalNewline(String code) {
        return code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
    }

    /**
     * What the copy button copies: for shell sessions with prompts, only the commands (prompt removed,
     * continuation lines kept, output dropped); otherwise the code as written.
     */
    public static String copyText(String code, String language) {
        if (!"shell".equals(language)) {
            return code;
        }
        String[] lines = code.split("\n", -1);
        boolean hasPrompt = false;
        for (String line : lines) {
            hasPrompt |= PROMPT.matcher(line).find();
        }
        if (!hasPrompt) {
            return code;
        }
        StringBuilder out = new StringBuilder();
        boolean continuing = false;
        for (String line : lines) {
            var m = PROMPT.matcher(line);
            if (m.find()) {
                out.append(line.substring(m.end())).append('\n');
            } else if (continuing) {
                out.append(line).append('\n');
            } else {
                continue;
            }
            String trimmed = line.stripTrailing();
            continuing = trimmed.endsWith("\\") || trimmed.endsWith("`") || trimmed.endsWith("^");
        }
        return stripFinalNewline(out.toString());
    }
}
