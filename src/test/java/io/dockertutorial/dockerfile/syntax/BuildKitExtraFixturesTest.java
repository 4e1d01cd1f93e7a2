package io.dockertutorial.dockerfile.syntax;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.dockertutorial.support.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** BuildKit's heredoc, empty-continuation and shell-expansion fixtures (../shared, not copied). */
class BuildKitExtraFixturesTest {

    private final DockerfileParser parser = new DockerfileParser();

    private static String read(String relative) throws IOException {
        return Files.readString(SharedFiles.require("conformance/buildkit-parser-extra/" + relative), StandardCharsets.UTF_8);
    }

    @Test
    void heredocsAreCarriedByTheRightInstructions() throws IOException {
        ParsedDockerfile parsed = parser.parse(read("heredoc/Dockerfile"));
        JsonNode expected = new ObjectMapper().readTree(read("heredoc/expected-heredocs.json"));
        int checked = 0;
        for (JsonNode c : expected.get("cases")) {
            Instruction i = parsed.instructions().get(c.get("child").asInt());
            assertThat(i.original().strip()).as("child %s", c.get("child")).isEqualTo(c.get("source").asString());
            List<Heredoc> heredocs = i.effective().heredocs();
            JsonNode docs = c.get("heredocs");
            if (docs == null || docs.isNull()) {
                assertThat(heredocs).as(c.get("source").asString()).isEmpty();
            } else {
                assertThat(heredocs).as(c.get("source").asString()).hasSize(docs.size());
                for (int k = 0; k < docs.size(); k++) {
                    JsonNode d = docs.get(k);
                    Heredoc h = heredocs.get(k);
                    assertThat(h.name()).isEqualTo(d.get("name").asString());
                    assertThat(h.content()).isEqualTo(d.get("content").asString());
                    assertThat(h.expand()).isEqualTo(d.get("expand").asBoolean());
                    assertThat(h.chomp()).isEqualTo(d.get("chomp").asBoolean());
                    assertThat(h.fileDescriptor()).isEqualTo(d.get("fileDescriptor").asInt());
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void execFormNeverCarriesHeredocs() throws IOException {
        ParsedDockerfile parsed = parser.parse(read("heredoc-json-form/Dockerfile"));
        assertThat(parsed.instructions()).hasSize(4);
        assertThat(parsed.instructions().subList(1, 4)).allSatisfy(i -> {
            assertThat(i.json()).isTrue();
            assertThat(i.heredocs()).isEmpty();
        });
    }

    @Test
    void exactlyTwoEmptyContinuationWarnings() throws IOException {
        ParsedDockerfile parsed = parser.parse(read("empty-continuation-warnings/Dockerfile"));
        assertThat(parsed.emptyContinuations()).hasSize(2);
        assertThat(parsed.emptyContinuations().get(0).message()).contains("Empty continuation line found in")
                .contains("RUN something     following     more");
        assertThat(parsed.emptyContinuations().get(1).message()).contains("RUN another     thing");
    }

    @Test
    void envVarTestExpandsOneWordLikeBuildKit() throws IOException {
        Map<String, String> env = Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String line : read("shell/envVarTest").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts[0].strip().equals("W")) {
                continue;
            }
            String input = parts[1].strip();
            String expected = parts.length > 2 ? parts[2].strip() : "";
            compare(input, expected, () -> new ShellLex('\\').processWord(input, env::get).value(), failures);
            checked++;
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void wordsTestExpandsThenSplitsLikeBuildKit() throws IOException {
        Map<String, String> env = new HashMap<>();
        int checked = 0;
        List<String> failures = new ArrayList<>();
        for (String line : read("shell/wordsTest").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("ENV ")) {
                String kv = line.substring(4);
                int eq = kv.indexOf('=');
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
                continue;
            }
            int bar = line.indexOf('|');
            String input = line.substring(0, bar).strip();
            String expected = line.substring(bar + 1).stripLeading();
            compare(input, expected, () -> String.join(",", new ShellLex('\\').processWords(input, env::get)), failures);
            checked++;
        }
        assertThat(failures).isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    private interface Expansion {
        String run() throws ShellLex.ShellSyntaxException;
    }

    /** Runs one fixture line; BuildKit's fixtures write a rejected input as "error". */
    private static void compare(String input, String expected, Expansion expansion, List<String> failures) {
        String actual;
        try {
            actual = expansion.run();
        } catch (ShellLex.ShellSyntaxException e) {
            actual = "error";
        }
        if (!actual.equals(expected)) {
            failures.add(input + " => " + actual + " (expected " + expected + ")");
        }
    }
}
