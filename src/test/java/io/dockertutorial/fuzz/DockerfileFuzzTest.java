package io.dockertutorial.fuzz;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.budget.TooComplexException;
import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the Dockerfile parser and explainer (Jazzer). In {@code ./mvnw verify} it
 * replays its inputs; {@code ./mvnw -Pfuzz test} fuzzes for 10,000 executions. Each input has the budgets of
 * a request: at most the API's 64 KB, and the app's 2 s analysis deadline, which must stop the work (an input
 * may be refused as "too complex", never run on, throw anything else or take much longer than the deadline).
 */
class DockerfileFuzzTest {

    private static final int MAX_INPUT = 64 * 1024;
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** The deadline is checked between units of work: what one unit may add to it, at most. */
    private static final Duration GRACE = Duration.ofSeconds(3);

    @FuzzTest(maxExecutions = 10_000)
    void parserAndExplainerNeverThrowAndKeepSpansInOrder(String text) {
        if (text == null) {
            return;
        }
        String input = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        long start = System.nanoTime();
        try (var deadline = Deadline.open(DEADLINE)) {
            ParsedDockerfile parsed = new DockerfileParser().parse(input);
            int previousEnd = 0;
            for (Instruction i : parsed.instructions()) {
                assertThat(i.startLine()).isGreaterThan(previousEnd);
                assertThat(i.endLine()).isGreaterThanOrEqualTo(i.startLine());
                previousEnd = i.endLine();
            }
            Analysis analysis = new Explainer().explain(input);
            assertThat(analysis.instructions()).hasSameSizeAs(parsed.instructions());
        } catch (TooComplexException e) {
            assertThat(e.getMessage()).startsWith("too complex: ");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one input's time").isLessThan(DEADLINE.plus(GRACE));
    }
}
