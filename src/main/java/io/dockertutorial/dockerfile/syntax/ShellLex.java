package io.dockertutorial.dockerfile.syntax;

import io.dockertutorial.budget.Deadline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Variable expansion and word splitting as BuildKit's Dockerfile frontend does them (its
 * {@code shell} package): {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}}, {@code ${VAR:+word}},
 * {@code ${VAR-word}}, {@code ${VAR+word}}, {@code ${VAR?msg}}, {@code ${VAR:?msg}},
 * {@code ${VAR#glob}}, {@code ${VAR%glob}} (and the doubled forms), {@code ${VAR/glob/repl}};
 * single and double quotes; the escape character. Not a shell: no command substitution, no globbing.
 * One instance per call; not thread-safe.
 */
public final class ShellLex {

    /** Thrown for input BuildKit rejects (an unclosed quote, a bad substitution). */
    public static final class ShellSyntaxException extends Exception {
        public ShellSyntaxException(String message) {
            super(message);
        }
    }

    /** The result of expanding one word: its text, and the variables it used that were not set. */
    public record Expansion(String value, Set<String> unset, Set<String> used) {
    }

    private static final int EOF = -1;
    /** The longest word an expansion may make (ARG a=${a}${a} doubles it each line): 64 KB, the API's body limit. */
    public static final int MAX_WORD = 64 * 1024;
    /** Characters read so far: the deadline is checked every 4096 of them. */
    private int work;
    /** How deep {@code ${a:-${b:-…}}} may nest; deeper input would only exhaust the stack. */
    public static final int MAX_DEPTH = 100;

    private final char escapeToken;
    private boolean rawQuotes;
    private boolean rawEscapes;
    private boolean skipUnsetEnv;

    private String input;
    private int pos;
    private Function<String, String> env;
    private Set<String> unset;
    private Set<String> used;
    private int depth;

    public ShellLex(char escapeToken) {
        this.escapeToken = escapeToken;
    }

    public ShellLex rawQuotes(boolean value) {
        this.rawQuotes = value;
        return this;
    }

    public ShellLex rawEscapes(boolean value) {
        this.rawEscapes = value;
        return this;
    }

    /** Leave unset variables as written ({@code $X}) instead of expanding them to nothing. */
    public ShellLex skipUnsetEnv(boolean value) {
        this.skipUnsetEnv = value;
        return this;
    }

    /** Expands {@code word} as one word; {@code env} returns a variable's value or {@code null} if unset. */
    public Expansion processWord(String word, Function<String, String> env) throws ShellSyntaxException {
        Words words = start(word, env);
        return new Expansion(words.result.toString(), Set.copyOf(unset), Set.copyOf(used));
    }

    /** Expands {@code word}, then splits it into words as the shell would (quoted spaces stay). */
    public List<String> processWords(String word, Function<String, String> env) throws ShellSyntaxException {
        return start(word, env).words();
    }

    private Words start(String word, Function<String, String> env) throws ShellSyntaxException {
        this.input = word;
        this.pos = 0;
        this.env = env;
        this.unset = new LinkedHashSet<>();
        this.used = new LinkedHashSet<>();
        return processStopOn(EOF, rawEscapes);
    }

    private int peek() {
        return pos < input.length() ? input.codePointAt(pos) : EOF;
    }

    private int next() {
        if (pos >= input.length()) {
            return EOF;
        }
        int c = input.codePointAt(pos);
        pos += Character.charCount(c);
        return c;
    }

    /** Accumulates the expanded text and its split into words. */
    private static final class Words {
        final StringBuilder result = new StringBuilder();
        final List<String> list = new ArrayList<>();
        final StringBuilder word = new StringBuilder();
        boolean inWord;

        void addChar(int c) {
            if (Character.isWhitespace(c)) {
                if (inWord && !word.isEmpty()) {
                    list.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                addRawChar(c);
            }
        }

        void addRawChar(int c) {
            word.appendCodePoint(c);
            inWord = true;
        }

        void addString(String s) {
            s.codePoints().forEach(this::addChar);
        }

        void addRawString(String s) {
            word.append(s);
            inWord = true;
        }

        List<String> words() {
            if (!word.isEmpty()) {
                list.add(word.toString());
                word.setLength(0);
                inWord = false;
            }
            return list;
        }
    }

    private Words processStopOn(int stopChar, boolean escapesRaw) throws ShellSyntaxException {
        boolean saved = rawEscapes;
        rawEscapes = escapesRaw;
        try {
            Words words = new Words();
            while (peek() != EOF) {
                if ((++work & 0xFFF) == 0) {
                    Deadline.check();
                }
                int c = peek();
                if (stopChar != EOF && c == stopChar) {
                    next();
                    return words;
                }
                if (c == '$' || c == '\'' || c == '"') {
                    String tmp = c == '$' ? processDollar() : c == '\'' ? processSingleQuote() : processDoubleQuote();
                    words.result.append(tmp);
                    checkLength(words.result);
                    if (c == '$') {
                        words.addString(tmp);
                    } else {
                        words.addRawString(tmp);
                    }
                    continue;
                }
                c = next();
                if (c == escapeToken) {
                    if (rawEscapes) {
                        words.addRawChar(c);
                        words.result.appendCodePoint(c);
                    }
                    c = next();
                    if (c == EOF) {
                        break;
                    }
                    words.addRawChar(c);
                } else {
                    words.addChar(c);
                }
                words.result.appendCodePoint(c);
            }
            if (stopChar != EOF) {
                throw new ShellSyntaxException("unexpected end of statement while looking for matching "
                        + new String(Character.toChars(stopChar)));
            }
            return words;
        } finally {
            rawEscapes = saved;
        }
    }

    private String processSingleQuote() throws ShellSyntaxException {
        StringBuilder result = new StringBuilder();
        int c = next();
        if (rawQuotes) {
            result.appendCodePoint(c);
        }
        while (true) {
            c = next();
            if (c == EOF) {
                throw new ShellSyntaxException("unexpected end of statement while looking for matching single-quote");
            }
            if (c == '\'') {
                if (rawQuotes) {
                    result.appendCodePoint(c);
                }
                return result.toString();
            }
            result.appendCodePoint(c);
        }
    }

    private String processDoubleQuote() throws ShellSyntaxException {
        StringBuilder result = new StringBuilder();
        int c = next();
        if (rawQuotes) {
            result.appendCodePoint(c);
        }
        while (true) {
            int p = peek();
            if (p == EOF) {
                throw new ShellSyntaxException("unexpected end of statement while looking for matching double-quote");
            }
            if (p == '"') {
                c = next();
                if (rawQuotes) {
                    result.appendCodePoint(c);
                }
                return result.toString();
            }
            if (p == '$') {
                result.append(processDollar());
                checkLength(result);
                continue;
            }
            c = next();
            if (c == escapeToken) {
                if (rawEscapes) {
                    result.appendCodePoint(c);
                }
                int after = peek();
                if (after == EOF) {
                    continue;
                }
                if (after == '"' || after == '$' || after == escapeToken) {
                    c = next();
                }
            }
            result.appendCodePoint(c);
        }
    }

    private static void checkLength(CharSequence word) throws ShellSyntaxException {
        if (word.length() > MAX_WORD) {
            throw new ShellSyntaxException("too complex: the expanded word is longer than " + MAX_WORD / 1024 + " KB");
        }
    }

    private String processDollar() throws ShellSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new ShellSyntaxException("too complex: ${…} nested more than " + MAX_DEPTH + " deep");
        }
        try {
            String value = expandDollar();
            checkLength(value);
            return value;
        } finally {
            depth--;
        }
    }

    private String expandDollar() throws ShellSyntaxException {
        next();
        if (peek() != '{') {
            String name = processName();
            if (name.isEmpty()) {
                return "$";
            }
            String value = lookup(name);
            if (value == null && skipUnsetEnv) {
                return "$" + name;
            }
            return value == null ? "" : value;
        }
        next();
        int p = peek();
        if (p == EOF) {
            throw new ShellSyntaxException("syntax error: missing '}'");
        }
        if (p == '{' || p == '}' || p == ':') {
            throw new ShellSyntaxException("syntax error: bad substitution");
        }
        String name = processName();
        int c = next();
        switch (c) {
            case '}' -> {
                String value = lookup(name);
                if (value == null && skipUnsetEnv) {
                    return "${" + name + "}";
                }
                return value == null ? "" : value;
            }
            case '?' -> {
                String word = wordUntilBrace();
                String value = lookup(name);
                if (value == null) {
                    throw new ShellSyntaxException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                }
                return value;
            }
            case ':' -> {
                int modifier = next();
                String word = wordUntilBrace();
                String value = lookup(name);
                boolean set = value != null;
                if (skipUnsetEnv && !set) {
                    return "${" + name + ":" + new String(Character.toChars(Math.max(modifier, 0))) + word + "}";
                }
                String v = set ? value : "";
                return switch (modifier) {
                    case '+' -> v.isEmpty() ? v : word;
                    case '-' -> v.isEmpty() ? word : v;
                    case '?' -> {
                        if (!set) {
                            throw new ShellSyntaxException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
                        }
                        if (v.isEmpty()) {
                            throw new ShellSyntaxException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
                        }
                        yield v;
                    }
                    default -> throw new ShellSyntaxException("unsupported modifier ("
                            + (modifier == EOF ? "" : new String(Character.toChars(modifier))) + ") in substitution");
                };
            }
            case '+', '-' -> {
                String word = wordUntilBrace();
                String value = lookup(name);
                if (skipUnsetEnv && value == null) {
                    return "${" + name + (char) c + word + "}";
                }
                if (c == '-') {
                    return value == null ? word : value;
                }
                return value == null ? "" : word;
            }
            case '#', '%' -> {
                boolean longest = peek() == c;
                if (longest) {
                    next();
                }
                String pattern = wordUntilBrace();
                String value = lookup(name);
                if (skipUnsetEnv && value == null) {
                    return "${" + name + (char) c + (longest ? String.valueOf((char) c) : "") + pattern + "}";
                }
                return ShellPatterns.trim(value == null ? "" : value, pattern, c == '#', longest);
            }
            case '/' -> {
                boolean all = peek() == '/';
                if (all) {
                    next();
                }
                String pattern = processStopOnText('/');
                String replacement = wordUntilBrace();
                String value = lookup(name);
                if (skipUnsetEnv && value == null) {
                    return "${" + name + "/" + (all ? "/" : "") + pattern + "/" + replacement + "}";
                }
                return ShellPatterns.replace(value == null ? "" : value, pattern, replacement, all);
            }
            default -> {
                if (c == EOF) {
                    throw new ShellSyntaxException("syntax error: missing '}'");
                }
                throw new ShellSyntaxException("syntax error: bad substitution");
            }
        }
    }

    private String wordUntilBrace() throws ShellSyntaxException {
        return processStopOnText('}');
    }

    private String processStopOnText(int stop) throws ShellSyntaxException {
        try {
            return processStopOn(stop, rawEscapes).result.toString();
        } catch (ShellSyntaxException e) {
            if (peek() == EOF) {
                throw new ShellSyntaxException("syntax error: missing '}'");
            }
            throw e;
        }
    }

    private String processName() {
        StringBuilder name = new StringBuilder();
        while (peek() != EOF) {
            int c = peek();
            if (name.isEmpty() && Character.isDigit(c)) {
                while (peek() != EOF && Character.isDigit(peek())) {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if (name.isEmpty() && isSpecialParam(c)) {
                return new String(Character.toChars(next()));
            }
            if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') {
                break;
            }
            name.appendCodePoint(next());
        }
        return name.toString();
    }

    private static boolean isSpecialParam(int c) {
        return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' || c == '0';
    }

    private String lookup(String name) {
        used.add(name);
        String value = env.apply(name);
        if (value == null) {
            unset.add(name);
        }
        return value;
    }
}
