package io.dockertutorial.dockerfile.syntax;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.budget.TooComplexException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Dockerfile parser that follows BuildKit's frontend (moby/buildkit
 * {@code frontend/dockerfile/parser}) rule for rule, checked against BuildKit's own test corpus,
 * but that never stops at the first error: each problem is recorded with its lines and the parse
 * goes on, so the explainer can still show every other instruction. Linear in the input; no
 * backtracking regular expressions on user text. Thread-safe (no state between calls).
 */
public final class DockerfileParser {

    private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("add", "copy", "run");
    /** Text longer than this is refused as a whole, to bound memory (the API limits bodies far below). */
    public static final int MAX_CHARS = 16 * 1024 * 1024;
    /** Instructions one file may have: far above real files and the course, above the engine's benchmark (6,500). */
    public static final int MAX_INSTRUCTIONS = 10_000;

    public ParsedDockerfile parse(String text) {
        return new Run(text == null ? "" : text).parse();
    }

    /** One parse: the state BuildKit keeps in its parse loop and directive parser. */
    private static final class Run {
        private final List<String> rawLines = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private final List<Instruction> instructions = new ArrayList<>();
        private final List<ParseError> errors = new ArrayList<>();
        private final List<ParseError> emptyContinuations = new ArrayList<>();
        private final DirectiveParser directives = new DirectiveParser(errors);
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
                lines.add(LineParsers.trimNewline(raw));
                start = end;
            }
        }

        ParsedDockerfile parse() {
            List<String> comments = new ArrayList<>();
            int commentLine = 0;
            while (index < rawLines.size()) {
                Deadline.check();
                String raw = rawLines.get(index);
                boolean comment = isComment(raw);
                boolean directive = false;
                String processed;
                {
                    String token = LineParsers.trimLeftSpace(LineParsers.trimNewline(raw));
                    directive = directives.possibleDirective(token, index + 1);
                    processed = comment ? "" : token;
                }
                index++;
                lineNo++;
                if (comment && !directive) {
                    String c = LineParsers.trimSpace(LineParsers.trimLeftSpace(LineParsers.trimNewline(raw)).substring(1));
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
                    String token = LineParsers.trimNewline(raw2);
                    directives.possibleDirective(token, index + 1);
                    index++;
                    lineNo++;
                    if (isComment(raw2)) {
                        continue;
                    }
                    if (LineParsers.trimLeftSpace(token).isEmpty()) {
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
                        for (Heredoc h : Heredocs.fromLine(logical)) {
                            heredocs.add(readHeredocBody(h, startLine));
                        }
                    } catch (BadInstruction e) {
                        errors.add(new ParseError(startLine, lineNo, e.getMessage()));
                    }
                    endLine = lineNo;
                }
                if (instructions.size() == MAX_INSTRUCTIONS) {
                    throw new TooComplexException("more than " + MAX_INSTRUCTIONS + " instructions (real Dockerfiles have far fewer)");
                }
                instructions.add(withSpan(node, endLine, heredocs));
            }
            if (instructions.isEmpty() && errors.isEmpty()) {
                errors.add(new ParseError(Math.max(1, lineNo), Math.max(1, lineNo),
                        "the file has no instructions; a Dockerfile starts with FROM, e.g. FROM alpine:3.20"));
            }
            return new ParsedDockerfile(directives.directives(), List.copyOf(instructions), List.copyOf(errors),
                    List.copyOf(emptyContinuations), List.copyOf(lines));
        }

        private Heredoc readHeredocBody(Heredoc h, int startLine) throws BadInstruction {
            StringBuilder content = new StringBuilder();
            int bodyStart = lineNo + 1;
            while (index < rawLines.size()) {
                String raw = rawLines.get(index);
                index++;
                lineNo++;
                String candidate = LineParsers.trimNewline(raw);
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

        private String[] trimContinuation(String line) {
            int end = line.length();
            while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
                end--;
            }
            // BuildKit: ([^\\]|^)\\[ \t]*$ — a doubled escape at the end is a literal, not a continuation.
            char escape = directives.escape();
            if (end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape)) {
                return new String[]{line.substring(0, end - 1), "continues"};
            }
            return new String[]{line, null};
        }

        private Instruction newNode(String line, int startLine, int noteStart, List<String> notes) throws BadInstruction {
            List<String> cmdline = LineParsers.splitBlanks(LineParsers.trimSpace(line), 2);
            String cmd = cmdline.get(0);
            List<String> flags = List.of();
            String args = "";
            if (cmdline.size() == 2) {
                Object[] extracted = LineParsers.extractBuilderFlags(cmdline.get(1));
                args = (String) extracted[0];
                @SuppressWarnings("unchecked")
                List<String> f = (List<String>) extracted[1];
                flags = f;
            }
            args = LineParsers.trimSpace(args);
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
                        values = LineParsers.whitespaceDelimited(args);
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
                case "arg" -> values = LineParsers.parseWords(args, directives.escape());
                case "env", "label" -> values = LineParsers.parseNameVal(args, lower.toUpperCase(Locale.ROOT), directives.escape());
                case "expose", "from" -> values = LineParsers.whitespaceDelimited(args);
                case "healthcheck" -> {
                    int sep = 0;
                    while (sep < args.length() && LineParsers.isSpace(args.charAt(sep))) {
                        sep++;
                    }
                    sep = 0;
                    while (sep < args.length() && !LineParsers.isSpace(args.charAt(sep))) {
                        sep++;
                    }
                    int next = sep;
                    while (next < args.length() && LineParsers.isSpace(args.charAt(next))) {
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
            List<String> cmdline = LineParsers.splitBlanks(LineParsers.trimSpace(line), 2);
            String cmd = cmdline.get(0);
            String rest = cmdline.size() == 2 ? LineParsers.trimSpace(cmdline.get(1)) : "";
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

    public static boolean isComment(String raw) {
        String t = LineParsers.trimLeftSpace(LineParsers.trimNewline(raw));
        return t.startsWith("#");
    }
}
