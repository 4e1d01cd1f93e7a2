package io.dockertutorial.budget;

import io.dockertutorial.dockerfile.narration.Explainer;
import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.Dockerignore;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The engine's own budgets: a deadline it checks inside its loops, a cap on instructions, and globs matched in
 * linear time wherever a visitor's text supplies the pattern. The generous timeouts only guard against the old
 * exponential behaviour (minutes to hours on these inputs); the figures are measured by bench/hostile.sh.
 */
class EngineBudgetsTest {

    private final Explainer engine = new Explainer();

    private static String instructions(int n) {
        StringBuilder s = new StringBuilder("FROM alpine:3.22\n");
        for (int i = 1; i < n; i++) {
            s.append("RUN echo ").append(i).append('\n');
        }
        return s.toString();
    }

    @Test
    void aDeadlineThatRanOutStopsTheWorkInsideItsLoops() {
        String file = instructions(200);
        try (var d = Deadline.open(Duration.ofNanos(1))) {
            assertThatThrownBy(() -> engine.explain(file)).isInstanceOf(TooComplexException.class)
                    .hasMessageStartingWith("too complex: the analysis did not finish within");
        }
        // Outside a deadline nothing is checked, and the deadline is gone once its scope closes.
        assertThat(engine.explain(file).instructions()).hasSize(200);
    }

    @Test
    void anInnerDeadlineNeverOutlivesTheOuterOne() {
        try (var outer = Deadline.open(Duration.ofNanos(1))) {
            try (var inner = Deadline.open(Duration.ofMinutes(5))) {
                assertThatThrownBy(Deadline::check).isInstanceOf(TooComplexException.class);
            }
            assertThatThrownBy(Deadline::check).isInstanceOf(TooComplexException.class);
        }
        Deadline.check();
    }

    @Test
    void tenThousandInstructionsAreExplainedAndOneMoreIsRefused() {
        assertThat(DockerfileParser.MAX_INSTRUCTIONS).isGreaterThanOrEqualTo(5_000);
        assertThat(engine.explain(instructions(DockerfileParser.MAX_INSTRUCTIONS)).instructions())
                .hasSize(DockerfileParser.MAX_INSTRUCTIONS);
        assertThatThrownBy(() -> engine.explain(instructions(DockerfileParser.MAX_INSTRUCTIONS + 1)))
                .isInstanceOf(TooComplexException.class)
                .hasMessageContaining("more than " + DockerfileParser.MAX_INSTRUCTIONS + " instructions");
    }

    @Test
    void aStateThatGrowsWithEveryLineIsRefusedBeforeItFillsTheHeap() {
        StringBuilder file = new StringBuilder("FROM alpine:3.22\n");
        for (int i = 1; i < 5_000; i++) {
            file.append("ENV V").append(i).append('=').append(i).append('\n');
        }
        assertThatThrownBy(() -> engine.explain(file.toString())).isInstanceOf(TooComplexException.class)
                .hasMessageContaining("state grows too large");
        // Hundreds of variables, as in the largest real files, are fine.
        assertThat(engine.explain(file.substring(0, file.indexOf("ENV V300=")))).isNotNull();
    }

    @Test
    void parameterPatternsAreMatchedInLinearTime() {
        String a = "a".repeat(60_000);
        String file = "FROM alpine:3.22\nARG V=" + a + "\n"
                + "ENV P=${V#*a*a*a*a*a*a*a*a*b} S=${V%%*a*a*a*a*a*a*a*a*b} R=${V/*a*a*a*a*a*a*a*b/x}\n";
        var analysis = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> engine.explain(file));
        assertThat(analysis.instructions()).hasSize(3);
    }

    @Test
    void parameterPatternsKeepTheirShellMeaning() {
        String file = "FROM alpine:3.22\nARG V=dir/sub/file.tar.gz\n"
                + "ENV A=${V#*/} B=${V##*/} C=${V%.*} D=${V%%.*} E=${V/sub/x} F=${V//[.]/-} G=${V%\\.gz}\n";
        String state = engine.explain(file).instructions().get(2).state().env().toString();
        assertThat(state).contains("A=sub/file.tar.gz", "B=file.tar.gz", "C=dir/sub/file.tar", "D=dir/sub/file",
                "E=dir/x/file.tar.gz", "G=dir/sub/file.tar");
    }

    @Test
    void stageReferencesBuiltFromVariablesAreMatchedInLinearTime() {
        String file = "FROM alpine:3.22 AS " + "a".repeat(5_000) + "\nFROM alpine:3.22\nCOPY --from=" + "$A".repeat(40)
                + "b /x /y\n";
        var analysis = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> engine.explain(file));
        assertThat(analysis.instructions()).hasSize(3);
    }

    @Test
    void dockerignorePatternsAreMatchedInLinearTime() {
        Dockerignore ignore = Dockerignore.parse("**/*a*a*a*a*a*a*a*a*a*a*b\n");
        String path = "a".repeat(20_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ignore.excludes(path))).isFalse();
        assertThat(ignore.excludes("x/aaab")).isFalse();
        assertThat(ignore.excludes("x/aaaaaaaaaab")).isTrue();
    }
}
