package io.dockertutorial.command;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.command.checks.CommandChecks;
import io.dockertutorial.command.narration.Narrator;
import io.dockertutorial.command.syntax.CommandText;
import io.dockertutorial.explain.TextExplanation;
import io.dockertutorial.highlight.SyntaxHighlighter;
import io.dockertutorial.markdown.CodeBlockHtml;
import io.dockertutorial.markdown.CodeFence;

import java.util.ArrayList;
import java.util.List;

import static io.dockertutorial.highlight.SyntaxHighlighter.escape;

/**
 * Renders a block of commands as an explainer, in the Dockerfile explainer's markup so the same script
 * ({@code explainer.js}) drives it: the highlighted lines (the lines of each docker command carry
 * {@code data-instruction}; prompts, output and other commands do not), then a note per command line with a
 * note per part (the command, each flag with its value, each argument), whose {@code data-span} says where
 * the part is written. Without JavaScript the notes are a list under the code. The copy button copies the
 * commands only, without prompts and output.
 */
final class CommandBlockHtml {

    private static final SyntaxHighlighter HIGHLIGHTER = new SyntaxHighlighter();

    private CommandBlockHtml() {
    }

    static String render(CodeFence fence, CommandAnalysis analysis) {
        String id = "command-" + fence.index();
        String text = CodeBlockHtml.stripFinalNewline(fence.code());
        List<String> lines = HIGHLIGHTER.highlightLines(text, fence.language());
        // One note per command line: "docker stop web && docker rm web" is one note with two commands.
        List<List<Narrator.Explained>> groups = new ArrayList<>();
        for (Narrator.Explained x : analysis.commands()) {
            List<Narrator.Explained> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.get(0).invocation().source().startLine() == x.invocation().source().startLine()) {
                last.add(x);
            } else {
                groups.add(new ArrayList<>(List.of(x)));
            }
        }
        int[] owner = new int[lines.size() + 2];
        java.util.Arrays.fill(owner, -1);
        boolean[] warned = new boolean[lines.size() + 2];
        for (int k = 0; k < groups.size(); k++) {
            CommandText source = groups.get(k).get(0).invocation().source();
            for (int n = source.startLine(); n <= Math.min(source.endLine(), lines.size()); n++) {
                owner[n] = k;
            }
            for (Narrator.Explained x : groups.get(k)) {
                for (CommandChecks.Finding f : x.findings()) {
                    warned[Math.min(source.lineOf(f.start()), lines.size() + 1)] = true;
                }
            }
        }
        String title = fence.title();
        String label = title != null && !title.isBlank() ? title : "Commands";
        StringBuilder html = new StringBuilder(text.length() * 6 + 2048);
        html.append("<figure class=\"dockerfile-explainer command-explainer\" id=\"").append(id)
                .append("\" data-explainer data-kind=\"command\"");
        String language = SyntaxHighlighter.canonicalLanguage(fence.language());
        if (language != null) {
            html.append(" data-lang=\"").append(escape(language)).append('"');
        }
        CodeBlockHtml.appendLabAttributes(html, fence);
        html.append('>');
        if (title != null && !title.isBlank()) {
            html.append("<figcaption class=\"code-title\">").append(escape(title)).append("</figcaption>");
        }
        html.append("<div class=\"explainer-layout\"><div class=\"code-frame\">");
        CodeBlockHtml.appendCopyButton(html, CodeBlockHtml.copyText(text, language == null ? "shell" : language));
        html.append("<pre class=\"code explainer-code\" data-label=\"").append(escape(label)).append(", ")
                .append(groups.size()).append(groups.size() == 1 ? " command" : " commands")
                .append("\"><code class=\"language-").append(escape(fence.language())).append("\">");
        CodeBlockHtml.appendExplainerLines(html, lines, owner, n -> false, warned, null);
        html.append("</code></pre></div>");
        html.append(CodeBlockHtml.EXPLAINER_PANEL).append("</div>");
        appendNotes(html, id, groups);
        html.append("</figure>");
        return html.toString();
    }

    private static void appendNotes(StringBuilder html, String id, List<List<Narrator.Explained>> groups) {
        html.append("<ol class=\"explainer-notes\" aria-label=\"What each command does\">");
        for (int k = 0; k < groups.size(); k++) {
            Deadline.check();
            List<Narrator.Explained> group = groups.get(k);
            CommandText source = group.get(0).invocation().source();
            String range = source.endLine() > source.startLine()
                    ? "Lines " + source.startLine() + "–" + source.endLine() : "Line " + source.startLine();
            String words = String.join(", ", group.stream().map(x -> x.parts().get(0).written()).toList());
            html.append("<li class=\"explainer-note\" id=\"").append(id).append("-L").append(source.startLine())
                    .append("\" data-instruction=\"").append(k).append("\" data-start=\"").append(source.startLine())
                    .append("\" data-end=\"").append(source.endLine()).append("\" aria-label=\"").append(range)
                    .append(", ").append(escape(words)).append("\">");
            html.append("<p class=\"note-heading\"><a href=\"#").append(id).append("-L").append(source.startLine())
                    .append("\"><span class=\"note-range\">").append(range).append("</span> · <code>")
                    .append(escape(words)).append("</code></a></p>");
            html.append("<p class=\"note-summary\">").append(escape(group.get(0).item().summary())).append("</p>");
            for (int c = 0; c < group.size(); c++) {
                appendCommand(html, group.get(c), group.size() > 1 ? c + "-" : "", c > 0);
            }
            html.append("</li>");
        }
        html.append("</ol>");
    }

    private static void appendCommand(StringBuilder html, Narrator.Explained x, String prefix, boolean withSummary) {
        TextExplanation.Item item = x.item();
        if (withSummary) {
            html.append("<p class=\"note-explanation\"><code>").append(escape(x.parts().get(0).written()))
                    .append("</code>: ").append(escape(item.summary())).append("</p>");
        }
        if (!item.explanation().isBlank()) {
            html.append("<p class=\"note-explanation\">").append(escape(item.explanation())).append("</p>");
        }
        html.append("<dl class=\"note-flags\">");
        for (Narrator.Part part : x.parts()) {
            html.append("<div class=\"note-part\" data-part=\"").append(prefix).append(part.key()).append('"');
            String span = String.join(",", part.ranges().stream()
                    .map(r -> span(x.invocation().source(), r[0], r[1])).filter(t -> !t.isEmpty()).toList());
            if (!span.isEmpty()) {
                html.append(" data-span=\"").append(span).append('"');
            }
            html.append("><dt><code>").append(escape(part.written())).append("</code></dt><dd>")
                    .append(escape(part.note())).append("</dd></div>");
        }
        html.append("</dl>");
        if (!x.findings().isEmpty()) {
            html.append("<ul class=\"note-warnings\">");
            for (CommandChecks.Finding f : x.findings()) {
                html.append("<li class=\"severity-warning\" data-rule=\"").append(escape(f.rule()))
                        .append("\"><span class=\"severity\">Warning</span> ").append(escape(f.message())).append("</li>");
            }
            html.append("</ul>");
        }
    }

    /** {@code 3:10-27,4:2-8}: where {@code [start, end)} of the command's text is written, per line. */
    static String span(CommandText source, int start, int end) {
        StringBuilder out = new StringBuilder();
        int line = -1;
        int from = -1;
        int to = -1;
        for (int p = start; p < end && p < source.text().length(); p++) {
            int column = source.columnOf(p);
            if (column < 0 || Character.isWhitespace(source.text().charAt(p))) {
                continue;
            }
            int l = source.lineOf(p);
            if (l != line) {
                if (line > 0) {
                    out.append(out.isEmpty() ? "" : ",").append(line).append(':').append(from).append('-').append(to);
                }
                line = l;
                from = column;
            }
            to = column + 1;
        }
        if (line > 0) {
            out.append(out.isEmpty() ? "" : ",").append(line).append(':').append(from).append('-').append(to);
        }
        return out.toString();
    }
}
