package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.checks.Severity;
import io.dockertutorial.dockerfile.checks.Warning;
import io.dockertutorial.dockerfile.narration.Analysis.Explained;
import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.state.ImageState;
import io.dockertutorial.dockerfile.state.StateChange;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParseError;
import io.dockertutorial.highlight.SyntaxHighlighter;
import io.dockertutorial.markdown.CodeBlockHtml;
import io.dockertutorial.markdown.CodeFence;

import java.util.List;

import static io.dockertutorial.highlight.SyntaxHighlighter.escape;

/**
 * Renders a Dockerfile as the line-by-line explainer: the highlighted code (every line carries
 * {@code data-line} and, when it belongs to an instruction, {@code data-instruction}), then every
 * instruction's explanation in reading order, so the page teaches without JavaScript. The script
 * {@code explainer.js} turns the list into the interactive panel ({@code data-explainer-panel}).
 */
public final class DockerfileBlockHtml {

    private static final SyntaxHighlighter HIGHLIGHTER = new SyntaxHighlighter();

    private DockerfileBlockHtml() {
    }

    /** @param id the block's element id, e.g. {@code dockerfile-1}; fragments are {@code #dockerfile-1-L10} */
    public static String render(String id, String title, String code, Analysis analysis) {
        return render(id, title, code, analysis, false, false);
    }

    /**
     * @param predict "predict, then reveal": the panel asks the learner to guess before it explains
     * @param flawed  a deliberately bad example (```dockerfile bad): labelled as such
     */
    public static String render(String id, String title, String code, Analysis analysis, boolean predict, boolean flawed) {
        String text = CodeBlockHtml.stripFinalNewline(code);
        List<String> lines = HIGHLIGHTER.highlightLines(text, "dockerfile");
        List<Explained> items = analysis.instructions();
        int[] owner = new int[lines.size() + 2];
        java.util.Arrays.fill(owner, -1);
        for (int k = 0; k < items.size(); k++) {
            Instruction i = items.get(k).instruction();
            for (int line = i.spanStart(); line <= Math.min(i.endLine(), lines.size()); line++) {
                owner[line] = k;
            }
        }
        String[] lineErrors = new String[lines.size() + 2];
        analysis.errors().forEach(e -> {
            int at = Math.min(Math.max(e.line(), 1), lines.size() + 1);
            lineErrors[at] = lineErrors[at] == null ? e.message() : lineErrors[at];
        });
        boolean[] warned = new boolean[lines.size() + 2];
        analysis.warnings().stream().filter(w -> w.severity() != Severity.INFO)
                .forEach(w -> warned[Math.min(w.line(), lines.size() + 1)] = true);
        analysis.errors().forEach(e -> warned[Math.min(e.line(), lines.size() + 1)] = true);

        StringBuilder html = new StringBuilder(text.length() * 4 + 2048);
        html.append("<figure class=\"dockerfile-explainer").append(flawed ? " is-flawed" : "").append("\" id=\"")
                .append(escape(id)).append("\" data-explainer").append(predict ? " data-predict" : "");
        appendProcessOne(html, items);
        html.append('>');
        if ((title != null && !title.isBlank()) || flawed || predict) {
            html.append("<figcaption class=\"code-title\">").append(escape(title == null ? "Dockerfile" : title));
            if (flawed) {
                html.append(" <span class=\"badge badge-flawed\">Deliberately flawed: find the mistakes</span>");
            }
            if (predict) {
                html.append(" <span class=\"badge badge-predict\">Predict, then reveal</span>");
            }
            html.append("</figcaption>");
        }
        appendToolbar(html, title, warned);
        html.append("<div class=\"explainer-layout\"><div class=\"code-frame\">");
        CodeBlockHtml.appendCopyButton(html, text);
        // explainer.js makes the code a listbox (role, tabindex, label); without it this is plain code.
        html.append("<pre class=\"code numbered explainer-code\" data-label=\"")
                .append(escape(title == null ? "Dockerfile" : title))
                .append(", ").append(items.size()).append(items.size() == 1 ? " instruction" : " instructions")
                .append("\"><code class=\"language-dockerfile\">");
        CodeBlockHtml.appendExplainerLines(html, lines, owner, n -> n < items.get(owner[n]).instruction().startLine(),
                warned, lineErrors);
        html.append("</code></pre></div>");
        html.append(CodeBlockHtml.EXPLAINER_PANEL);
        html.append("</div>");
        appendNotes(html, id, items, analysis, List.of(text.split("\n", -1)));
        html.append("</figure>");
        return html.toString();
    }

    private static void appendNotes(StringBuilder html, String id, List<Explained> items, Analysis analysis,
                                    List<String> rawLines) {
        char escapeChar = analysis.parsed().directives().escape();
        html.append("<ol class=\"explainer-notes\" aria-label=\"What each instruction does\">");
        for (int k = 0; k < items.size(); k++) {
            Explained x = items.get(k);
            Instruction i = x.instruction();
            PartSpans.Parts parts = PartSpans.find(rawLines, x, escapeChar);
            String range = i.endLine() > i.startLine()
                    ? "Lines " + i.startLine() + "–" + i.endLine() : "Line " + i.startLine();
            html.append("<li class=\"explainer-note\" id=\"").append(escape(id)).append("-L").append(i.startLine())
                    .append("\" data-instruction=\"").append(k).append("\" data-start=\"").append(i.spanStart())
                    .append("\" data-end=\"").append(i.endLine()).append("\" aria-label=\"")
                    .append(range).append(", ").append(escape(i.keyword())).append("\">");
            html.append("<p class=\"note-heading\"><a href=\"#").append(escape(id)).append("-L").append(i.startLine())
                    .append("\"><span class=\"note-range\">").append(range).append("</span> · <code>")
                    .append(escape(i.keyword())).append("</code></a>");
            if (x.stage() != null) {
                html.append(" <span class=\"note-stage\">stage ").append(escape(x.stage())).append("</span>");
            }
            html.append("</p>");
            html.append("<p class=\"note-summary\">").append(escape(x.summary())).append("</p>");
            // What is wrong comes right after the summary: in a flawed block it is the point of the line.
            appendWarnings(html, x, analysis, rawLines);
            if (!x.explanation().isBlank()) {
                html.append("<p class=\"note-explanation\">").append(escape(x.explanation())).append("</p>");
            }
            if (!x.flags().isEmpty()) {
                html.append("<dl class=\"note-flags\">");
                for (int p = 0; p < x.flags().size(); p++) {
                    Analysis.FlagNote f = x.flags().get(p);
                    html.append("<div class=\"note-part\"");
                    appendPart(html, "f" + p, parts.flags().get(p));
                    html.append("><dt><code>--").append(escape(f.name()))
                            .append(f.value() == null ? "" : "=" + escape(f.value())).append("</code></dt><dd>")
                            .append(escape(f.summary()));
                    if (f.explanation() != null) {
                        html.append(" ").append(escape(f.explanation()));
                    }
                    html.append("</dd></div>");
                }
                html.append("</dl>");
            }
            if (!x.commands().isEmpty()) {
                html.append("<p class=\"note-label\">Inside this command</p><ul class=\"note-commands\">");
                for (int p = 0; p < x.commands().size(); p++) {
                    Analysis.CommandNote c = x.commands().get(p);
                    html.append("<li class=\"note-part\"");
                    appendPart(html, "c" + p, parts.commands().get(p));
                    html.append("><code>").append(escape(c.command())).append("</code> ").append(escape(c.explanation()));
                    appendCommandFlags(html, p, c, parts.commandFlags().get(p));
                    html.append("</li>");
                }
                html.append("</ul>");
            }
            if (x.comment() != null) {
                html.append("<div class=\"note-comment\"><p class=\"note-label\">Author’s note</p><p>")
                        .append(escape(x.comment())).append("</p></div>");
            }
            if (x.state() != null) {
                appendStateNote(html, x);
            }
            html.append("<p class=\"note-docs\"><a href=\"").append(escape(x.docsUrl())).append("\">")
                    .append(escape(i.keyword())).append(" in the Dockerfile reference</a></p>");
            html.append("</li>");
        }
        html.append("</ol>");
        // Problems not tied to any instruction (e.g. an empty file) still show.
        List<ParseError> loose = analysis.errors().stream()
                .filter(e -> items.stream().noneMatch(x -> x.errors().contains(e))).toList();
        List<Warning> looseWarnings = analysis.warnings().stream()
                .filter(w -> items.stream().noneMatch(x -> x.warnings().contains(w))).toList();
        if (!loose.isEmpty() || !looseWarnings.isEmpty()) {
            html.append("<ul class=\"note-warnings explainer-file-problems\">");
            loose.forEach(e -> html.append("<li class=\"severity-error\"><span class=\"severity\">Error</span> Line ")
                    .append(e.line()).append(": ").append(escape(e.message())).append("</li>"));
            looseWarnings.forEach(w -> html.append("<li class=\"severity-").append(w.severity().label())
                    .append("\"><span class=\"severity\">").append(label(w.severity())).append("</span> Line ")
                    .append(w.line()).append(": ")
                    .append(escape(w.message())).append(" <span class=\"fix\"><strong>Fix:</strong> ")
                    .append(escape(w.fix())).append("</span></li>"));
            html.append("</ul>");
        }
    }

    /** Errors and warnings of one instruction, each with its fix (and, where it is mechanical, the edit). */
    private static void appendWarnings(StringBuilder html, Explained x, Analysis analysis, List<String> rawLines) {
        if (x.errors().isEmpty() && x.warnings().isEmpty()) {
            return;
        }
        html.append("<ul class=\"note-warnings\">");
        for (ParseError e : x.errors()) {
            html.append("<li class=\"severity-error\" data-topic=\"").append(escape(topic(e.message())))
                    .append("\"><span class=\"severity\">Error</span> ").append(escape(e.message())).append("</li>");
        }
        for (Warning w : x.warnings()) {
            html.append("<li class=\"severity-").append(w.severity().label()).append("\" data-rule=\"")
                    .append(escape(w.rule())).append("\" data-topic=\"").append(escape(topic(w.rule()))).append('"');
            FixEdits.Edit edit = FixEdits.of(w, x.instruction(), analysis, rawLines);
            if (edit != null) {
                html.append(" data-fix-from=\"").append(edit.from()).append("\" data-fix-to=\"").append(edit.to())
                        .append("\" data-fix=\"").append(escape(edit.text())).append('"');
            }
            html.append("><span class=\"severity\">").append(label(w.severity()))
                    .append("</span> ").append(escape(w.message())).append(" <span class=\"fix\"><strong>Fix:</strong> ")
                    .append(escape(w.fix())).append("</span>");
            if (w.url() != null) {
                html.append(" <a class=\"rule-link\" href=\"").append(escape(w.url())).append("\">")
                        .append(escape(w.rule())).append("</a>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
    }

    /**
     * A warning's topic in a few words, for the names screen readers speak: the rule id in words
     * ({@code EndOfLifeImage} → "end of life image"), or an error's first words.
     */
    static String topic(String ruleOrMessage) {
        if (ruleOrMessage.matches("[A-Za-z]+")) {
            String words = ruleOrMessage.replaceAll("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ");
            StringBuilder out = new StringBuilder();
            for (String word : words.split(" ")) {
                out.append(out.isEmpty() ? "" : " ").append(word.matches("[A-Z]{2,}") ? word : word.toLowerCase(java.util.Locale.ROOT));
            }
            return out.toString();
        }
        String[] words = ruleOrMessage.split("\\s+");
        return String.join(" ", java.util.Arrays.asList(words).subList(0, Math.min(words.length, 6)))
                + (words.length > 6 ? "…" : "");
    }

    /**
     * Before the code, shown only with scripts (they make the code interactive): how to use it, what the gutter
     * marks mean, and the tools: the annotated view, large type, stepping through the build, the quiz.
     */
    private static void appendToolbar(StringBuilder html, String title, boolean[] warned) {
        boolean anyWarning = false;
        for (boolean w : warned) {
            anyWarning |= w;
        }
        html.append("<div class=\"explainer-toolbar js-only\"><p class=\"explainer-hint\">Point at a line or tap it; "
                + "or focus the code and use the arrow keys.");
        if (anyWarning) {
            html.append(" <span class=\"explainer-legend\"><span class=\"legend-mark\" aria-hidden=\"true\">!</span> "
                    + "marks a mistake.</span>");
        }
        html.append("</p><div class=\"explainer-tools\" role=\"group\" aria-label=\"Tools for ")
                .append(escape(title == null ? "Dockerfile" : title)).append("\">")
                .append("<button type=\"button\" class=\"tool\" data-tool=\"annotated\" aria-pressed=\"false\">Annotated</button>")
                .append("<button type=\"button\" class=\"tool\" data-tool=\"large\" aria-pressed=\"false\">Large type</button>")
                .append("<button type=\"button\" class=\"tool\" data-tool=\"previous\">\u2191 Previous step</button>")
                .append("<button type=\"button\" class=\"tool\" data-tool=\"next\">\u2193 Next step</button>")
                .append("<button type=\"button\" class=\"tool\" data-tool=\"quiz\" aria-expanded=\"false\">")
                .append("Quiz me on this file</button></div></div>");
    }

    /** What the built image runs as process 1, and the signal docker stop sends it (for the quiz). */
    private static void appendProcessOne(StringBuilder html, List<Explained> items) {
        ImageState last = items.isEmpty() ? null : items.get(items.size() - 1).state();
        if (last == null || last.runs() == null || last.runs().isEmpty()) {
            return;
        }
        html.append(" data-runs=\"").append(escape(argv(last.runs()))).append("\" data-pid1=\"")
                .append(escape(last.runs().get(0))).append('"');
        if (last.stopSignal() != null) {
            html.append(" data-stop-signal=\"").append(escape(last.stopSignal())).append('"');
        }
    }

    /** A command's own flags, each an entry of its own that can be pointed at in the code. */
    private static void appendCommandFlags(StringBuilder html, int p, Analysis.CommandNote c, List<List<PartSpans.Segment>> where) {
        if (c.flags().isEmpty()) {
            return;
        }
        html.append("<dl class=\"note-command-flags\">");
        for (int q = 0; q < c.flags().size(); q++) {
            Analysis.FlagNote f = c.flags().get(q);
            html.append("<div class=\"note-part\"");
            appendPart(html, "c" + p + "f" + q, where.get(q));
            html.append("><dt><code>").append(escape(f.name())).append("</code></dt><dd>").append(escape(f.summary()))
                    .append("</dd></div>");
        }
        html.append("</dl>");
    }

    /** Names a flag or command entry and where it is written, for highlighting it in the code. */
    private static void appendPart(StringBuilder html, String part, List<PartSpans.Segment> where) {
        html.append(" data-part=\"").append(part).append('"');
        if (!where.isEmpty()) {
            html.append(" data-span=\"").append(PartSpans.attribute(where)).append('"');
        }
    }

    /**
     * What the instruction changed, then what holds after it in its stage: working directory, user, shell,
     * what {@code docker run} starts and the signal {@code docker stop} sends. The environment is listed in
     * full after FROM only (what the base image sets); later lines show the variables they change.
     */
    private static void appendStateNote(StringBuilder html, Explained x) {
        ImageState s = x.state();
        String unknown = "not known (set by the base image)";
        html.append("<div class=\"note-state\"><p class=\"note-label\">After this line</p>");
        if (!x.change().isEmpty()) {
            html.append("<ul class=\"note-change\">");
            for (StateChange c : x.change()) {
                html.append("<li class=\"change-").append(c.kind().name().toLowerCase(java.util.Locale.ROOT))
                        .append("\">").append(code(c.text()));
                if (c.value() != null && (c.kind() == StateChange.Kind.ENV || c.kind() == StateChange.Kind.ARG
                        || c.kind() == StateChange.Kind.ENTRYPOINT || c.kind() == StateChange.Kind.CMD)) {
                    html.append(": ").append(code(c.value()));
                }
                html.append("</li>");
            }
            html.append("</ul>");
        }
        html.append("<dl>");
        stateItem(html, "Working directory", s.workdir() == null ? null : code(s.workdir()), unknown);
        stateItem(html, "User", s.user() == null ? null : code(s.user()), unknown);
        stateItem(html, "Shell for RUN", code(String.join(" ", s.shell())), unknown);
        if (x.instruction().is("FROM") && !s.env().isEmpty()) {
            java.util.List<String> env = new java.util.ArrayList<>();
            s.env().forEach((k, v) -> env.add(code(k + "=" + (v == null ? "…" : v))));
            stateItem(html, "Environment", String.join(", ", env), unknown);
        }
        String runs = s.runs() == null ? null : s.runs().isEmpty() ? "nothing: no command is set" : code(argv(s.runs()));
        stateItem(html, "docker run starts", runs, "not known (the base image's ENTRYPOINT and CMD)");
        stateItem(html, "docker stop sends", s.stopSignal() == null ? null : code(s.stopSignal()), unknown);
        html.append("</dl></div>");
    }

    private static void stateItem(StringBuilder html, String term, String valueHtml, String unknown) {
        html.append("<dt>").append(term).append("</dt><dd>").append(valueHtml == null ? escape(unknown) : valueHtml)
                .append("</dd>");
    }

    private static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }

    private static String argv(java.util.List<String> argv) {
        java.util.List<String> words = new java.util.ArrayList<>();
        for (String a : argv) {
            words.add(a.isEmpty() || a.matches(".*[\\s\"'].*") ? "\"" + a.replace("\"", "\\\"") + "\"" : a);
        }
        return String.join(" ", words);
    }

    /** How a finding is labelled for learners: advice is a tip, not a warning. */
    private static String label(Severity severity) {
        return switch (severity) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case INFO -> "Tip";
        };
    }

    /** Adapter for lessons: a Dockerfile code fence becomes an explainer. */
    static String render(CodeFence fence, Analysis analysis) {
        return render("dockerfile-" + fence.index(), fence.title(), fence.code(), analysis, fence.has("predict"),
                fence.has("bad"));
    }
}
