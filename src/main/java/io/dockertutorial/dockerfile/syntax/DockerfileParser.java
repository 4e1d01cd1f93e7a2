package io.dockertutorial.dockerfile.syntax;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile parser that follows BuildKit's frontend (moby/buildkit
 * {@code frontend/dockerfile/parser}) rule for rule, checked against BuildKit's own test corpus,
 * but that never stops at the first error: each problem is recorded with its lines and the parse
 * goes on, so the explainer can still show every other instruction. Linear in the input; no
 * backtracking regular expressions on user text. Thread-safe (no state between calls).
 */
public final class DockerfileParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*$");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");
    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("add", "copy", "run");
    /** Text longer than this is refused as a whole, to bound memory (the API limits bodies far below). */
    public static final int MAX_CHARS = 16 * 1024 * 1024;

    public ParsedDockerfile parse(String text) {
        return new Run(text == null ? "" : text).parse();
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

    /** One parse: the state BuildKit keeps in its parse loop and directive parser. */
    private static final class Run {
        private final List<String> rawLines = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<ParseError> errors = new ArrayList<>();
        private final List<ParseError> emptyContinuations = new ArrayList<>();
        private final Set<String> seenDirectives = new HashSet<>();
        private boolean directivesDone;
        private char escape = '\\';
        private String syntax;
        private String check;
        private int lastDirectiveLine;
        private int index;
        private int lineNo;

        Run(String text) {
            if (text.length() > MAX_CHARS) {
                errors.add(new ParseError(1, 1, "the Dockerfile is too large to explain"));
                text = "";
            }
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            int start = 0;
            while (start < text.length()) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? text.length() : nl + 1;
                String raw = text.substring(start, end);
                rawLines.add(raw);
                lines.add(trimNewline(raw));
                start = end;
            }
        }

        ParsedDockerfile parse() {
            List<String> comments = new ArrayList<>();
            int commentLine = 0;
            while (index < rawLines.size()) {
                String raw = rawLines.get(index);
                boolean comment = isComment(raw);
                boolean directive = false;
                String processed;
                {
                    String token = trimLeftSpace(trimNewline(raw));
                    directive = possibleDirective(token, index + 1);
                    processed = comment ? "" : token;
                }
                index++;
                lineNo++;
                if (comment && !directive) {
                    String c = trimSpace(trimLeftSpace(trimNewline(raw)).substring(1));
                    if (c.isEmpty()) {
                        comments.clear();
                        commentLine = 0;
                    } else {
                        if (comments.isEmpty()) {
                            commentLine = lineNo;
                        }
                        comments.add(c);
                    }
                }
                int startLine = lineNo;
                String[] cont = trimContinuation(processed);
                boolean endOfLine = cont[1] == null;
                if (endOfLine && cont[0].isEmpty()) {
                    continue;
                }
                StringBuilder line = new StringBuilder(cont[0]);
                boolean emptyContinuation = false;
                while (!endOfLine && index < rawLines.size()) {
                    String raw2 = rawLines.get(index);
                    String token = trimNewline(raw2);
                    possibleDirective(token, index + 1);
                    index++;
                    lineNo++;
                    if (isComment(raw2)) {
                        continue;
                    }
                    if (trimLeftSpace(token).isEmpty()) {
                        emptyContinuation = true;
                        continue;
                    }
                    String[] c2 = trimContinuation(token);
                    line.append(c2[0]);
                    endOfLine = c2[1] == null;
                }
                String logical = line.toString();
                if (emptyContinuation) {
                    emptyContinuations.add(new ParseError(startLine, lineNo,
                            "Empty continuation line found in: " + logical));
                }
                List<String> noteLines = List.copyOf(comments);
                int noteStart = comments.isEmpty() ? 0 : commentLine;
                comments.clear();
                commentLine = 0;
                Instruction node;
                try {
                    node = newNode(logical, startLine, noteStart, noteLines);
                } catch (BadInstruction e) {
                    errors.add(new ParseError(startLine, lineNo, e.getMessage()));
                    node = invalidNode(logical, startLine, noteStart, noteLines);
                }
                int endLine = lineNo;
                List<Heredoc> heredocs = new ArrayList<>();
                if (canContainHeredoc(node) && logical.contains("<<")) {
                    try {
                        for (Heredoc h : heredocsFromLine(logical)) {
                            heredocs.add(readHeredocBody(h, startLine));
                        }
                    } catch (BadInstruction e) {
                        errors.add(new ParseError(startLine, lineNo, e.getMessage()));
                    }
                    endLine = lineNo;
                }
                instructions.add(withSpan(node, endLine, heredocs));
            }
            if (instructions.isEmpty() && errors.isEmpty()) {
                errors.add(new ParseError(Math.max(1, lineNo), Math.max(1, lineNo),
                        "the file has no instructions; a Dockerfile starts with FROM, e.g. FROM alpine:3.20"));
            }
            Directives directives = new Directives(syntax, escape, check, lastDirectiveLine);
            return new ParsedDockerfile(directives, List.copyOf(instructions), List.copyOf(errors),
                    List.copyOf(emptyContinuations), List.copyOf(lines));
        }

        private Heredoc readHeredocBody(Heredoc h, int startLine) throws BadInstruction {
            StringBuilder content = new StringBuilder();
            int bodyStart = lineNo + 1;
            while (index < rawLines.size()) {
                String raw = rawLines.get(index);
                index++;
                lineNo++;
                String candidate = trimNewline(raw);
                if (h.chomp()) {
                    int t = 0;
                    while (t < candidate.length() && candidate.charAt(t) == '\t') {
                        t++;
                    }
                    candidate = candidate.substring(t);
                }
                if (candidate.equals(h.name())) {
                    return new Heredoc(h.name(), content.toString(), h.expand(), h.chomp(), h.fileDescriptor(),
                            bodyStart, lineNo);
                }
                content.append(raw);
            }
            errors.add(new ParseError(startLine, lineNo, "unterminated heredoc: no line '" + h.name()
                    + "' closes the here-document that starts on line " + startLine));
            return new Heredoc(h.name(), content.toString(), h.expand(), h.chomp(), h.fileDescriptor(), bodyStart,
                    lineNo);
        }

        /** BuildKit's DirectiveParser.ParseLine, plus the escape token switch. */
        private boolean possibleDirective(String token, int physicalLine) {
            if (directivesDone) {
                return false;
            }
            Matcher m = DIRECTIVE.matcher(token);
            if (!m.matches()) {
                directivesDone = true;
                return false;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            if (!key.equals("escape") && !key.equals("syntax") && !key.equals("check")) {
                directivesDone = true;
                return false;
            }
            if (!seenDirectives.add(key)) {
                errors.add(new ParseError(physicalLine, physicalLine,
                        "only one " + key + " parser directive can be used"));
                return true;
            }
            String value = m.group(2);
            lastDirectiveLine = physicalLine;
            switch (key) {
                case "escape" -> {
                    if (value.equals("`") || value.equals("\\")) {
                        escape = value.charAt(0);
                    } else {
                        errors.add(new ParseError(physicalLine, physicalLine,
                                "invalid escape character '" + value + "': use ` or \\"));
                    }
                }
                case "syntax" -> syntax = value;
                default -> check = value;
            }
            return true;
        }

        private String[] trimContinuation(String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            // BuildKit: ([^\\]|^)\\[ \t]*$ — a doubled escape at the end is a literal, not a continuation.
            if (end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape)) {
                return new String[]{line.substring(0, end - 1), "continues"};
            }
            return new String[]{line, null};
        }

        private Instruction newNode(String line, int startLine, int noteStart, List<String> notes) throws BadInstruction {
            List<String> cmdline = splitBlanks(trimSpace(line), 2);
            String cmd = cmdline.get(0);
            List<String> flags = List.of();
            String args = "";
            if (cmdline.size() == 2) {
                Object[] extracted = extractBuilderFlags(cmdline.get(1));
                args = (String) extracted[0];
                @SuppressWarnings("unchecked")
                List<String> f = (List<String>) extracted[1];
                flags = f;
            }
            args = trimSpace(args);
            String lower = cmd.toLowerCase(Locale.ROOT);
            List<String> values = List.of();
            boolean json = false;
            Instruction inner = null;
            switch (lower) {
                case "add", "copy", "volume" -> {
                    List<String> parsed = parseJson(args);
                    if (parsed != JsonArray.NOT_JSON) {
                        values = parsed;
                        json = true;
                    } else {
                        values = whitespaceDelimited(args);
                    }
                }
                case "cmd", "entrypoint", "run", "shell" -> {
                    if (!args.isEmpty()) {
                        List<String> parsed = parseJson(args);
                        if (parsed != JsonArray.NOT_JSON) {
                            values = parsed;
                            json = true;
                        } else {
                            values = List.of(args);
                        }
                    }
                }
                case "arg" -> values = parseWords(args, escape);
                case "env", "label" -> values = parseNameVal(args, lower.toUpperCase(Locale.ROOT), escape);
                case "expose", "from" -> values = whitespaceDelimited(args);
                case "healthcheck" -> {
                    int sep = 0;
                    while (sep < args.length() && isSpace(args.charAt(sep))) {
                        sep++;
                    }
                    sep = 0;
                    while (sep < args.length() && !isSpace(args.charAt(sep))) {
                        sep++;
                    }
                    int next = sep;
                    while (next < args.length() && isSpace(args.charAt(next))) {
                        next++;
                    }
                    if (sep > 0) {
                        List<String> v = new ArrayList<>();
                        v.add(args.substring(0, sep));
                        String cmdPart = args.substring(next);
                        if (!cmdPart.isEmpty()) {
                            List<String> parsed = parseJson(cmdPart);
                            if (parsed != JsonArray.NOT_JSON) {
                                v.addAll(parsed);
                                json = true;
                            } else {
                                v.add(cmdPart);
                            }
                        }
                        values = v;
                    }
                }
                case "maintainer", "stopsignal", "user", "workdir" -> values = args.isEmpty() ? List.of() : List.of(args);
                case "onbuild" -> {
                    if (!args.isEmpty()) {
                        inner = newNode(args, startLine, 0, List.of());
                    }
                }
                default -> values = List.of();
            }
            return new Instruction(cmd.toUpperCase(Locale.ROOT), cmd, startLine, startLine, noteStart, notes, line,
                    List.copyOf(flags), args, List.copyOf(values), json, List.of(), inner);
        }

        private Instruction invalidNode(String line, int startLine, int noteStart, List<String> notes) {
            List<String> cmdline = splitBlanks(trimSpace(line), 2);
            String cmd = cmdline.get(0);
            String rest = cmdline.size() == 2 ? trimSpace(cmdline.get(1)) : "";
            return new Instruction(cmd.toUpperCase(Locale.ROOT), cmd, startLine, startLine, noteStart, notes, line,
                    List.of(), rest, List.of(), false, List.of(), null);
        }

        private static Instruction withSpan(Instruction i, int endLine, List<Heredoc> heredocs) {
            Instruction inner = i.inner() == null ? null : new Instruction(i.inner().keyword(), i.inner().written(),
                    i.startLine(), endLine, 0, List.of(), i.inner().original(), i.inner().flags(), i.inner().rest(),
                    i.inner().arguments(), i.inner().json(), List.copyOf(heredocs), null);
            return new Instruction(i.keyword(), i.written(), i.startLine(), endLine, i.commentLine(), i.comments(),
                    i.original(), i.flags(), i.rest(), i.arguments(), i.json(),
                    inner == null ? List.copyOf(heredocs) : List.of(), inner);
        }

        private static boolean canContainHeredoc(Instruction node) {
            Instruction target = node.inner() != null ? node.inner() : node;
            return HEREDOC_INSTRUCTIONS.contains(target.written().toLowerCase(Locale.ROOT)) && !target.json();
        }

        private static List<String> parseJson(String rest) throws BadInstruction {
            try {
                return JsonArray.parse(rest);
            } catch (JsonArray.NotStringArray e) {
                throw new BadInstruction(e.getMessage());
            }
        }
    }

    /** An instruction BuildKit's parser rejects. */
    static final class BadInstruction extends Exception {
        BadInstruction(String message) {
            super(message);
        }
    }

    static String trimNewline(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        return raw.substring(0, end);
    }

    public static boolean isComment(String raw) {
        String t = trimLeftSpace(trimNewline(raw));
        return t.startsWith("#");
    }

    private static List<String> whitespaceDelimited(String rest) {
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
    private static List<String> parseNameVal(String rest, String key, char escapeToken) throws BadInstruction {
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

    /** BuildKit's heredocsFromLine: every word of the form {@code [n]<<[-]NAME}. */
    private static List<Heredoc> heredocsFromLine(String line) throws BadInstruction {
        List<String> words;
        try {
            words = new ShellLex('\\').rawQuotes(true).rawEscapes(true).skipUnsetEnv(true).processWords(line, name -> null);
        } catch (ShellLex.ShellSyntaxException e) {
            return List.of();
        }
        List<Heredoc> docs = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            // BuildKit accepts blanks between << and the delimiter (RUN <<  EOF).
            if (word.matches("\\d*<<-?") && w + 1 < words.size()) {
                word = word + words.get(++w);
            }
            Matcher m = HEREDOC.matcher(word);
            if (!m.matches() || m.group(3).isEmpty()) {
                continue;
            }
            int fd = 0;
            try {
                fd = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                fd = 0;
            }
            boolean chomp = m.group(2).equals("-");
            String rest = m.group(3);
            try {
                List<String> cooked = new ShellLex('\\').skipUnsetEnv(true).processWords(rest, name -> null);
                if (cooked.size() != 1) {
                    continue;
                }
                List<String> raw = new ShellLex('\\').skipUnsetEnv(true).rawQuotes(true).processWords(rest, name -> null);
                if (raw.size() != cooked.size()) {
                    throw new BadInstruction("the here-document delimiter " + rest + " cannot be read");
                }
                String name = cooked.get(0);
                boolean expand = quoteCount(name) == quoteCount(raw.get(0));
                docs.add(new Heredoc(name, "", expand, chomp, fd, 0, 0));
            } catch (ShellLex.ShellSyntaxException e) {
                throw new BadInstruction("the here-document delimiter " + rest + " is not valid: " + e.getMessage());
            }
        }
        return docs;
    }

    private static int quoteCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
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
