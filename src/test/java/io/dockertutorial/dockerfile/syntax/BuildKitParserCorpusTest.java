package io.dockertutorial.dockerfile.syntax;

import io.dockertutorial.support.SharedFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Our parser against BuildKit's own parser test corpus (read from ../shared, never copied). */
class BuildKitParserCorpusTest {

    private final DockerfileParser parser = new DockerfileParser();

    private static List<Path> cases(String folder) throws IOException {
        Path dir = SharedFiles.require("conformance/buildkit-parser/" + folder);
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPositiveCaseDumpsLikeBuildKit() throws IOException {
        List<Path> cases = cases("testfiles");
        assertThat(cases).hasSizeGreaterThan(30);
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String dockerfile = Files.readString(dir.resolve("Dockerfile"), StandardCharsets.UTF_8);
            ParsedDockerfile parsed = parser.parse(dockerfile);
            assertThat(parsed.errors()).as("errors").isEmpty();
            List<String> dumped = new ArrayList<>();
            for (Instruction i : parsed.instructions()) {
                dumped.add("(" + GoQuote.dump(i) + ")");
            }
            List<String> expected = Files.readAllLines(dir.resolve("result"), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isEmpty()).toList();
            assertThat(dumped).containsExactlyElementsOf(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNegativeCaseIsAnError() throws IOException {
        List<Path> cases = cases("testfiles-negative");
        assertThat(cases).isNotEmpty();
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            String dockerfile = Files.readString(dir.resolve("Dockerfile"), StandardCharsets.UTF_8);
            assertThat(parser.parse(dockerfile).errors()).isNotEmpty();
        }));
    }

    @Test
    void lineSpansOfTestfileLine() throws IOException {
        Path file = SharedFiles.require("conformance/buildkit-parser/testfile-line/Dockerfile");
        ParsedDockerfile parsed = parser.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(parsed.instructions()).extracting(i -> i.startLine() + "-" + i.endLine())
                .containsExactly("5-5", "11-12", "17-31");
    }
}
