package io.dockertutorial.dockerignore;

import io.dockertutorial.compose.checks.Finding;
import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.dockerfile.syntax.Dockerignore;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains a {@code .dockerignore} line by line with the cache simulator's own matcher ({@link Dockerignore}):
 * what each pattern leaves out of the build context or puts back, where it matches, and which earlier lines
 * it overrides. Texts from {@code dockerignore/texts.yml}. Thread-safe.
 */
public final class DockerignoreExplainer {

    /** Longer files are explained up to here. */
    public static final int MAX_LINES = 2_000;

    /** The notes and findings; one note per pattern, comments above a pattern are its author's note. */
    public record Explained(List<String> lines, List<Note> notes, List<Finding> findings) {
    }

    private final Map<String, Object> texts;

    public DockerignoreExplainer() {
        try (InputStream in = getClass().getResourceAsStream("/dockerignore/texts.yml")) {
            texts = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Line(int number, String glob, boolean exception, com.google.re2j.Pattern pattern) {
    }

    public Explained explain(String text) {
        List<String> lines = List.of((text == null ? "" : text).split("\r?\n", -1));
        List<Note> notes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Line> earlier = new ArrayList<>();
        List<String> comment = new ArrayList<>();
        int commentStart = 0;
        boolean emptied = false;
        for (int n = 1; n <= Math.min(lines.size(), MAX_LINES); n++) {
            String raw = lines.get(n - 1);
            String p = raw.strip();
            if (p.isEmpty()) {
                comment.clear();
                continue;
            }
            if (p.startsWith("#")) {
                if (comment.isEmpty()) {
                    commentStart = n;
                }
                comment.add(p.replaceFirst("^#+\\s?", ""));
                continue;
            }
            Dockerignore.Rule rule = Dockerignore.parse(p).rules().get(0);
            Line line = new Line(n, rule.glob(), rule.exception(), rule.pattern());
            List<String> says = new ArrayList<>();
            String shown = (rule.exception() ? "!" : "") + rule.glob();
            boolean everything = !rule.exception() && (rule.glob().equals("*") || rule.glob().equals("**"));
            if (everything) {
                says.add(text("everything"));
            } else {
                says.add(text(rule.exception() ? "exception" : "exclude").replace("{pattern}", rule.glob()));
                if (rule.glob().contains("**")) {
                    says.add(text("any-depth"));
                } else if (!rule.glob().contains("/")) {
                    says.add(text("top-level"));
                }
                if (!rule.exception()) {
                    says.add(text("folder"));
                }
            }
            String written = p.startsWith("!") ? p.substring(1).strip() : p;
            if (written.startsWith("/")) {
                says.add(text("rooted"));
            }
            if (!rule.exception() && (matches(rule, "Dockerfile") || matches(rule, ".dockerignore"))) {
                says.add(text("build-files").replace("{name}",
                        matches(rule, "Dockerfile") && matches(rule, ".dockerignore") ? "the Dockerfile and .dockerignore"
                                : matches(rule, "Dockerfile") ? "the Dockerfile" : ".dockerignore"));
            }
            List<String> overridden = new ArrayList<>();
            String sample = sample(rule.glob());
            for (Line e : earlier) {
                if (e.exception() != rule.exception() && e.pattern().matcher(sample).matches()) {
                    overridden.add(e.number() + " (" + (e.exception() ? "!" : "") + e.glob() + ")");
                }
            }
            if (!overridden.isEmpty()) {
                says.add(text("overrides").replace("{lines}", String.join(", ", overridden)));
            }
            List<Finding> mine = new ArrayList<>();
            if (!rule.exception() && everywhere().contains(rule.glob())) {
                mine.add(new Finding("dockerignore-top-level-only", n, "info",
                        text("everywhere-tip").replace("{pattern}", rule.glob()),
                        text("everywhere-fix").replace("{pattern}", rule.glob())));
            }
            if (emptied && !rule.exception() && !everything) {
                says.add(text("never-matches"));
            }
            emptied = everything || (emptied && !rule.exception());
            findings.addAll(mine);
            Note note = new Note(n, n, "line " + n, shown, says.get(0), String.join(" ", says.subList(1, says.size())),
                    List.of(), List.copyOf(mine), text("docs"), 0, null);
            if (!comment.isEmpty() && commentStart == n - comment.size()) {
                note = note.withComment(commentStart, String.join(" ", comment));
            }
            comment.clear();
            notes.add(note);
            earlier.add(line);
        }
        return new Explained(lines, List.copyOf(notes), List.copyOf(findings));
    }

    /** A path the pattern matches, to test which earlier lines also match it: wildcards as one letter. */
    private static String sample(String glob) {
        return glob.replace("**/", "").replace("/**", "/a").replace("**", "a").replace("*", "a").replace("?", "a");
    }

    private static boolean matches(Dockerignore.Rule rule, String path) {
        return rule.pattern().matcher(path).matches();
    }

    private String text(String key) {
        return String.valueOf(texts.get(key));
    }

    @SuppressWarnings("unchecked")
    private List<String> everywhere() {
        return (List<String>) texts.get("everywhere");
    }
}
