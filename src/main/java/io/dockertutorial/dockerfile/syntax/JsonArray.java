package io.dockertutorial.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the exec form ({@code ["a", "b"]}) exactly as Go's {@code encoding/json} does for
 * BuildKit: a strict JSON array. Text that is not JSON is {@link #NOT_JSON} (BuildKit then falls
 * back to shell form); valid JSON with a non-string element is {@link NotStringArray} (an error).
 */
final class JsonArray {

    static final class NotStringArray extends Exception {
        NotStringArray() {
            super("the JSON array may only hold strings, e.g. [\"npm\", \"start\"]");
        }
    }

    /** Returned when the text is not a JSON array at all. */
    static final List<String> NOT_JSON = List.of();

    private final String s;
    private int pos;
    private boolean nonString;

    private JsonArray(String s) {
        this.s = s;
    }

    /** @return the strings, or {@link #NOT_JSON} (compare by identity) when the text is not a JSON array */
    static List<String> parse(String text) throws NotStringArray {
        String t = LineParsers.trimLeftSpace(text);
        if (!t.startsWith("[")) {
            return NOT_JSON;
        }
        JsonArray p = new JsonArray(t);
        List<String> values = new ArrayList<>();
        try {
            p.ws();
            p.expect('[');
            p.ws();
            if (p.peek() == ']') {
                p.pos++;
            } else {
                while (true) {
                    p.ws();
                    Object v = p.value(0);
                    if (v instanceof String str) {
                        values.add(str);
                    } else {
                        p.nonString = true;
                    }
                    p.ws();
                    char c = p.next();
                    if (c == ']') {
                        break;
                    }
                    if (c != ',') {
                        throw new IllegalArgumentException();
                    }
                }
            }
            p.ws();
            if (p.pos != p.s.length()) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return NOT_JSON;
        }
        if (p.nonString) {
            throw new NotStringArray();
        }
        return values;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
        return s.charAt(pos++);
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException();
        }
    }

    private void ws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                break;
            }
        }
    }

    private Object value(int depth) {
        if (depth > 1_000) {
            throw new IllegalArgumentException();
        }
        char c = peek();
        switch (c) {
            case '"':
                return string();
            case '[': {
                pos++;
                ws();
                if (peek() == ']') {
                    pos++;
                    return Boolean.TRUE;
                }
                while (true) {
                    ws();
                    value(depth + 1);
                    ws();
                    char d = next();
                    if (d == ']') {
                        return Boolean.TRUE;
                    }
                    if (d != ',') {
                        throw new IllegalArgumentException();
                    }
                }
            }
            case '{': {
                pos++;
                ws();
                if (peek() == '}') {
                    pos++;
                    return Boolean.TRUE;
                }
                while (true) {
                    ws();
                    string();
                    ws();
                    expect(':');
                    ws();
                    value(depth + 1);
                    ws();
                    char d = next();
                    if (d == '}') {
                        return Boolean.TRUE;
                    }
                    if (d != ',') {
                        throw new IllegalArgumentException();
                    }
                }
            }
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return Boolean.FALSE;
            default:
                number();
                return 0;
        }
    }

    private void literal(String word) {
        if (!s.startsWith(word, pos)) {
            throw new IllegalArgumentException();
        }
        pos += word.length();
    }

    private void number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (peek() >= '1' && peek() <= '9') {
            while (Character.isDigit(peek()) && peek() < 128) {
                pos++;
            }
        } else {
            throw new IllegalArgumentException();
        }
        if (peek() == '.') {
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        if (pos == start) {
            throw new IllegalArgumentException();
        }
    }

    private void digits() {
        int start = pos;
        while (peek() >= '0' && peek() <= '9') {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException();
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    char u = hex4();
                    if (Character.isHighSurrogate(u) && s.startsWith("\\u", pos)) {
                        int save = pos;
                        pos += 2;
                        char low = hex4();
                        if (Character.isLowSurrogate(low)) {
                            out.append(u).append(low);
                        } else {
                            out.append('\uFFFD');
                            pos = save;
                        }
                    } else if (Character.isSurrogate(u)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(u);
                    }
                }
                default -> throw new IllegalArgumentException();
            }
        }
    }

    private char hex4() {
        if (pos + 4 > s.length()) {
            throw new IllegalArgumentException();
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos++), 16);
            if (d < 0) {
                throw new IllegalArgumentException();
            }
            v = v * 16 + d;
        }
        return (char) v;
    }
}
