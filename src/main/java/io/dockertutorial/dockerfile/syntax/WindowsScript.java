package io.dockertutorial.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a PowerShell or cmd.exe script (a RUN under a Windows SHELL) into its commands, as
 * {@link ShellScript} does for POSIX shells: PowerShell statements at {@code ;}, new lines, pipes,
 * {@code &&}/{@code ||} and script-block braces, outside quotes; cmd at {@code &}, {@code &&},
 * {@code ||}, {@code |} and new lines. {@code powershell -Command "…"} inside cmd (and {@code cmd /c "…"}
 * inside PowerShell) is read as the script it runs. Not a shell: enough to explain each command.
 */
public final class WindowsScript {

    private static final Set<String> PS_KEYWORDS = Set.of("if", "elseif", "else", "foreach", "for", "while", "do",
            "try", "catch", "finally", "switch", "trap", "until");
    private static final Pattern PS_ASSIGNMENT = Pattern.compile("^\\$[\\w:]+(?:\\.[\\w]+)*\\s*[+-]?=\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern DOTNET_CALL = Pattern.compile("^(\\[[\\w.]+\\]::\\w+)");
    private static final Pattern CMDLET_OR_PROGRAM = Pattern.compile("^[&.]?\\s*['\"]?[A-Za-z_.\\\\:/][^\\s]*");
    private static final int MAX_DEPTH = 4;

    private WindowsScript() {
    }

    /** True for a SHELL that is PowerShell (powershell, pwsh). */
    private static final Set<String> POSIX_SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh");

    /** True for a POSIX shell (the default {@code /bin/sh -c}); false for cmd, PowerShell and other programs. */
    public static boolean isPosixShell(List<String> shell) {
        if (shell == null || shell.isEmpty()) {
            return true;
        }
        String program = shell.get(0).replace('\\', '/');
        String name = program.substring(program.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return POSIX_SHELLS.contains(name);
    }

    public static boolean isPowerShell(List<String> shell) {
        if (shell == null || shell.isEmpty()) {
            return false;
        }
        String p = shell.get(0).toLowerCase(Locale.ROOT).replace('\\', '/');
        p = p.substring(p.lastIndexOf('/') + 1);
        return p.startsWith("powershell") || p.startsWith("pwsh");
    }

    /** The commands of a RUN run by {@code shell} (PowerShell, else cmd). */
    public static List<ShellCommand> parse(String script, List<String> shell) {
        List<ShellCommand> out = new ArrayList<>();
        if (isPowerShell(shell)) {
            powershell(script, out, 0);
        } else {
            cmd(script, out, 0);
        }
        return out;
    }

    // ---------- PowerShell ----------

    static void powershell(String script, List<ShellCommand> out, int depth) {
        List<String> segments = new ArrayList<>();
        List<Boolean> piped = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int paren = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            char next = i + 1 < script.length() ? script.charAt(i + 1) : 0;
            if (quote != 0) {
                cur.append(c);
                if (c == '`' && quote == '"' && next != 0) {
                    cur.append(next);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '`' && next != 0) {
                cur.append(next == '\n' ? ' ' : next);
                i++;
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == '(') {
                paren++;
                cur.append(c);
            } else if (c == ')') {
                paren = Math.max(0, paren - 1);
                cur.append(c);
            } else if (paren > 0) {
                cur.append(c);
            } else if (c == '#' && (cur.length() == 0 || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
                while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '|' && next != '|') {
                flush(cur, segments, piped, true);
            } else if (c == ';' || c == '\n' || c == '{' || c == '}' || c == '&' && next == '&' || c == '|') {
                flush(cur, segments, piped, false);
                if (c == '&' || c == '|') {
                    i++;
                }
            } else {
                cur.append(c);
            }
        }
        flush(cur, segments, piped, false);
        for (int k = 0; k < segments.size(); k++) {
            powershellStatement(segments.get(k), piped.get(k), out, depth);
        }
    }

    private static void powershellStatement(String seg, boolean pipedOut, List<ShellCommand> out, int depth) {
        String s = seg.strip();
        java.util.regex.Matcher assign = PS_ASSIGNMENT.matcher(s);
        if (assign.matches()) {
            s = assign.group(1).strip(); // $x = Get-Item …: the command is on the right, if any
        }
        while (s.startsWith("(")) {
            s = s.substring(1).strip();
        }
        List<String> words = words(s);
        while (!words.isEmpty() && PS_KEYWORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
            // if (…) / foreach ($a in $b): the condition in parentheses is not the command
            if (!words.isEmpty() && words.get(0).startsWith("(")) {
                words.remove(0);
            }
        }
        if (words.isEmpty()) {
            return;
        }
        String first = words.get(0);
        java.util.regex.Matcher dotnet = DOTNET_CALL.matcher(first);
        if (dotnet.find()) {
            out.add(new ShellCommand(s, dotnet.group(1), List.of(), List.of(), pipedOut, false, false));
            return;
        }
        boolean call = first.equals("&") || first.equals(".");
        if (call) {
            words.remove(0);
            if (words.isEmpty()) {
                return;
            }
            first = words.get(0);
        }
        String name = unquote(first);
        if (!call && (first.startsWith("'") || first.startsWith("\"")) || name.startsWith("$") || name.startsWith("@")
                || name.isEmpty() || !CMDLET_OR_PROGRAM.matcher(name).find() || name.matches("^[0-9'\"].*")) {
            return; // an expression or a value, not a command
        }
        List<String> args = new ArrayList<>();
        for (int j = 1; j < words.size(); j++) {
            String w = words.get(j);
            if (w.startsWith(">") || w.matches("[0-9*]>.*")) {
                if (w.matches("[0-9*]?>>?") && j + 1 < words.size()) {
                    j++;
                }
                continue;
            }
            args.add(unquote(w));
        }
        out.add(new ShellCommand(s, name, List.copyOf(args), List.of(), pipedOut, false, false));
        if (depth < MAX_DEPTH && name.toLowerCase(Locale.ROOT).matches("cmd(?:\\.exe)?") && !args.isEmpty()
                && args.get(0).matches("(?i)/[cks]")) {
            cmd(String.join(" ", args.subList(1, args.size())), out, depth + 1);
        }
    }

    // ---------- cmd.exe ----------

    static void cmd(String script, List<ShellCommand> out, int depth) {
        List<String> segments = new ArrayList<>();
        List<Boolean> piped = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            char next = i + 1 < script.length() ? script.charAt(i + 1) : 0;
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (quoted) {
                cur.append(c);
            } else if (c == '^' && next != 0) {
                cur.append(next == '\n' ? ' ' : next);
                i++;
            } else if (c == '|' && next != '|') {
                flush(cur, segments, piped, true);
            } else if (c == '&' || c == '|' || c == '\n' || c == '(' || c == ')') {
                flush(cur, segments, piped, false);
                if ((c == '&' || c == '|') && next == c) {
                    i++;
                }
            } else {
                cur.append(c);
            }
        }
        flush(cur, segments, piped, false);
        for (int k = 0; k < segments.size(); k++) {
            cmdStatement(segments.get(k), piped.get(k), out, depth);
        }
    }

    private static void cmdStatement(String seg, boolean pipedOut, List<ShellCommand> out, int depth) {
        List<String> words = words(seg.strip());
        if (!words.isEmpty() && words.get(0).startsWith("@")) {
            words.set(0, words.get(0).substring(1));
        }
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("if")) {
            words.remove(0);
            if (!words.isEmpty() && words.get(0).equalsIgnoreCase("not")) {
                words.remove(0);
            }
            if (!words.isEmpty() && words.get(0).matches("(?i)exist|defined|errorlevel")) {
                words.subList(0, Math.min(2, words.size())).clear();
            } else if (words.size() >= 3 && words.get(1).equals("==")) {
                words.subList(0, 3).clear();
            } else if (!words.isEmpty() && words.get(0).contains("==")) {
                words.remove(0);
            }
        }
        if (!words.isEmpty() && words.get(0).equalsIgnoreCase("for")) {
            int doAt = -1;
            for (int j = 0; j < words.size(); j++) {
                if (words.get(j).equalsIgnoreCase("do")) {
                    doAt = j;
                }
            }
            words = doAt < 0 ? List.of() : new ArrayList<>(words.subList(doAt + 1, words.size()));
        }
        if (words.isEmpty() || words.get(0).isBlank() || words.get(0).equalsIgnoreCase("else")) {
            return;
        }
        String name = unquote(words.get(0));
        List<String> args = new ArrayList<>();
        for (int j = 1; j < words.size(); j++) {
            String w = words.get(j);
            if (w.matches("[0-9]?>>?.*|<.*")) {
                if (w.matches("[0-9]?>>?|<") && j + 1 < words.size()) {
                    j++;
                }
                continue;
            }
            args.add(unquote(w));
        }
        out.add(new ShellCommand(seg.strip(), name, List.copyOf(args), List.of(), pipedOut, false, false));
        String lower = name.toLowerCase(Locale.ROOT).replaceFirst("\\.exe$", "");
        if (depth < MAX_DEPTH && (lower.endsWith("powershell") || lower.endsWith("pwsh"))) {
            for (int j = 0; j < args.size(); j++) {
                if (args.get(j).matches("(?i)-c(?:ommand)?")) {
                    powershell(String.join(" ", args.subList(j + 1, args.size())), out, depth + 1);
                    break;
                }
            }
        }
    }

    // ---------- words ----------

    /** Words at blanks outside quotes and parentheses (quotes kept). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int paren = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                paren++;
            } else if (c == ')') {
                paren = Math.max(0, paren - 1);
            } else if (Character.isWhitespace(c) && paren == 0) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(c);
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String w) {
        if (w.length() >= 2 && (w.charAt(0) == '\'' || w.charAt(0) == '"') && w.charAt(w.length() - 1) == w.charAt(0)) {
            return w.substring(1, w.length() - 1);
        }
        return w;
    }

    private static void flush(StringBuilder cur, List<String> segments, List<Boolean> piped, boolean pipe) {
        String seg = cur.toString().strip();
        cur.setLength(0);
        if (!seg.isEmpty()) {
            segments.add(seg);
            piped.add(pipe);
        }
    }
}
