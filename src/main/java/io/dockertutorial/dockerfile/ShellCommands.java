package io.dockertutorial.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell-form command into its simple commands at {@code &&}, {@code ||}, {@code ;} and
 * {@code |}, outside quotes. Not a shell parser: enough to explain each step of a RUN.
 */
final class ShellCommands {

    private ShellCommands() {
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < script.length()) {
                    cur.append(script.charAt(++i));
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == '\\' && i + 1 < script.length()) {
                cur.append(c).append(script.charAt(++i));
            } else if (c == ';' || c == '\n' || (c == '&' && next(script, i) == '&') || c == '|') {
                // keep the pipe inside the command text so "curl … | sh" is recognised as one step
                if (c == '|' && next(script, i) != '|') {
                    cur.append(c);
                    continue;
                }
                add(out, cur);
                if (c != ';' && c != '\n') {
                    i++;
                }
            } else {
                cur.append(c);
            }
        }
        add(out, cur);
        return out;
    }

    private static char next(String s, int i) {
        return i + 1 < s.length() ? s.charAt(i + 1) : 0;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }

    static int countAnd(String script) {
        int n = 0;
        char quote = 0;
        for (int i = 0; i + 1 < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '&' && script.charAt(i + 1) == '&') {
                n++;
                i++;
            }
        }
        return n;
    }

    /** The command without leading variable assignments, {@code sudo}, {@code set -e} noise or parentheses. */
    static String core(String command) {
        String s = command.strip();
        while (s.startsWith("(") || s.startsWith("{")) {
            s = s.substring(1).strip();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            if (s.matches("^[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+.*")) {
                s = s.replaceFirst("^[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+", "");
                changed = true;
            }
            if (s.startsWith("sudo ") || s.startsWith("exec ") || s.startsWith("time ")) {
                s = s.substring(5).strip();
                changed = true;
            }
        }
        return s;
    }
}
