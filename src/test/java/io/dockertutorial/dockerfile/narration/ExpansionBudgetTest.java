package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.syntax.ParseError;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The security review's expansion reproducers (H1, M1) end quickly with an error on their line. */
class ExpansionBudgetTest {

    private final Explainer explainer = new Explainer();

    @Test
    void doublingArgsStopAt64KilobytesWithAnErrorOnTheLine() {
        String bomb = "FROM alpine\nARG a=aaaaaaaaaaaaaaaa\n" + "ARG a=${a}${a}\n".repeat(24) + "RUN echo $a\n";
        Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> explainer.explain(bomb));
        assertThat(a.errors()).extracting(ParseError::message).anyMatch(m -> m.contains("too complex: the expanded word is longer than 64 KB"));
        // 16 × 2^12 = 64 KB is the last doubling allowed: line 3 + 12 = 15 is the first refused.
        assertThat(a.errors()).extracting(ParseError::line).first().isEqualTo(15);
    }

    @Test
    void deeplyNestedExpansionsAreRefusedNotAStackOverflow() {
        String nested = "FROM alpine\nENV b=" + "${a:-".repeat(8000) + "x" + "}".repeat(8000) + "\n";
        Analysis a = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> explainer.explain(nested));
        assertThat(a.errors()).extracting(ParseError::message).anyMatch(m -> m.contains("nested more than 100 deep"));
    }

    @Test
    void ordinaryNestingStillExpands() {
        Analysis a = explainer.explain("FROM alpine\nARG X=1\nENV Y=${Z:-${X:-2}}\n");
        assertThat(a.errors()).isEmpty();
        assertThat(a.instructions().get(2).state().env()).containsEntry("Y", "1");
    }
}
