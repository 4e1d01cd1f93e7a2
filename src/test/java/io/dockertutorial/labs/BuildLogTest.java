package io.dockertutorial.labs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading `docker build --progress=plain` output (as BuildKit 0.13 prints it). */
class BuildLogTest {

    private static final String OUTPUT = """
            #1 [internal] load build definition from Dockerfile
            #1 DONE 0.1s

            #4 [build 1/3] FROM docker.io/library/golang:1.27
            #4 CACHED

            #6 [build 2/3] COPY go.mod ./
            #6 CACHED

            #7 [build 3/3] RUN go build -o /out/server .
            #7 0.512 compiling
            #7 DONE 3.2s

            #8 [stage-1 2/2] COPY --from=build /out/server /server
            #8 DONE 0.1s
            """;

    @Test
    void readsStepsStagesAndCacheHits() {
        var steps = BuildLog.steps(OUTPUT);
        assertThat(steps).hasSize(4);
        assertThat(steps.get(1)).isEqualTo(new BuildLog.Step("build", 2, 3, "COPY go.mod ./", true));
        assertThat(steps.get(3).stage()).isEqualTo("stage-1");
        assertThat(BuildLog.cached(OUTPUT)).containsExactly("COPY go.mod ./");
        assertThat(BuildLog.rebuilt(OUTPUT)).containsExactly("RUN go build -o /out/server .",
                "COPY --from=build /out/server /server");
    }
}
