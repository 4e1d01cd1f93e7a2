package io.dockertutorial.dockerfile.syntax;

import io.dockertutorial.dockerfile.checks.Warning;
import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded random Dockerfiles (the seed is in the test name, so a failure can be replayed): the
 * parser and the explainer return for any text, and spans stay inside the file, in order, without overlap.
 */
class ParserPropertyTest {

    private static final String[] PIECES = {"FROM ", "RUN ", "run ", "COPY ", "ADD ", "ENV ", "ARG ", "LABEL ", "CMD ",
            "ENTRYPOINT ", "ONBUILD ", "HEALTHCHECK ", "SHELL ", "WORKDIR ", "USER ", "EXPOSE ", "VOLUME ", "RUNN ",
            "\\", "`", "\n", "\r\n", " ", "\t", "#", "# escape=`\n", "# syntax=x\n", "<<", "<<-", "EOF", "'", "\"",
            "[", "]", ",", "$", "${", "}", ":-", "=", "--from=", "--mount=type=cache,target=/x", "AS ", "alpine",
            "\uFEFF", "ü", "\u00a0", "0", "&&", "|", ";", "{", "\\\n", "\n\n"};

    static LongStream seeds() {
        long base = Long.getLong("property.seed", 20261126L);
        int count = Integer.getInteger("property.count", 300);
        return LongStream.range(base, base + count);
    }

    static String randomDockerfile(Random random, int pieces) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(10) == 0) {
                s.append((char) random.nextInt(0x3000));
            } else {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyTextParsesAndExplainsWithSaneSpans(long seed) {
        String text = randomDockerfile(new Random(seed), 1 + new Random(seed).nextInt(200));
        ParsedDockerfile parsed = new DockerfileParser().parse(text);
        int lineCount = parsed.lines().size();
        int previousEnd = 0;
        for (Instruction i : parsed.instructions()) {
            assertThat(i.startLine()).as("seed %d", seed).isGreaterThan(previousEnd);
            assertThat(i.endLine()).isGreaterThanOrEqualTo(i.startLine()).isLessThanOrEqualTo(Math.max(1, lineCount));
            if (i.commentLine() > 0) {
                assertThat(i.commentLine()).isGreaterThan(previousEnd).isLessThan(i.startLine());
            }
            previousEnd = i.endLine();
        }
        for (ParseError e : parsed.errors()) {
            assertThat(e.line()).isBetween(1, Math.max(1, lineCount));
        }
        Analysis analysis = new Explainer().explain(text);
        assertThat(analysis.instructions()).hasSameSizeAs(parsed.instructions());
        for (Warning w : analysis.warnings()) {
            assertThat(w.line()).isBetween(1, Math.max(1, lineCount));
        }
    }

    @Test
    void pathologicalRunsStayFast() {
        List<String> inputs = List.of("\\".repeat(200_000), "\"".repeat(200_000), "<<".repeat(100_000),
                "$".repeat(200_000), "[".repeat(200_000), "RUN " + "\\\n".repeat(50_000) + "x",
                "ENV " + "a=b ".repeat(50_000), "RUN <<EOF\n" + "x\n".repeat(100_000),
                "FROM a\n" + "RUN echo ${x:-${y:-${z}}}\n".repeat(9_000), "CMD [" + "\"a\",".repeat(50_000) + "\"b\"]",
                "ARG " + "${".repeat(50_000));
        // A guard against catastrophic blow-ups (seconds instead of milliseconds), not a speed measurement:
        // speed is measured by bench/.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String input : inputs) {
                new Explainer().explain(input);
            }
        });
    }
}
