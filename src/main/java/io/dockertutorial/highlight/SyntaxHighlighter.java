package io.dockertutorial.highlight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side syntax highlighting for the languages the course uses (Dockerfile, shell, Python,
 * YAML, JSON). Each language is a short ordered list of token rules; every pattern is linear
 * (no nested quantifiers), so hostile input cannot make it backtrack. Output is escaped HTML,
 * one string per physical line, with tokens as {@code <span class="tok-…">}.
 */
public final class SyntaxHighlighter {

    /** One token rule; {@code lineStart} rules only match where only blanks precede on the line. */
    private record Rule(Pattern pattern, String cssClass, boolean lineStart) {
        static Rule of(String regex, String cssClass) {
            return new Rule(Pattern.compile(regex), cssClass, false);
        }

        static Rule atLineStart(String regex, String cssClass) {
            return new Rule(Pattern.compile(regex), cssClass, true);
        }
    }

    /** Unrolled ("normal* (special normal*)*") so Java's regex engine recurses per escape, not per character. */
    private static final String DOUBLE_QUOTED = "\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"?";
    private static final String SINGLE_QUOTED = "'[^'\\n]*+'?";
    private static final String VARIABLE = "\\$\\{[^}\\n]*+\\}?|\\$[A-Za-z_][A-Za-z0-9_]*+|\\$[0-9@*#?$!-]";

    private static final Map<String, List<Rule>> RULES = Map.of(
            "dockerfile", List.of(
                    Rule.atLineStart("#[^\\n]*+", "comment"),
                    Rule.atLineStart("(?i:FROM|RUN|CMD|LABEL|MAINTAINER|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME"
                            + "|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL|HEALTHCHECK|SHELL)(?![\\w-])", "keyword"),
                    Rule.of("(?i:\\bAS\\b)(?=\\s)", "keyword"),
                    Rule.of("--[A-Za-z][\\w-]*+", "flag"),
                    Rule.of(DOUBLE_QUOTED, "string"),
                    Rule.of(SINGLE_QUOTED, "string"),
                    Rule.of(VARIABLE, "variable"),
                    Rule.of("&&|\\|\\||[|;]", "operator"),
                    Rule.of("[A-Za-z_][\\w.-]*+", null),
                    // A number on its own (EXPOSE 8080, --uid 10001), not a piece of a tag or address (3.9-slim).
                    Rule.of("(?<![\\w.:/-])\\d++(?![\\w.:/-])", "number")),
            "shell", List.of(
                    Rule.atLineStart("(?:\\$|PS>|PS [^>\\n]*+>|>)(?= )", "prompt"),
                    Rule.of("(?<![^\\s])#[^\\n]*+", "comment"),
                    Rule.of(DOUBLE_QUOTED, "string"),
                    Rule.of(SINGLE_QUOTED, "string"),
                    Rule.of(VARIABLE, "variable"),
                    Rule.of("(?<![\\w-])--?[A-Za-z][\\w-]*+", "flag"),
                    Rule.of("&&|\\|\\||[|;`]", "operator"),
                    Rule.of("\\b(?:docker|podman|sudo|cd|echo|export|curl|cat|ls|mkdir|set)\\b", "keyword"),
                    Rule.of("[A-Za-z_][\\w.-]*+", null)),
            "python", List.of(
                    Rule.of("#[^\\n]*+", "comment"),
                    Rule.of(DOUBLE_QUOTED, "string"),
                    Rule.of(SINGLE_QUOTED, "string"),
                    Rule.of("\\b(?:def|class|return|import|from|as|if|elif|else|for|while|in|not|and|or|with|try"
                            + "|except|finally|raise|pass|None|True|False|lambda|yield|async|await)\\b", "keyword"),
                    Rule.of("\\b\\d+(?:\\.\\d+)?\\b", "number"),
                    Rule.of("[A-Za-z_]\\w*+", null)),
            "yaml", List.of(
                    Rule.of("(?<![^\\s])#[^\\n]*+", "comment"),
                    Rule.atLineStart("-(?= |$)", "operator"),
                    Rule.of("[A-Za-z_][\\w.-]*+(?=:(?:\\s|$))", "key"),
                    Rule.of(DOUBLE_QUOTED, "string"),
                    Rule.of(SINGLE_QUOTED, "string"),
                    Rule.of("\\b(?:true|false|null|yes|no)\\b", "keyword"),
                    Rule.of("\\b\\d+(?:\\.\\d+)?\\b", "number"),
                    Rule.of("[A-Za-z_][\\w.-]*+", null)),
            "json", List.of(
                    Rule.of(DOUBLE_QUOTED + "(?=\\s*:)", "key"),
                    Rule.of(DOUBLE_QUOTED, "string"),
                    Rule.of("\\b(?:true|false|null)\\b", "keyword"),
                    Rule.of("-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b", "number")));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("dockerfile", "dockerfile"), Map.entry("docker", "dockerfile"),
            Map.entry("containerfile", "dockerfile"),
            Map.entry("sh", "shell"), Map.entry("bash", "shell"), Map.entry("shell", "shell"),
            Map.entry("console", "shell"), Map.entry("shell-session", "shell"), Map.entry("zsh", "shell"),
            Map.entry("powershell", "shell"), Map.entry("ps1", "shell"), Map.entry("pwsh", "shell"),
            Map.entry("cmd", "shell"), Map.entry("bat", "shell"),
            Map.entry("python", "python"), Map.entry("py", "python"),
            Map.entry("yaml", "yaml"), Map.entry("yml", "yaml"),
            Map.entry("json", "json"), Map.entry("jsonc", "json"));

    /** The canonical language for a fence's tag (any case), or {@code null} when we do not highlight it. */
    public static String canonicalLanguage(String tag) {
        return tag == null ? null : ALIASES.get(tag.toLowerCase(Locale.ROOT));
    }

    /** Highlights {@code code} as {@code language} (a canonical name or alias); unknown languages are only escaped. */
    public List<String> highlightLines(String code, String language) {
        String canonical = canonicalLanguage(language);
        List<Rule> rules = canonical == null ? List.of() : RULES.get(canonical);
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\n", -1)) {
            lines.add(highlightLine(line, rules));
        }
        return lines;
    }

    private static String highlightLine(String line, List<Rule> rules) {
        StringBuilder out = new StringBuilder(line.length() + 32);
        StringBuilder plain = new StringBuilder();
        List<Matcher> matchers = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(line);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            matchers.add(m);
        }
        int pos = 0;
        boolean onlyBlanksSoFar = true;
        while (pos < line.length()) {
            int matchedEnd = -1;
            String cssClass = null;
            for (int i = 0; i < rules.size(); i++) {
                Rule rule = rules.get(i);
                if (rule.lineStart() && !onlyBlanksSoFar) {
                    continue;
                }
                Matcher m = matchers.get(i);
                m.region(pos, line.length());
                if (m.lookingAt() && m.end() > pos) {
                    matchedEnd = m.end();
                    cssClass = rule.cssClass();
                    break;
                }
            }
            if (matchedEnd < 0) {
                char c = line.charAt(pos);
                onlyBlanksSoFar &= Character.isWhitespace(c);
                plain.append(c);
                pos++;
                continue;
            }
            String token = line.substring(pos, matchedEnd);
            if (cssClass == null) {
                plain.append(token);
            } else {
                flush(out, plain);
                out.append("<span class=\"tok-").append(cssClass).append("\">");
                escapeInto(out, token);
                out.append("</span>");
            }
            onlyBlanksSoFar = false;
            pos = matchedEnd;
        }
        flush(out, plain);
        return out.toString();
    }

    private static void flush(StringBuilder out, StringBuilder plain) {
        if (!plain.isEmpty()) {
            escapeInto(out, plain);
            plain.setLength(0);
        }
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeInto(out, text);
        return out.toString();
    }

    private static void escapeInto(StringBuilder out, CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
