package io.dockertutorial.lesson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A learner in Windows PowerShell never meets a hands-on step that PowerShell cannot run as written
 * without help: the step either types the same in PowerShell (plain {@code docker …} commands), or has a
 * "Windows PowerShell" tab next to it, or its lesson says first, in a note "On Windows", to use WSL 2 or
 * Git Bash. (Review 2026-12-02, finding 2.2.) The tabs' docker flags are checked against the real CLI by
 * {@code PowerShellTabsLabsTest}.
 */
class WindowsShellContentTest {

    /** Commands a PowerShell user types as written: aliases that behave like the Unix command for files. */
    private static final Set<String> SAME_IN_POWERSHELL = Set.of("docker", "cat", "rm", "sleep");
    /** What a PowerShell tab may run: the docker CLI, curl.exe and PowerShell's own cmdlets. */
    private static final Pattern POWERSHELL_COMMAND = Pattern.compile(
            "^(?:#.*|docker .*|curl\\.exe .*|(?:Add|Get|Set)-Content .*|Remove-Item .*|Start-Sleep .*|Measure-Command \\{.*\\}.*)$");
    private static final Pattern SINGLE = Pattern.compile("'[^']*'");
    private static final Pattern DOUBLE = Pattern.compile("\"[^\"]*\"");
    /** {@code "$(docker …)"} means the same in bash and PowerShell (a subexpression). */
    private static final Pattern SUBEXPRESSION = Pattern.compile("\"\\$\\(docker [^\"$`]*\\)\"");

    /** Why PowerShell cannot run this bash command as written, or {@code null} when it can. */
    static String bashOnly(String command) {
        String first = command.strip().split("\\s+")[0];
        if (!SAME_IN_POWERSHELL.contains(first)) {
            return "`" + first + "` is not a PowerShell command (or means something else there)";
        }
        String rest = SUBEXPRESSION.matcher(command).replaceAll("\"\"");
        Matcher single = SINGLE.matcher(rest);
        while (single.find()) {
            if (single.group().contains("\"")) {
                return "double quotes inside single quotes reach a program mangled in Windows PowerShell 5.1";
            }
        }
        rest = single.reset().replaceAll("''");
        Matcher dq = DOUBLE.matcher(rest);
        while (dq.find()) {
            if (dq.group().contains("$") || dq.group().contains("`")) {
                return "PowerShell expands $ and ` inside double quotes differently";
            }
        }
        rest = dq.reset().replaceAll("\"\"");
        for (String meta : List.of("|", "&", ";", ">", "<", "$", "`")) {
            if (rest.contains(meta)) {
                return "`" + meta + "` means something else in PowerShell";
            }
        }
        return null;
    }

    record Block(String lesson, int line, String info, String code) {
        boolean lab() {
            return info.startsWith("console") && info.matches(".*\\blab\\b.*");
        }

        String where() {
            return lesson + ":" + line;
        }
    }

    static List<Block> blocks(String lesson, String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("```")) {
                int start = i;
                StringBuilder code = new StringBuilder();
                for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                    code.append(lines[i]).append('\n');
                }
                blocks.add(new Block(lesson, start + 1, lines[start].substring(3).strip(), code.toString()));
            }
        }
        return blocks;
    }

    /** Whether the fences around block k (consecutive tabbed fences, one tab group) include a PowerShell tab. */
    private static boolean hasPowerShellTab(List<Block> blocks, String[] lines, int k) {
        if (!blocks.get(k).info().contains("tab=")) {
            return false;
        }
        int from = k;
        while (from > 0 && adjacent(lines, blocks.get(from - 1), blocks.get(from))) {
            from--;
        }
        for (int j = from; j < blocks.size() && (j == from || adjacent(lines, blocks.get(j - 1), blocks.get(j))); j++) {
            if (blocks.get(j).info().startsWith("powershell") && blocks.get(j).info().contains("tab=\"Windows PowerShell\"")) {
                return true;
            }
        }
        return false;
    }

    /** Two tabbed fences with only blank lines between them. */
    private static boolean adjacent(String[] lines, Block a, Block b) {
        if (!a.info().contains("tab=") || !b.info().contains("tab=")) {
            return false;
        }
        int end = a.line() + (int) a.code().chars().filter(c -> c == '\n').count() + 1; // closing fence line (1-based)
        for (int i = end; i < b.line() - 1; i++) {
            if (!lines[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void everyBashOnlyLabStepHasAPowerShellTabOrItsLessonSendsWindowsUsersToWsl() throws IOException {
        List<String> problems = new ArrayList<>();
        int tabs = 0;
        for (Path file : lessons()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String lesson = file.getFileName().toString();
            String[] lines = text.split("\n", -1);
            List<Block> blocks = blocks(lesson, text);
            int note = text.indexOf(":::note On Windows");
            if (note >= 0) {
                String body = text.substring(note, text.indexOf("\n:::", note + 3));
                assertThat(body).as(lesson + ": the note names both ways").contains("WSL 2").contains("Git Bash");
            }
            int noteLine = note < 0 ? Integer.MAX_VALUE : (int) text.substring(0, note).chars().filter(c -> c == '\n').count() + 1;
            for (int k = 0; k < blocks.size(); k++) {
                Block block = blocks.get(k);
                if (!block.lab()) {
                    continue;
                }
                String why = null;
                if (block.code().lines().anyMatch(l -> l.startsWith("$ ") && l.endsWith("\\"))) {
                    why = "a line continued with \\ (PowerShell uses `)";
                }
                for (String line : block.code().lines().filter(l -> l.startsWith("$ ")).toList()) {
                    why = why != null ? why : bashOnly(line.substring(2));
                }
                if (why == null) {
                    continue;
                }
                if (hasPowerShellTab(blocks, lines, k)) {
                    tabs++;
                } else if (noteLine > block.line()) {
                    problems.add(block.where() + ": " + why + "; add a Windows PowerShell tab, or an"
                            + " ':::note On Windows' before it that sends the lesson to WSL 2 / Git Bash");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(tabs).as("bash-only steps that come with a PowerShell tab").isGreaterThanOrEqualTo(8);
    }

    @Test
    void powerShellTabsUseOnlyCommandsPowerShellHas() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : lessons()) {
            for (Block block : blocks(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8))) {
                if (!block.info().startsWith("powershell")) {
                    continue;
                }
                for (String command : commands(block.code())) {
                    if (!POWERSHELL_COMMAND.matcher(command).matches()) {
                        problems.add(block.where() + ": " + command);
                    }
                    if (command.matches("curl .*|.*\\bcurl -.*")) {
                        problems.add(block.where() + ": in Windows PowerShell 5.1 `curl` is Invoke-WebRequest; write curl.exe");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theDetectorKnowsBashFromPowerShell() {
        assertThat(bashOnly("docker run --rm debian:trixie-slim echo \"Hello from a container\"")).isNull();
        assertThat(bashOnly("docker inspect --format '{{.State.ExitCode}}' sleeper")).isNull();
        assertThat(bashOnly("docker run --rm \"$(docker inspect --format '{{index .RepoDigests 0}}' x)\"")).isNull();
        assertThat(bashOnly("curl -fsS http://127.0.0.1:8080/")).isNotNull();
        assertThat(bashOnly("time docker stop web")).isNotNull();
        assertThat(bashOnly("docker history x | grep -c token || true")).isNotNull();
        assertThat(bashOnly("docker run --rm x sh -c 'echo \"$A\"'")).isNotNull();
        assertThat(bashOnly("docker build --build-arg T=\"$(cat token.txt)\" .")).isNotNull();
    }

    /** A PowerShell fence's commands: lines joined where they end with a backtick. */
    static List<String> commands(String code) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : code.split("\n")) {
            if (line.isBlank() && current.isEmpty()) {
                continue;
            }
            current.append(current.isEmpty() ? "" : " ").append(line.strip());
            if (current.toString().endsWith("`")) {
                current.setLength(current.length() - 1);
                continue;
            }
            commands.add(current.toString().replaceAll("\\s+", " ").strip());
            current.setLength(0);
        }
        return commands;
    }

    private static List<Path> lessons() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content"))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
