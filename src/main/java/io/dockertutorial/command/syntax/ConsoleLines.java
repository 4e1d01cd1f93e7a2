package io.dockertutorial.command.syntax;

import io.dockertutorial.budget.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a code block into the commands typed in it. In a console transcript (a {@code console} fence, or
 * any text with prompts) a line starting with a prompt ({@code $ }, {@code PS> }, {@code PS C:\app> }, and
 * {@code # } as root's prompt before a docker command) is a command, lines continued with {@code \} (or
 * PowerShell's backtick) belong to it, and every other line is output. In a script every line that is not a
 * comment is a command. Heredoc bodies ({@code <<EOF} … {@code EOF}) are skipped.
 */
public final class ConsoleLines {

    /** How to read the block: the fence's language, or {@link #AUTO} to decide from the text. */
    public enum Mode {
        CONSOLE, POSIX, POWERSHELL, AUTO;

        /** The mode for a fence language, or null when commands in it are not explained. */
        public static Mode ofLanguage(String language) {
            return switch (language == null ? "" : language.toLowerCase(Locale.ROOT)) {
                case "console", "shell-session", "shellsession" -> CONSOLE;
                case "bash", "sh", "shell", "zsh" -> POSIX;
                case "powershell", "pwsh", "ps1", "ps" -> POWERSHELL;
                case "command" -> AUTO;
                default -> null;
            };
        }
    }

    private static final Pattern PROMPT = Pattern.compile("^(\\$|PS>|PS [^>\\n]{0,200}>)(?: |$)");
    private static final Pattern ROOT_PROMPT = Pattern.compile("^# (?=(?:sudo\\s+)?docker\\b)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][\\w]*)\\1");

    private ConsoleLines() {
    }

    public static List<CommandText> split(String block, Mode mode) {
        String[] lines = block.split("\r?\n", -1);
        if (mode == Mode.AUTO) {
            mode = hasPrompt(lines) ? Mode.CONSOLE
                    : anyEndsWith(lines, '`') ? Mode.POWERSHELL : Mode.POSIX;
        }
        if (mode == Mode.CONSOLE && !hasPrompt(lines)) {
            mode = Mode.POSIX; // a transcript without a single prompt: read its lines as commands
        }
        List<CommandText> out = new ArrayList<>();
        int n = 0;
        while (n < lines.length) {
            Deadline.check();
            String line = lines[n];
            int start;
            boolean powershell = mode == Mode.POWERSHELL;
            if (mode == Mode.CONSOLE) {
                Matcher m = PROMPT.matcher(line);
                Matcher root = ROOT_PROMPT.matcher(line);
                if (m.find()) {
                    start = m.end();
                    powershell = m.group(1).startsWith("PS");
                } else if (root.find()) {
                    start = root.end();
                } else {
                    n++; // output
                    continue;
                }
            } else {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    n++;
                    continue;
                }
                start = 0;
            }
            n = read(lines, n, start, powershell, out);
        }
        return out;
    }

    /** Reads the command starting at line {@code n}, column {@code start}; returns the next line to look at. */
    private static int read(String[] lines, int n, int start, boolean powershell, List<CommandText> out) {
        char continuation = powershell ? '`' : '\\';
        StringBuilder text = new StringBuilder();
        List<int[]> where = new ArrayList<>();
        int first = n;
        int from = start;
        while (true) {
            Deadline.check();
            String line = lines[n];
            int end = line.stripTrailing().length();
            boolean continues = end > from && line.charAt(end - 1) == continuation && n + 1 < lines.length;
            int stop = continues ? end - 1 : line.length();
            for (int c = from; c < stop; c++) {
                text.append(line.charAt(c));
                where.add(new int[]{n + 1, c});
            }
            if (!continues) {
                break;
            }
            text.append(' ');
            where.add(new int[]{n + 1, -1});
            n++;
            // A continuation line in a transcript may start with the shell's second prompt "> ".
            from = lines[n].startsWith("> ") ? 2 : 0;
        }
        int[] lineOf = new int[Math.max(where.size(), 1)];
        int[] columnOf = new int[lineOf.length];
        lineOf[0] = first + 1;
        for (int k = 0; k < where.size(); k++) {
            lineOf[k] = where.get(k)[0];
            columnOf[k] = where.get(k)[1];
        }
        out.add(new CommandText(first + 1, n + 1, text.toString(), lineOf, columnOf, powershell));
        n++;
        Matcher heredoc = HEREDOC.matcher(text);
        if (!powershell && heredoc.find()) {
            String delimiter = heredoc.group(2);
            while (n < lines.length && !lines[n].strip().equals(delimiter)) {
                n++;
            }
            n++;
        }
        return n;
    }

    private static boolean hasPrompt(String[] lines) {
        for (String line : lines) {
            if (PROMPT.matcher(line).find() || ROOT_PROMPT.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyEndsWith(String[] lines, char c) {
        for (String line : lines) {
            String t = line.stripTrailing();
            if (!t.isEmpty() && t.charAt(t.length() - 1) == c) {
                return true;
            }
        }
        return false;
    }
}
