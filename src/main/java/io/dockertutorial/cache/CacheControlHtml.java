package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import io.dockertutorial.cache.CachePrediction.Outcome;
import io.dockertutorial.cache.CachePrediction.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import static io.dockertutorial.highlight.SyntaxHighlighter.escape;

/**
 * The "change a file" control that sits above a Dockerfile explainer: for each file of the build context,
 * which lines the next build runs again and why. Without JavaScript it is a table; {@code cache-control.js}
 * turns it into a file picker that marks the lines in the explainer (the table rows hold the data, so it
 * works in the static export too).
 */
public final class CacheControlHtml {

    /** Files a learner does not "change" in this sense: the Dockerfile is the code shown, .dockerignore its rules. */
    private static final Set<String> NOT_OFFERED = Set.of("Dockerfile", ".dockerignore");
    static final int MAX_FILES = 60;

    private final CacheSimulator simulator = new CacheSimulator();

    /**
     * @param explainerId  the id of the explainer figure the control drives ({@code dockerfile-3})
     * @param files        the build context's files
     * @param dockerignore the text of its {@code .dockerignore}, or {@code null}
     * @return the control, or {@code ""} when the Dockerfile takes no file from the context
     */
    public String render(String explainerId, String dockerfile, List<String> files, String dockerignore) {
        String table = table(dockerfile, files, dockerignore);
        if (table.isEmpty()) {
            return "";
        }
        String id = escape(explainerId);
        return "<section class=\"cache-control\" data-cache-control data-for=\"" + id + "\" aria-labelledby=\"" + id
                + "-cache-title\"><p class=\"cache-control-title\" id=\"" + id
                + "-cache-title\">Change a file: what runs again on the next build?</p>" + table + "</section>";
    }

    /** Just the table (the playground puts it in its own section), or {@code ""} as above. */
    public String table(String dockerfile, List<String> files, String dockerignore) {
        ParsedDockerfile parsed = new DockerfileParser().parse(dockerfile);
        List<String> offered = files.stream().filter(f -> !NOT_OFFERED.contains(f)).distinct().limit(MAX_FILES).toList();
        if (offered.isEmpty() || !takesContextFiles(parsed)) {
            return "";
        }
        StringBuilder html = new StringBuilder(4096);
        html.append("<table class=\"cache-table\" data-cache-table><caption class=\"visually-hidden\">")
                .append("For each file: the steps of the Dockerfile that run again after it changes")
                .append("</caption><thead><tr><th scope=\"col\">You change</th><th scope=\"col\">Runs again</th>")
                .append("<th scope=\"col\">Why</th></tr></thead><tbody>");
        for (String file : offered) {
            CachePrediction p;
            try {
                p = simulator.predict(parsed, new CacheSimulator.Change(files, dockerignore, List.of(file), null, List.of()));
            } catch (CacheSimulator.UnknownTargetException e) {
                return ""; // no target is given here; cannot happen
            }
            appendRow(html, file, p);
        }
        html.append("</tbody></table>");
        return html.toString();
    }

    /** Whether any step reads files of the build context (COPY/ADD without --from, a bind mount of it). */
    static boolean takesContextFiles(ParsedDockerfile parsed) {
        for (Instruction i : parsed.instructions()) {
            if ((i.is("COPY") || i.is("ADD")) && i.flag("from") == null) {
                List<String> a = i.arguments();
                for (int k = 0; k < a.size() - 1; k++) {
                    if (!a.get(k).startsWith("<<") && !a.get(k).contains("://")) {
                        return true;
                    }
                }
            }
            if (i.is("RUN") && Mount.of(i).stream()
                    .anyMatch(m -> m.type().equals("bind") && m.from() == null)) {
                return true;
            }
        }
        return false;
    }

    private static void appendRow(StringBuilder html, String file, CachePrediction p) {
        List<Integer> rebuilt = p.lines(Outcome.REBUILT);
        StringJoiner lines = new StringJoiner(" ");
        rebuilt.forEach(l -> lines.add(String.valueOf(l)));
        html.append("<tr data-file=\"").append(escape(file)).append("\" data-rebuilt=\"").append(lines).append("\">");
        html.append("<th scope=\"row\"><code>").append(escape(file)).append("</code></th><td>");
        if (rebuilt.isEmpty()) {
            html.append("Nothing: every step comes from the cache");
        } else {
            List<String> labels = new ArrayList<>();
            for (Step s : p.steps()) {
                if (s.outcome() == Outcome.REBUILT) {
                    labels.add("line " + s.line() + " <code>" + escape(s.instruction().keyword()) + "</code>");
                }
            }
            html.append(capitalize(String.join(", ", labels)));
        }
        html.append("</td><td><ul class=\"cache-reasons\">");
        boolean said = false;
        for (Step s : p.steps()) {
            if (!worthSaying(s)) {
                continue;
            }
            said = true;
            html.append("<li data-line=\"").append(s.line()).append("\" data-outcome=\"")
                    .append(CacheResponse.outcome(s.outcome())).append("\"><span class=\"cache-reason-line\">Line ")
                    .append(s.line()).append(":</span> ").append(escape(CacheReasons.get().text(s))).append("</li>");
        }
        if (!said) {
            html.append("<li>").append(escape(CacheReasons.get().text("file-not-taken", java.util.Map.of("file", file))))
                    .append("</li>");
        }
        html.append("</ul></td></tr>");
    }

    /** Every line that runs again; of the others, those that teach something about this change. */
    private static boolean worthSaying(Step s) {
        if (s.reason() == null) {
            return false;
        }
        return switch (s.outcome()) {
            case REBUILT -> true;
            case CACHED -> s.reason().equals("copy-ignored") || s.reason().equals("copy-missing");
            case NOT_BUILT -> s.reason().equals("copy-not-built");
            case SETTING -> false;
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
