package io.dockertutorial.labs;

import io.dockertutorial.markdown.CodeFence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code console lab} fence of a lesson, as LABS-SPEC defines it: the commands a learner types
 * (lines starting with {@code $ }, continued by a trailing backslash or by a here-document's body)
 * and what the block asserts.
 *
 * @param where   the lesson file and line, for messages ({@code 05-writing-a-dockerfile.md:42})
 * @param expect  a Java regex the block's combined output must contain, or {@code null}
 * @param exit    the exit status the last command must have, or {@code null} for 0
 * @param offline why the block cannot run offline, or {@code null} when it runs
 * @param timeoutSeconds the limit for each command
 */
record LabBlock(String where, List<String> commands, String expect, Integer exit, String offline,
                int timeoutSeconds) {

    static final int DEFAULT_TIMEOUT_SECONDS = 120;

    /** {@code <<EOF}, {@code <<-'EOF'}, {@code << "EOF"}, but not a here-string {@code <<<}. */
    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    static boolean isLab(CodeFence fence) {
        return fence.language().equals("console") && fence.has("lab");
    }

    static LabBlock of(CodeFence fence, String where) {
        String exit = fence.attribute("lab-exit");
        String timeout = fence.attribute("lab-timeout");
        Integer exitStatus;
        int seconds;
        try {
            exitStatus = exit == null ? null : Integer.valueOf(exit.strip());
            seconds = timeout == null ? DEFAULT_TIMEOUT_SECONDS : Integer.parseInt(timeout.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": lab-exit and lab-timeout take whole numbers");
        }
        return new LabBlock(where, commands(fence.code()), fence.attribute("lab-expect"), exitStatus,
                fence.attribute("lab-offline"), seconds);
    }

    /** The commands of a console transcript; output lines are dropped. */
    static List<String> commands(String transcript) {
        List<String> commands = new ArrayList<>();
        String[] lines = transcript.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++];
            if (!line.startsWith("$ ") && !line.equals("$")) {
                continue;
            }
            StringBuilder command = new StringBuilder(line.length() < 2 ? "" : line.substring(2));
            // A trailing backslash continues the command on the next line (shown with or without "> ").
            while (endsWithContinuation(command) && i < lines.length) {
                command.append('\n').append(withoutPrompt(lines[i++]));
            }
            // Here-documents: their bodies follow the command line, up to the terminator.
            Matcher m = HEREDOC.matcher(command);
            List<String[]> heredocs = new ArrayList<>();
            while (m.find()) {
                heredocs.add(new String[] {m.group(1), m.group(3)});
            }
            for (String[] heredoc : heredocs) {
                boolean stripTabs = heredoc[0].equals("-");
                String terminator = heredoc[1];
                boolean prompted = promptedBody(lines, i, terminator);
                while (i < lines.length) {
                    String body = prompted ? withoutPrompt(lines[i]) : lines[i];
                    i++;
                    command.append('\n').append(body);
                    if ((stripTabs ? body.replaceFirst("^\t+", "") : body).equals(terminator)) {
                        break;
                    }
                }
            }
            commands.add(command.toString());
        }
        return List.copyOf(commands);
    }

    private static boolean endsWithContinuation(CharSequence command) {
        int n = command.length();
        return n > 0 && command.charAt(n - 1) == '\\' && (n < 2 || command.charAt(n - 2) != '\\');
    }

    private static String withoutPrompt(String line) {
        return line.startsWith("> ") ? line.substring(2) : line.equals(">") ? "" : line;
    }

    /** Whether the body is shown with "> " prompts, as a terminal does: its terminator line reads "> EOF". */
    private static boolean promptedBody(String[] lines, int from, String terminator) {
        for (int j = from; j < lines.length; j++) {
            String stripped = lines[j].replaceFirst("^\t+", "");
            if (stripped.equals(terminator)) {
                return false;
            }
            if (lines[j].equals("> " + terminator)) {
                return true;
            }
        }
        return false;
    }

    boolean runs() {
        return offline == null;
    }
}
