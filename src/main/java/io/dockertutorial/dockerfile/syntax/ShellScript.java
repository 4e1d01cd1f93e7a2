package io.dockertutorial.dockerfile.syntax;

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
    private static final Set<String> WRAPPERS = Set.of("sudo", "exec", "time", "nohup", "command", "builtin",
            "eval", "xargs", "env", "nice", "stdbuf", "timeout");

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
            out.add(command(seg, words, piped.get(k), depth > 0 || inCase, functions));
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

    private static ShellCommand command(String text, List<String> words, Boolean pipedOut, boolean nested,
                                        java.util.Set<String> functions) {
        List<String> args = new ArrayList<>();
        List<String> writes = new ArrayList<>();
        int k = 0;
        // Leading assignments (FOO=bar cmd) and wrappers (sudo cmd) are not the command.
        while (k < words.size() && ASSIGNMENT.matcher(words.get(k)).matches()) {
            k++;
        }
        while (k < words.size() && WRAPPERS.contains(words.get(k)) && k + 1 < words.size()) {
            k++;
            while (k < words.size() && words.get(k).startsWith("-") && !words.get(k).equals("-")) {
                k++;
            }
            while (k < words.size() && ASSIGNMENT.matcher(words.get(k)).matches()) {
                k++;
            }
        }
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
