package io.dockertutorial.dockerfile.syntax;

import io.dockertutorial.budget.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a POSIX shell script into its simple commands: at {@code &&}, {@code ||}, {@code ;},
 * {@code |}, {@code &} and new lines, outside quotes and {@code $( )}; looks through {@code if},
 * {@code for}, {@code while}, {@code case} and function bodies. Not a shell: enough to explain and
 * check each command of a RUN.
 */
public final class ShellScript {

    private static final Set<String> PREFIX_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until",
            "!", "{", "(", "time");
    private static final Set<String> CLOSERS = Set.of("fi", "done", "esac", "}", ")", ";;", "then", "else", "do");

    private ShellScript() {
    }

    /** The simple commands of {@code script}, in order. */
    public static List<ShellCommand> parse(String script) {
        List<ShellCommand> out = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        List<Boolean> piped = new ArrayList<>();
        // (both lists grow while parsing: "case x in a) cmd" puts "a) cmd" back as its own segment)
        split(withoutHeredocBodies(script), segments, piped);
        java.util.Set<String> functions = new java.util.HashSet<>();
        int depth = 0;
        boolean inCase = false;
        boolean expectPattern = false;
        for (int k = 0; k < segments.size(); k++) {
            Deadline.check();
            String seg = segments.get(k).strip();
            if (seg.equals(";;")) {
                expectPattern = inCase;
                continue;
            }
            if (inCase && expectPattern) {
                // "amd64|arm64) cmd": the pattern ends at the first ')'; "amd64" before a '|' is part of it.
                if (seg.startsWith("esac")) {
                    expectPattern = false;
                } else {
                    int close = seg.indexOf(')');
                    if (close < 0) {
                        continue;
                    }
                    seg = seg.substring(close + 1).strip();
                    expectPattern = false;
                    if (seg.isEmpty()) {
                        continue;
                    }
                }
            }
            if (seg.endsWith(")") && count(seg, '(') < count(seg, ')')) {
                seg = seg.substring(0, seg.length() - 1).strip();
            }
            List<String> words = Words.split(seg);
            while (!words.isEmpty() && PREFIX_KEYWORDS.contains(words.get(0))) {
                if (!words.get(0).equals("time")) {
                    depth++;
                }
                words.remove(0);
            }
            if (words.isEmpty()) {
                continue;
            }
            String first = words.get(0);
            if (first.equals("case")) {
                inCase = true;
                expectPattern = true;
                int in = words.indexOf("in");
                if (in >= 0 && in + 1 < words.size()) {
                    segments.add(k + 1, String.join(" ", words.subList(in + 1, words.size())));
                    piped.add(k + 1, piped.get(k));
                }
                continue;
            }
            if (CLOSERS.contains(first) && words.size() == 1) {
                if (first.equals("esac")) {
                    inCase = false;
                }
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (first.equals("for") || first.equals("select")) {
                depth++;
                continue;
            }
            if (first.endsWith("()") && FUNCTION.matcher(first).matches() || words.size() >= 2 && words.get(1).equals("()")
                    || first.equals("function")) {
                String fn = first.equals("function") && words.size() > 1 ? words.get(1) : first;
                functions.add(fn.replace("()", ""));
                depth++;
                continue;
            }
            commands(seg, words, piped.get(k), depth > 0 || inCase, functions, out);
            for (String inner : substitutions(seg)) {
                for (ShellCommand c : parse(inner)) {
                    out.add(new ShellCommand(c.text(), c.name(), c.args(), c.writes(), c.pipedOut(), true, c.function()));
                }
            }
        }
        return out;
    }

    /** The scripts of the command substitutions in a command: {@code $( … )} and backquotes, not inside single quotes. */
    static List<String> substitutions(String seg) {
        List<String> out = new ArrayList<>();
        boolean single = false;
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                single = !single;
            } else if (single) {
                continue;
            } else if (c == '$' && i + 1 < seg.length() && seg.charAt(i + 1) == '(' && !(i + 2 < seg.length() && seg.charAt(i + 2) == '(')) {
                int depth = 1;
                int j = i + 2;
                char quote = 0;
                for (; j < seg.length() && depth > 0; j++) {
                    char d = seg.charAt(j);
                    if (quote != 0) {
                        quote = d == quote ? 0 : quote;
                    } else if (d == '\'' || d == '"') {
                        quote = d;
                    } else if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    }
                }
                if (depth == 0) {
                    out.add(seg.substring(i + 2, j - 1));
                }
                i = j - 1;
            } else if (c == '`') {
                int end = seg.indexOf('`', i + 1);
                while (end > 0 && seg.charAt(end - 1) == '\\') {
                    end = seg.indexOf('`', end + 1);
                }
                if (end < 0) {
                    break;
                }
                out.add(seg.substring(i + 1, end));
                i = end;
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern FUNCTION = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*\\(\\)");
    private static final java.util.regex.Pattern ASSIGNMENT = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\+?=.*", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern REDIRECT_ALONE = java.util.regex.Pattern.compile("[0-9&]?>>?|[0-9]?<|&>");
    private static final java.util.regex.Pattern REDIRECT_JOINED = java.util.regex.Pattern.compile("[0-9&]?>>?[^>&].*|[0-9]?>&[0-9-]|&>.+", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern REDIRECT_OP = java.util.regex.Pattern.compile("^[0-9&]?>>?");
    private static final java.util.regex.Pattern INPUT = java.util.regex.Pattern.compile("[0-9]?<.+", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern OPENERS = java.util.regex.Pattern.compile("^[({]+");
    private static final java.util.regex.Pattern HEREDOC = java.util.regex.Pattern.compile("<<(-?)\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");

    /** Here-documents inside the script ({@code cat <<EOF > file}) are data, not commands: drops their bodies. */
    static String withoutHeredocBodies(String script) {
        if (!script.contains("<<")) {
            return script;
        }
        StringBuilder out = new StringBuilder(script.length());
        String[] lines = script.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            out.append(lines[k]).append('\n');
            java.util.regex.Matcher m = HEREDOC.matcher(lines[k]);
            while (m.find()) {
                String end = m.group(2);
                while (k + 1 < lines.length && !(m.group(1).isEmpty() ? lines[k + 1] : lines[k + 1].strip()).equals(end)) {
                    k++;
                }
                k++;
            }
        }
        return out.toString();
    }

    /** The command of one segment: leading redirections and assignments skipped, a wrapper and the command it runs. */
    private static void commands(String text, List<String> words, Boolean pipedOut, boolean nested,
                                 java.util.Set<String> functions, List<ShellCommand> out) {
        int k = 0;
        while (k < words.size()) {
            String w = words.get(k);
            if (ASSIGNMENT.matcher(w).matches() || REDIRECT_JOINED.matcher(w).matches() || INPUT.matcher(w).matches()) {
                k++;
            } else if (REDIRECT_ALONE.matcher(w).matches()) {
                k += 2;
            } else {
                break;
            }
        }
        if (k >= words.size()) {
            return;
        }
        int inner = Wrappers.wrapped(words, k);
        if (inner > k) {
            out.add(command(String.join(" ", words.subList(k, inner)), words.subList(k, inner), false, nested, functions));
            commands(String.join(" ", words.subList(inner, words.size())), words.subList(inner, words.size()), pipedOut,
                    nested, functions, out);
            return;
        }
        out.add(command(k == 0 ? text : String.join(" ", words.subList(k, words.size())), words.subList(k, words.size()),
                pipedOut, nested, functions));
    }

    private static ShellCommand command(String text, List<String> words, Boolean pipedOut, boolean nested,
                                        java.util.Set<String> functions) {
        List<String> args = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        int k = 0;
        String name = k < words.size() ? OPENERS.matcher(Words.unquote(words.get(k))).replaceFirst("") : "";
        for (int j = k + 1; j < words.size(); j++) {
            String w = words.get(j);
            if (w.indexOf('>') < 0 && w.indexOf('<') < 0) {
                args.add(Words.unquote(w));
                continue;
            }
            if (REDIRECT_ALONE.matcher(w).matches()) {
                if (j + 1 < words.size() && w.contains(">")) {
                    writes.add(Words.unquote(words.get(j + 1)));
                }
                j++;
                continue;
            }
            if (REDIRECT_JOINED.matcher(w).matches()) {
                String target = REDIRECT_OP.matcher(w).replaceFirst("");
                if (!target.startsWith("&")) {
                    writes.add(Words.unquote(target));
                }
                continue;
            }
            if (INPUT.matcher(w).matches()) {
                continue;
            }
            args.add(Words.unquote(w));
        }
        return new ShellCommand(text, name, List.copyOf(args), List.copyOf(writes), Boolean.TRUE.equals(pipedOut),
                nested, functions.contains(name));
    }

    /** Splits at control operators outside quotes, $( ) and backticks; records which segments pipe onwards. */
    private static void split(String s, List<String> segments, List<Boolean> piped) {
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int paren = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote != '\'' && next != 0) {
                    cur.append(next);
                    i++;
                }
                continue;
            }
            if (c == '\\' && next != 0) {
                cur.append(c).append(next);
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '$' && next == '(') {
                paren++;
                cur.append("$(");
                i++;
            } else if (paren > 0) {
                if (c == '(') {
                    paren++;
                } else if (c == ')') {
                    paren--;
                }
                cur.append(c);
            } else if (c == '#' && (cur.length() == 0 || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
                while (i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == ';' && next == ';') {
                flush(cur, segments, piped, null);
                segments.add(";;");
                piped.add(null);
                i++;
            } else if (c == ';' || c == '\n' || c == '&' && next == '&' || c == '|' && next == '|') {
                flush(cur, segments, piped, false);
                if (c != ';' && c != '\n') {
                    i++;
                }
            } else if (c == '|') {
                flush(cur, segments, piped, true);
            } else if (c == '&' && next != '>' && (cur.length() == 0 || cur.charAt(cur.length() - 1) != '>')) {
                flush(cur, segments, piped, false);
            } else if ((c == '(' || c == '{') && cur.toString().isBlank()) {
                flush(cur, segments, piped, false);
                segments.add(String.valueOf(c));
                piped.add(false);
            } else if (c == '}' && (cur.toString().isBlank() || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
                flush(cur, segments, piped, false);
            } else if (c == ')' && !cur.toString().contains("(")) {
                // ends a subshell or a case pattern; the pattern keeps its ')' so it can be recognised
                cur.append(c);
                flush(cur, segments, piped, false);
            } else {
                cur.append(c);
            }
        }
        flush(cur, segments, piped, false);
    }

    private static void flush(StringBuilder cur, List<String> segments, List<Boolean> piped, Boolean pipe) {
        String seg = cur.toString().strip();
        cur.setLength(0);
        if (!seg.isEmpty()) {
            segments.add(seg);
            piped.add(pipe);
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** True when the script has a {@code ;} or a new line between commands (outside quotes and $( )). */
    public static boolean hasSequence(String script) {
        String plain = script.replace("\\\n", " ");
        int first = 0;
        int last = plain.length() - 1;
        while (first < plain.length() && Character.isWhitespace(plain.charAt(first))) {
            first++;
        }
        while (last >= 0 && Character.isWhitespace(plain.charAt(last))) {
            last--;
        }
        char quote = 0;
        int paren = 0;
        for (int i = first; i < last; i++) {
            char c = plain.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                paren++;
            } else if (c == ')') {
                paren = Math.max(0, paren - 1);
            } else if (paren == 0 && (c == ';' || c == '\n')) {
                return true;
            }
        }
        return false;
    }

    /** The number of {@code &&} operators outside quotes. */
    public static int countAnd(String script) {
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
}
