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
public record CodeFence(String language, String title, Set<String> words, String code, int index) {

    private static final Pattern TITLE = Pattern.compile("title=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    /** Parses an info string such as {@code Dockerfile title="Dockerfile" bad}. */
    public static CodeFence parse(String info, String code, int index) {
        String rest = info == null ? "" : info.strip();
        String language = "";
        int space = indexOfWhitespace(rest);
        if (!rest.isEmpty() && !rest.startsWith("title=")) {
            language = (space < 0 ? rest : rest.substring(0, space)).toLowerCase(Locale.ROOT);
            rest = space < 0 ? "" : rest.substring(space).strip();
        }
        String title = null;
        Matcher m = TITLE.matcher(rest);
        if (m.find()) {
            title = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            rest = (rest.substring(0, m.start()) + " " + rest.substring(m.end())).strip();
        }
        Set<String> words = rest.isEmpty() ? Set.of() : Set.of(rest.toLowerCase(Locale.ROOT).split("\\s+"));
        return new CodeFence(language, title, words, code, index);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String word) {
        return words.contains(word.toLowerCase(Locale.ROOT));
    }

    public boolean isDockerfile() {
        return language.equals("dockerfile") || language.equals("docker") || language.equals("containerfile");
    }
}
