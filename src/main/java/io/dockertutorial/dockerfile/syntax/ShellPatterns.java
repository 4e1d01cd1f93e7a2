package io.dockertutorial.dockerfile.syntax;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shell patterns of {@code ${VAR#p}}, {@code ${VAR%p}} (and doubled) and {@code ${VAR/p/r}}: {@code *},
 * {@code ?} and {@code \\} escapes, matched as RE2 expressions, so the time is linear in the value whatever
 * pattern a visitor's file supplies (java.util.regex would backtrack).
 */
final class ShellPatterns {

    private ShellPatterns() {
    }

    /** {@code ${v/p/r}} (first match) and {@code ${v//p/r}} (every match). */
    static String replace(String value, String pattern, String replacement, boolean all) {
        Matcher m = Pattern.compile(globToRegex(pattern, true)).matcher(value);
        return all ? m.replaceAll(Matcher.quoteReplacement(replacement)) : m.replaceFirst(Matcher.quoteReplacement(replacement));
    }

    /**
     * {@code ${v#p}}, {@code ${v##p}}, {@code ${v%p}}, {@code ${v%%p}}. Globs are matched as RE2 expressions (linear
     * in the value, whatever the pattern): the shortest match is the lazy one, the longest the greedy one, and a
     * suffix is a prefix of the reversed value matched by the reversed pattern.
     */
    static String trim(String value, String pattern, boolean prefix, boolean longest) {
        if (prefix) {
            int end = prefixMatch(value, globToRegex(pattern, !longest));
            return end < 0 ? value : value.substring(end);
        }
        String reversed = new StringBuilder(value).reverse().toString();
        int end = prefixMatch(reversed, globToRegex(reverse(pattern), !longest));
        return end < 0 ? value : value.substring(0, value.length() - end);
    }

    private static int prefixMatch(String value, String regex) {
        Matcher m = Pattern.compile(regex).matcher(value);
        return m.lookingAt() ? m.end() : -1;
    }

    /** The pattern read backwards, an escaped character staying escaped. */
    private static String reverse(String glob) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '\\' && i + 1 < glob.length()) {
                tokens.add(glob.substring(i, i + 2));
                i++;
            } else if (Character.isHighSurrogate(ch) && i + 1 < glob.length()) {
                tokens.add(glob.substring(i, i + 2));
                i++;
            } else {
                tokens.add(String.valueOf(ch));
            }
        }
        Collections.reverse(tokens);
        return String.join("", tokens);
    }

    private static String globToRegex(String glob, boolean lazy) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            switch (ch) {
                case '*' -> re.append(lazy ? ".*?" : ".*");
                case '?' -> re.append('.');
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(literal(glob.charAt(++i)));
                    }
                }
                default -> re.append(literal(ch));
            }
        }
        return re.toString();
    }

    /** One character as an RE2 literal: punctuation escaped, everything else as it is. */
    private static String literal(char ch) {
        boolean punctuation = ch >= '!' && ch <= '/' || ch >= ':' && ch <= '@' || ch >= '[' && ch <= '`' || ch >= '{' && ch <= '~';
        return punctuation ? "\\" + ch : String.valueOf(ch);
    }
}
