package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.checks.Warning;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Apply fix": for the rules whose fix is mechanical, the instruction's lines rewritten. The edits are data,
 * the {@code edit:} entry next to each rule in {@code dockerfile/rules.yml}:
 * <ul>
 *   <li>{@code find} (a Java regex over the instruction's text, its lines joined with a newline, the first
 *   line's indentation removed) and {@code replace} (a replacement, {@code $1} for groups): the first match
 *   is replaced (every match with {@code all: true}: one instruction may install twice); {@code keep-case: true}
 *   writes the replacement in lower case when the match was;</li>
 *   <li>{@code append}: text added at the end of the instruction;</li>
 *   <li>{@code unless}: no fix when this regex matches the text;</li>
 *   <li>{@code op: json-form} (shell-form CMD/ENTRYPOINT without any shell syntax, as a JSON array),
 *   {@code op: unwrap-shell} ({@code ["sh", "-c", "program args"]} without shell syntax: the program itself) and
 *   {@code op: keyword-case} (the keyword in the casing most instructions of the file use).</li>
 * </ul>
 * Rules without an {@code edit} have no button: their fix needs a person's choice.
 */
final class FixEdits {

    /** Lines {@code from}–{@code to} (1-based, inclusive) become {@code text} (lines joined with a newline). */
    record Edit(int from, int to, String text) {
    }

    private static final Map<String, Map<String, Object>> EDITS = load();
    /** Anything a shell would interpret: such a command cannot become a JSON array word for word. */
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[$`'\"|&;<>()*?\\[\\]~#{}\\\\\\n]");

    private FixEdits() {
    }

    static boolean has(String rule) {
        return EDITS.containsKey(rule);
    }

    /** The edit that fixes the warning on this instruction, or {@code null} when there is none to make. */
    static Edit of(Warning w, Instruction i, Analysis analysis, List<String> rawLines) {
        Map<String, Object> edit = EDITS.get(w.rule());
        if (edit == null || i.startLine() < 1 || i.endLine() > rawLines.size() || !i.heredocs().isEmpty()) {
            return null;
        }
        String first = rawLines.get(i.startLine() - 1);
        String indent = first.substring(0, first.length() - first.stripLeading().length());
        String text = String.join("\n", rawLines.subList(i.startLine() - 1, i.endLine())).substring(indent.length());
        String unless = (String) edit.get("unless");
        if (unless != null && Pattern.compile(unless).matcher(text).find()) {
            return null;
        }
        String fixed = switch (String.valueOf(edit.getOrDefault("op", ""))) {
            case "json-form" -> jsonForm(i, text);
            case "keyword-case" -> keywordCase(i, text, analysis);
            case "unwrap-shell" -> unwrapShell(text);
            default -> edit.containsKey("append") ? text + edit.get("append") : replace(edit, text);
        };
        return fixed == null || fixed.equals(text) ? null : new Edit(i.startLine(), i.endLine(), indent + fixed);
    }

    private static String replace(Map<String, Object> edit, String text) {
        Matcher m = Pattern.compile((String) edit.get("find")).matcher(text);
        if (!m.find()) {
            return null;
        }
        String replacement = (String) edit.getOrDefault("replace", "$0");
        if (Boolean.TRUE.equals(edit.get("keep-case")) && m.group().equals(m.group().toLowerCase(Locale.ROOT))) {
            replacement = replacement.toLowerCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, replacement);
        } while (Boolean.TRUE.equals(edit.get("all")) && m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** {@code CMD python app.py} → {@code CMD ["python", "app.py"]}, only when no word needs a shell. */
    private static String jsonForm(Instruction i, String text) {
        if (i.json() || !i.flags().isEmpty() || text.contains("\n")) {
            return null;
        }
        String keyword = text.split("\\s+", 2)[0];
        String args = text.substring(keyword.length()).strip();
        if (args.isEmpty() || SHELL_SYNTAX.matcher(args).find()) {
            return null;
        }
        StringBuilder json = new StringBuilder(keyword).append(" [");
        String[] words = args.split("\\s+");
        for (int k = 0; k < words.length; k++) {
            json.append(k == 0 ? "" : ", ").append('"').append(words[k]).append('"');
        }
        return json.append(']').toString();
    }

    private static final Pattern SHELL_WRAPPER = Pattern.compile(
            "(\\S+)\\s*\\[\\s*\"(?:/bin/|/usr/bin/)?(?:ba)?sh\"\\s*,\\s*\"-c\"\\s*,\\s*\"([^\"\\\\]*)\"\\s*]\\s*");

    /** {@code ENTRYPOINT ["sh", "-c", "python app.py"]} → {@code ENTRYPOINT ["python", "app.py"]}. */
    private static String unwrapShell(String text) {
        Matcher m = SHELL_WRAPPER.matcher(text);
        if (!m.matches() || m.group(2).isBlank() || SHELL_SYNTAX.matcher(m.group(2)).find()) {
            return null;
        }
        StringBuilder json = new StringBuilder(m.group(1)).append(" [");
        String[] words = m.group(2).strip().split("\\s+");
        for (int k = 0; k < words.length; k++) {
            json.append(k == 0 ? "" : ", ").append('"').append(words[k]).append('"');
        }
        return json.append(']').toString();
    }

    /** The keyword in the case most instructions use (upper case on a tie, as Docker's docs write it). */
    private static String keywordCase(Instruction i, String text, Analysis analysis) {
        int lower = 0;
        int upper = 0;
        for (Analysis.Explained x : analysis.instructions()) {
            String w = x.instruction().written();
            if (w.equals(w.toLowerCase(Locale.ROOT))) {
                lower++;
            } else if (w.equals(w.toUpperCase(Locale.ROOT))) {
                upper++;
            }
        }
        String written = i.written();
        if (!text.startsWith(written)) {
            return null;
        }
        String wanted = lower > upper ? written.toLowerCase(Locale.ROOT) : written.toUpperCase(Locale.ROOT);
        return wanted + text.substring(written.length());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = FixEdits.class.getResourceAsStream("/dockerfile/rules.yml")) {
            if (in == null) {
                throw new IllegalStateException("dockerfile/rules.yml is missing");
            }
            Map<String, Map<String, Object>> rules = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Map<String, Object>> edits = new HashMap<>();
            rules.forEach((id, rule) -> {
                Object edit = rule.get("edit");
                if (edit instanceof Map<?, ?> m) {
                    edits.put(id, Map.copyOf((Map<String, Object>) m));
                }
            });
            return Map.copyOf(edits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
