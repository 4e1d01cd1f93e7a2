package io.dockertutorial.fuzz;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the Dockerfile parser and explainer (Jazzer). In {@code ./mvnw verify} it
 * replays its inputs; {@code ./mvnw -Pfuzz test} fuzzes for 10,000 executions.
 */
class DockerfileFuzzTest {

    @FuzzTest(maxExecutions = 10_000)
    void parserAndExplainerNeverThrowAndKeepSpansInOrder(String text) {
        ParsedDockerfile parsed = new DockerfileParser().parse(text);
        int previousEnd = 0;
        for (Instruction i : parsed.instructions()) {
            assertThat(i.startLine()).isGreaterThan(previousEnd);
            assertThat(i.endLine()).isGreaterThanOrEqualTo(i.startLine());
            previousEnd = i.endLine();
        }
        Analysis analysis = new Explainer().explain(text);
        assertThat(analysis.instructions()).hasSameSizeAs(parsed.instructions());
    }
}
