package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.*;
import io.dockertutorial.dockerfile.state.*;
import io.dockertutorial.dockerfile.syntax.*;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21, stages: the stage graph follows names built from build arguments; one note for the skipped stages. */
class StagePrecisionTest {

    private final Explainer explainer = new Explainer();

    private List<Warning> unused(String dockerfile) {
        return explainer.explain(dockerfile).warnings().stream().filter(w -> w.rule().equals("UnusedStage")).toList();
    }

    @Test
    void aStageNamedThroughAnAutomaticPlatformArgumentIsNeeded() {
        String file = """
                FROM debian:trixie-slim AS tools-linux
                RUN true
                FROM debian:trixie-slim AS tools-darwin
                RUN true
                FROM tools-$TARGETOS
                CMD ["true"]
                """;
        // both can be the base: TARGETOS is linux or darwin depending on --platform
        assertThat(unused(file)).isEmpty();
        Analysis a = explainer.explain(file);
        assertThat(a.instructions().get(4).explanation()).contains("tools-linux").contains("tools-darwin");
        // the state follows the stage the default platform picks, not an image called "tools-"
        assertThat(a.instructions().get(4).state().toString()).doesNotContain("tools-\"");
    }

    @Test
    void defaultFormsAndCopyFromWithVariablesAreFollowed() {
        String file = """
                ARG FLAVOR
                FROM alpine:3.22 AS app-slim
                RUN true
                FROM alpine:3.22 AS assets-x
                RUN true
                FROM app-${FLAVOR:-slim}
                ARG WHICH=x
                COPY --from=assets-${WHICH} /a /a
                """;
        assertThat(unused(file)).isEmpty();
    }

    @Test
    void stagesBuiltOnlyWithTargetGetOneNoteForTheFile() {
        String file = """
                FROM alpine:3.22 AS lint
                RUN true
                FROM alpine:3.22 AS test
                RUN true
                FROM alpine:3.22 AS docs
                RUN true
                FROM alpine:3.22
                CMD ["true"]
                """;
        List<Warning> notes = unused(file);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).line()).isEqualTo(1);
        assertThat(notes.get(0).message()).contains("lint, test and docs").contains("are not needed");
    }

    @Test
    void aStageNothingCanNameStillGetsTheNote() {
        String file = """
                ARG TARGETOS=linux
                FROM alpine:3.22 AS base-linux
                FROM alpine:3.22 AS unrelated
                FROM base-$TARGETOS
                """;
        List<Warning> notes = unused(file);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).message()).startsWith("The stage unrelated is not needed");
    }
}
