package io.dockertutorial.labs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a shell command line into its simple commands and their words, well enough to find the
 * {@code docker …} invocations in it: quotes, backslashes, {@code | && || ; &}, redirections,
 * comments and here-document bodies. Not a shell: expansions are kept as they are written.
 */
final class ShellWords {

    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    private ShellWords() {
    }

    static List<List<String>> simpleCommands(String command) {
        List<List<String>> result = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        String text = withoutHeredocBodies(command).replace("\\\n", "");
        boolean skipNext = false; // the word after a redirection is its target, not an argument
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(text, i);
                word = word == null ? new StringBuilder() : word;
                word.append(unquote(text.substring(i + 1, end), c));
                i = end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < text.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '#' && word == null) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
                continue;
            }
            boolean operator = c == '|' || c == '&' || c == ';' || c == '\n' || c == '(' || c == ')';
            boolean redirect = c == '>' || c == '<';
            if (Character.isWhitespace(c) || operator || redirect) {
                if (word != null) {
                    // A number right before > or < is a file descriptor (2>&1), not a word.
                    boolean fd = redirect && word.toString().matches("\\d+");
                    if (!fd) {
                        if (!skipNext) {
                            words.add(word.toString());
                        }
                        skipNext = false;
                    }
                    word = null;
                }
                if (operator && !words.isEmpty()) {
                    result.add(words);
                    words = new ArrayList<>();
                }
                if (redirect) {
                    while (i + 1 < text.length() && (text.charAt(i + 1) == '>' || text.charAt(i + 1) == '<'
                            || text.charAt(i + 1) == '&' || text.charAt(i + 1) == '|')) {
                        i++;
                    }
                    skipNext = true;
                }
                i++;
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            word.append(c);
            i++;
        }
        if (word != null && !skipNext) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            result.add(words);
        }
        return result;
    }

    private static int closing(String text, int open) {
        char quote = text.charAt(open);
        for (int j = open + 1; j < text.length(); j++) {
            if (quote == '"' && text.charAt(j) == '\\') {
                j++;
            } else if (text.charAt(j) == quote) {
                return j;
            }
        }
        return text.length() - 1;
    }

    private static String unquote(String inside, char quote) {
        return quote == '"' ? inside.replaceAll("\\\\([\"\\\\$`])", "$1") : inside;
    }

    /** The command without the bodies of its here-documents (they are file contents, not commands). */
    static String withoutHeredocBodies(String command) {
        String[] lines = command.split("\n", -1);
        StringBuilder out = new StringBuilder();
        List<String> pending = new ArrayList<>();
        for (String line : lines) {
            if (!pending.isEmpty()) {
                if (line.replaceFirst("^\t+", "").equals(pending.get(0))) {
                    pending.remove(0);
                }
                continue;
            }
            out.append(line).append('\n');
            Matcher m = HEREDOC.matcher(line);
            while (m.find()) {
                pending.add(m.group(3));
            }
        }
        return out.toString();
    }
}
