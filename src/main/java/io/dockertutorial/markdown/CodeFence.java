package io.dockertutorial.markdown;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block as the author wrote it: language tag, Docusaurus-style attributes
 * ({@code title="Dockerfile"}), bare words ({@code bad}, {@code showLineNumbers}) and the code.
 *
 * @param index the block's 1-based position among the page's code blocks, for stable element ids
 */
public record CodeFence(String language, String title, Set<String> words, String code, int index,
                        java.util.Map<String, String> attributes) {

    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z][\\w-]*)=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    /** Parses an info string such as {@code Dockerfile title="Dockerfile" bad}. */
    public static CodeFence parse(String info, String code, int index) {
        String rest = info == null ? "" : info.strip();
        String language = "";
        int space = indexOfWhitespace(rest);
        if (!rest.isEmpty() && !rest.startsWith("title=")) {
            language = (space < 0 ? rest : rest.substring(0, space)).toLowerCase(Locale.ROOT);
            rest = space < 0 ? "" : rest.substring(space).strip();
        }
        java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(rest);
        StringBuilder others = new StringBuilder();
        int last = 0;
        while (m.find()) {
            attributes.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT),
                    m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
            others.append(rest, last, m.start()).append(' ');
            last = m.end();
        }
        others.append(rest.substring(last));
        String bare = others.toString().strip();
        Set<String> words = bare.isEmpty() ? Set.of() : Set.copyOf(java.util.Arrays.asList(
                bare.toLowerCase(Locale.ROOT).split("\\s+")));
        return new CodeFence(language, attributes.get("title"), words, code, index, java.util.Map.copyOf(attributes));
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** An attribute such as {@code tab="Windows PowerShell"}, or {@code null}. */
    public String attribute(String name) {
        return attributes.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean has(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean isDockerfile() {
        return language.equals("dockerfile") || language.equals("docker") || language.equals("containerfile");
    }
}
