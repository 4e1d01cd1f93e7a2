package io.dockertutorial.labs;

import io.dockertutorial.markdown.CodeFence;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lessons' "Windows PowerShell" tabs cannot run here (no PowerShell, no Windows), so their docker
 * commands are checked statically against the real CLI: every (sub)command and flag must be one that
 * {@code docker … --help} lists ({@link CliCheck}). Which commands a tab may use at all is
 * WindowsShellContentTest's job.
 */
class PowerShellTabsLabsTest {

    @TestFactory
    Stream<DynamicTest> powerShellTabsUseRealDockerFlags() throws IOException {
        Path content = Path.of(System.getProperty("labs.content", "content"));
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(content)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<CodeFence> fences = new MarkdownRenderer().render(Files.readString(file, StandardCharsets.UTF_8)).fences();
                int n = 0;
                for (CodeFence fence : fences) {
                    if (!fence.language().equals("powershell")) {
                        continue;
                    }
                    String name = file.getFileName() + " PowerShell tab " + (++n);
                    tests.add(DynamicTest.dynamicTest(name, () -> check(fence.code())));
                }
            }
        }
        assertThat(tests).as("PowerShell tabs in the course").hasSizeGreaterThanOrEqualTo(8);
        return tests.stream();
    }

    private static void check(String code) {
        CliCheck cli = new CliCheck(DockerEngine.get());
        List<String> problems = new ArrayList<>();
        int docker = 0;
        for (String command : joined(code)) {
            if (command.startsWith("docker ")) {
                docker++;
                problems.addAll(cli.check(command).problems());
            }
        }
        assertThat(docker).as("docker commands in the tab").isPositive();
        assertThat(problems).as("what the docker CLI would reject").isEmpty();
    }

    /** PowerShell continues a line with a trailing backtick. */
    private static List<String> joined(String code) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : code.split("\n")) {
            current.append(current.isEmpty() ? "" : " ").append(line.strip());
            if (current.toString().endsWith("`")) {
                current.setLength(current.length() - 1);
            } else {
                if (!current.toString().isBlank()) {
                    commands.add(current.toString().strip());
                }
                current.setLength(0);
            }
        }
        return commands;
    }
}
