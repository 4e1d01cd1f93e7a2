package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The app's own Dockerfile passes our own linter (the labs also build and run it: SelfHostImageLabsTest). */
class SelfHostDockerfileTest {

    @Test
    void theAppsOwnDockerfileLintsClean() throws IOException {
        Analysis a = new Explainer().explain(Files.readString(Path.of("Dockerfile")));
        assertThat(a.errors()).isEmpty();
        assertThat(a.warnings()).allSatisfy(w -> assertThat(w.severity()).as(w.rule() + ": " + w.message())
                .isEqualTo(Severity.INFO));
        assertThat(a.instructions()).extracting(x -> x.instruction().keyword()).contains("USER", "EXPOSE", "HEALTHCHECK");
    }
}
