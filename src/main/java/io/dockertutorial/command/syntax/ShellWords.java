package io.dockertutorial.command.syntax;

import io.dockertutorial.budget.Deadline;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into simple commands and their words, as a POSIX shell or PowerShell would:
 * quotes removed, escapes applied, {@code $(…)} and variables kept as written, split at {@code &&},
 * {@code ||}, {@code |}, {@code ;} and {@code &}; redirections and their targets are left out, and a
 * {@code #} that starts a word starts a comment. Each word keeps where it was written.
 */
public final class ShellWords {

    /** A word: its value after quote removal, and its range {@code [start, end)} in the command text. */
    public record Word(String value, int start, int end) {
    }

    private final String s;
    private final boolean powershell;
    private final char escape;
    private int p;

    private ShellWords(String s, boolean powershell) {
        this.s = s;
        this.powershell = powershell;
        this.escape = powershell ? '`' : '\\';
    }

    public static List<List<Word>> commands(CommandText command) {
        return new ShellWords(command.text(), command.powershell()).commands();
    }

    private List<List<Word>> commands() {
        List<List<Word>> out = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        boolean skipNext = false;
        while (true) {
            Deadline.check();
            while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
                p++;
            }
            if (p >= s.length()) {
                break;
            }
            char c = s.charAt(p);
            if (c == '#') {
                break;
            }
            if (c == ';' || c == '|' || c == '&' || c == '(' || c == ')') {
                if (c == '&' && p + 1 < s.length() && s.charAt(p + 1) == '>') {
                    p += 2; // &> file
                    skipNext = true;
                    continue;
                }
                p += (p + 1 < s.length() && s.charAt(p + 1) == c) ? 2 : 1;
                flush(current, out);
                current = new ArrayList<>();
                continue;
            }
            int redirect = redirection(p);
            if (redirect > 0) {
                boolean toStream = s.startsWith("&", p + redirect);
                p += redirect;
                if (toStream) {
                    while (p < s.length() && !Character.isWhitespace(s.charAt(p))) {
                        p++;
                    }
                } else {
                    skipNext = true;
                }
                continue;
            }
            Word w = word();
            if (skipNext) {
                skipNext = false;
            } else {
                current.add(w);
            }
        }
        flush(current, out);
        return out;
    }

    private static void flush(List<Word> current, List<List<Word>> out) {
        if (!current.isEmpty()) {
            out.add(current);
        }
    }

    /** The length of a redirection operator at {@code at} ({@code >}, {@code 2>>}, {@code <}), or 0. */
    private int redirection(int at) {
        int q = at;
        while (q < s.length() && Character.isDigit(s.charAt(q))) {
            q++;
        }
        if (q < s.length() && (s.charAt(q) == '>' || s.charAt(q) == '<')) {
            if (q + 1 < s.length() && s.charAt(q) == '<' && s.charAt(q + 1) == '(') {
                return 0; // process substitution: a word
            }
            q++;
            while (q < s.length() && (s.charAt(q) == '>' || s.charAt(q) == '<')) {
                q++;
            }
            return q - at;
        }
        return 0;
    }

    private Word word() {
        int start = p;
        StringBuilder value = new StringBuilder();
        while (p < s.length()) {
            char c = s.charAt(p);
            if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&' || c == ')' || (c == '(' && p == start)) {
                break;
            }
            if ((c == '>' || c == '<') && !(c == '<' && p + 1 < s.length() && s.charAt(p + 1) == '(')) {
                break;
            }
            if (c == escape && p + 1 < s.length()) {
                value.append(s.charAt(p + 1));
                p += 2;
            } else if (c == '\'') {
                int close = s.indexOf('\'', p + 1);
                close = close < 0 ? s.length() : close;
                value.append(s, p + 1, close);
                p = Math.min(close + 1, s.length());
            } else if (c == '"') {
                p++;
                while (p < s.length() && s.charAt(p) != '"') {
                    char d = s.charAt(p);
                    if (d == escape && p + 1 < s.length()
                            && (powershell || "\"\\$`".indexOf(s.charAt(p + 1)) >= 0)) {
                        value.append(s.charAt(p + 1));
                        p += 2;
                    } else if (d == '$' && p + 1 < s.length() && s.charAt(p + 1) == '(') {
                        int end = balanced(p + 1);
                        value.append(s, p, end);
                        p = end;
                    } else {
                        value.append(d);
                        p++;
                    }
                }
                p = Math.min(p + 1, s.length());
            } else if ((c == '$' || c == '<') && p + 1 < s.length() && s.charAt(p + 1) == '(') {
                int end = balanced(p + 1);
                value.append(s, p, end);
                p = end;
            } else if (c == '`' && !powershell) {
                int close = s.indexOf('`', p + 1);
                close = close < 0 ? s.length() : close + 1;
                value.append(s, p, close);
                p = close;
            } else {
                value.append(c);
                p++;
            }
        }
        return new Word(value.toString(), start, p);
    }

    /** The index after the parenthesis that closes the one at {@code open}, quotes respected. */
    private int balanced(int open) {
        int depth = 0;
        char quote = 0;
        for (int q = open; q < s.length(); q++) {
            char c = s.charAt(q);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return q + 1;
            }
        }
        return s.length();
    }
}
