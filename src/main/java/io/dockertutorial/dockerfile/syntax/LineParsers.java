package io.dockertutorial.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * BuildKit's line parsers ({@code frontend/dockerfile/parser/line_parsers.go} and the whitespace
 * helpers of {@code parser.go}): how the text after a keyword becomes flags, words, name/value pairs.
 * Each is a single left-to-right pass.
 */
final class LineParsers {

    private LineParsers() {
    }

    /** Go's unicode.IsSpace. */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0
                || Character.getType(c) == Character.SPACE_SEPARATOR
                || c == 0x2028 || c == 0x2029;
    }

    /** BuildKit's reWhitespace: {@code [\t\v\f\r ]}. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    static String trimLeftSpace(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    static String trimSpace(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return trimLeftSpace(s.substring(0, end));
    }

    /** Splits on runs of BuildKit's whitespace ({@code reWhitespace.Split(s, limit)}). */
    static List<String> splitBlanks(String s, int limit) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            if (isBlank(s.charAt(i)) && (limit < 0 || parts.size() < limit - 1)) {
                parts.add(s.substring(start, i));
                while (i < s.length() && isBlank(s.charAt(i))) {
                    i++;
                }
                start = i;
            } else {
                i++;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    static String trimNewline(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        return raw.substring(0, end);
    }

    static List<String> whitespaceDelimited(String rest) {
        if (rest.isEmpty()) {
            return List.of();
        }
        return splitBlanks(rest, -1);
    }

    /** BuildKit's extractBuilderFlags: leading {@code --flag} words, then the rest of the line. */
    static Object[] extractBuilderFlags(String line) {
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        List<String> words = new ArrayList<>();
        int phase = inSpaces;
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean blankOK = false;
        char ch = 0;
        int len = line.length();
        for (int pos = 0; pos <= len; pos++) {
            if (pos != len) {
                ch = line.charAt(pos);
            }
            if (phase == inSpaces) {
                if (pos == len) {
                    break;
                }
                if (isSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == len || line.charAt(pos + 1) != '-') {
                    return new Object[]{line.substring(pos), words};
                }
                phase = inWord;
            }
            if ((phase == inWord || phase == inQuote) && pos == len) {
                if (!word.toString().equals("--") && (blankOK || !word.isEmpty())) {
                    words.add(word.toString());
                }
                break;
            }
            if (phase == inWord) {
                if (isSpace(ch)) {
                    phase = inSpaces;
                    if (word.toString().equals("--")) {
                        return new Object[]{line.substring(pos), words};
                    }
                    if (blankOK || !word.isEmpty()) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    blankOK = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOK = true;
                    phase = inQuote;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 == len) {
                        continue;
                    }
                    pos++;
                    ch = line.charAt(pos);
                }
                word.append(ch);
                continue;
            }
            if (phase == inQuote) {
                if (ch == quote) {
                    phase = inWord;
                    continue;
                }
                if (ch == '\\') {
                    if (pos + 1 == len) {
                        phase = inWord;
                        continue;
                    }
                    pos++;
                    ch = line.charAt(pos);
                }
                word.append(ch);
            }
        }
        return new Object[]{"", words};
    }

    /**
     * BuildKit's parseNameVal for ENV and LABEL: {@code key=value} pairs, or the legacy
     * {@code KEY value} form; flattened as key, value, separator ({@code "="} or {@code ""}).
     */
    static List<String> parseNameVal(String rest, String key, char escapeToken) throws BadInstruction {
        List<String> words = parseWords(rest, escapeToken);
        if (words.isEmpty()) {
            return List.of();
        }
        if (!words.get(0).contains("=")) {
            List<String> parts = splitBlanks(rest, 2);
            if (parts.size() < 2) {
                throw new BadInstruction(key + " needs a name and a value, e.g. " + key + " NAME=value");
            }
            return List.of(parts.get(0), parts.get(1), "");
        }
        List<String> out = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new BadInstruction("'" + word + "' has no '=': each item of " + key
                        + " is written name=value");
            }
            out.add(word.substring(0, eq));
            out.add(word.substring(eq + 1));
            out.add("=");
        }
        return out;
    }

    /** BuildKit's parseWords: words split on spaces, quotes and escapes kept for later processing. */
    static List<String> parseWords(String rest, char escapeToken) {
        final int inSpaces = 0;
        final int inWord = 1;
        final int inQuote = 2;
        List<String> words = new ArrayList<>();
        int phase = inSpaces;
        StringBuilder word = new StringBuilder();
        int quote = 0;
        boolean blankOK = false;
        int ch = 0;
        int width = 0;
        int len = rest.length();
        for (int pos = 0; pos <= len; pos += width) {
            if (pos != len) {
                ch = rest.codePointAt(pos);
                width = Character.charCount(ch);
            }
            if (phase == inSpaces) {
                if (pos == len) {
                    break;
                }
                if (isSpace(ch)) {
                    continue;
                }
                phase = inWord;
            }
            if ((phase == inWord || phase == inQuote) && pos == len) {
                if (blankOK || !word.isEmpty()) {
                    words.add(word.toString());
                }
                break;
            }
            if (phase == inWord) {
                if (isSpace(ch)) {
                    phase = inSpaces;
                    if (blankOK || !word.isEmpty()) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    blankOK = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOK = true;
                    phase = inQuote;
                }
                if (ch == escapeToken) {
                    if (pos + width == len) {
                        continue;
                    }
                    word.appendCodePoint(ch);
                    pos += width;
                    ch = rest.codePointAt(pos);
                    width = Character.charCount(ch);
                }
                word.appendCodePoint(ch);
                continue;
            }
            if (phase == inQuote) {
                if (ch == quote) {
                    phase = inWord;
                }
                if (ch == escapeToken && quote != '\'') {
                    if (pos + width == len) {
                        phase = inWord;
                        continue;
                    }
                    pos += width;
                    word.appendCodePoint(ch);
                    ch = rest.codePointAt(pos);
                    width = Character.charCount(ch);
                }
                word.appendCodePoint(ch);
            }
        }
        return words;
    }
}
