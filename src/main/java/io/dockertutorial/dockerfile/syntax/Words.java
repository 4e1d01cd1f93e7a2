package io.dockertutorial.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/** Shell words: splitting at blanks outside quotes and {@code $( )}, and removing quotes. */
final class Words {

    private Words() {
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int paren = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote != '\'' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                }
                continue;
            }
            if (paren > 0) {
                cur.append(c);
                if (c == '(') {
                    paren++;
                } else if (c == ')') {
                    paren--;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (c == '\\' && i + 1 < s.length()) {
                if (s.charAt(i + 1) == '\n') {
                    i++;
                    continue;
                }
                cur.append(c).append(s.charAt(++i));
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                paren++;
                cur.append("$(");
                i++;
            } else {
                cur.append(c);
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /** The word with its quotes and backslash escapes removed ({@code "a b"} becomes {@code a b}). */
    static String unquote(String word) {
        if (word.indexOf('"') < 0 && word.indexOf('\'') < 0 && word.indexOf('\\') < 0) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < word.length() && "\"\\$`".indexOf(word.charAt(i + 1)) >= 0) {
                    out.append(word.charAt(++i));
                } else {
                    out.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\' && i + 1 < word.length()) {
                out.append(word.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
