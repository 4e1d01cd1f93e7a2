package io.dockertutorial.labs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner itself, on fixture lessons (src/test/resources/labs-content) and the real engine. */
class LabRunnerLabsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/labs-content");

    private static LabLesson lesson(String source) {
        return LabLesson.load(FIXTURES).lessons().stream().filter(l -> l.source().equals(source)).findFirst()
                .orElseThrow();
    }

    @Test
    void runsALessonInItsProjectWithStateCarriedOverAndCleansUp() {
        LabLesson hello = lesson("01-hello.md");
        assertThat(hello.project()).endsWith(Path.of("examples/hello"));
        assertThat(hello.blocks()).hasSize(6);
        try (LessonRun run = new LessonRun(hello, DockerEngine.get())) {
            for (LabBlock block : hello.blocks()) {
                if (block.runs()) {
                    LessonRun.Outcome outcome = run.run(block);
                    assertThat(outcome.failure()).as(block.where()).isNull();
                }
            }
            assertThat(run.cleanUp()).isEmpty();
        }
        assertThat(DockerEngine.get().docker(Duration.ofSeconds(30), "image", "inspect", "labs-fixture-hello").ok())
                .isFalse();
    }

    @Test
    void reportsAMissingOutputAndRemovesWhatTheLessonLeft() {
        LabLesson broken = lesson("02-broken.md");
        try (LessonRun run = new LessonRun(broken, DockerEngine.get())) {
            LessonRun.Outcome outcome = run.run(broken.blocks().get(0));
            assertThat(outcome.failure()).contains("does not contain /never printed/").contains("something else");
            assertThat(run.cleanUp()).containsExactly("container labs-fixture-left");
        }
        assertThat(DockerEngine.get().docker(Duration.ofSeconds(30), "container", "inspect", "labs-fixture-left").ok())
                .isFalse();
    }

    @Test
    void leavesSwarmModeThatAFailedLessonLeftOnAndStartsASwarmLessonOutsideSwarmMode() {
        LabLesson swarm = lesson("03-swarm.md");
        DockerEngine engine = DockerEngine.get();
        Assumptions.assumeTrue(swarmState(engine).equals("inactive"), "the engine is already in swarm mode (not ours to leave)");
        try (LessonRun run = new LessonRun(swarm, engine)) {
            assertThat(run.run(swarm.blocks().get(0)).failure()).contains("does not contain /never printed/");
            assertThat(swarmState(engine)).isEqualTo("active");
            assertThat(run.cleanUp()).containsExactly("swarm mode");
        }
        assertThat(swarmState(engine)).isEqualTo("inactive");
        assertThat(engine.docker(Duration.ofSeconds(30), "network", "inspect", "docker_gwbridge").ok()).isFalse();
        if (engine.own()) {
            // An interrupted run left swarm mode on: the next run of the lesson starts without it.
            assertThat(engine.docker(Duration.ofSeconds(60), "swarm", "init", "--advertise-addr", "127.0.0.1").ok()).isTrue();
            try (LessonRun run = new LessonRun(swarm, engine)) {
                assertThat(swarmState(engine)).isEqualTo("inactive");
                assertThat(run.cleanUp()).isEmpty();
            }
        }
    }

    private static String swarmState(DockerEngine engine) {
        return engine.docker(Duration.ofSeconds(30), "info", "--format", "{{.Swarm.LocalNodeState}}").output().strip();
    }

    @Test
    void failsAStepThatExitsOtherwiseThanExpected() {
        LabLesson hello = lesson("01-hello.md");
        LabBlock wrongExit = new LabBlock("fixture", List.of("true", "exit 3"), null, 4, null, 30);
        LabBlock midFailure = new LabBlock("fixture", List.of("false", "true"), null, null, null, 30);
        LabBlock slow = new LabBlock("fixture", List.of("sleep 30"), null, null, null, 1);
        try (LessonRun run = new LessonRun(hello, DockerEngine.get())) {
            assertThat(run.run(wrongExit).failure()).contains("`exit 3` exited 3, expected 4");
            assertThat(run.run(midFailure).failure()).contains("`false` exited 1");
            assertThat(run.run(slow).failure()).contains("did not finish within 1 s");
        }
    }

    @Test
    void checksOfflineStepsAgainstTheRealCli() {
        CliCheck cli = new CliCheck(DockerEngine.get());
        assertThat(cli.check("docker login -u someone").problems()).isEmpty();
        assertThat(cli.check("docker push someone/app:1.0").problems()).isEmpty();
        assertThat(cli.check("docker run --rm -it -p 127.0.0.1:8080:80 -e A=b nginx:1.29 nginx -g 'daemon off;' --whatever")
                .problems()).isEmpty();
        assertThat(cli.check("docker compose -f compose.yaml up -d --build && docker image ls --format '{{.Repository}}'")
                .problems()).isEmpty();
        assertThat(cli.check("docker buildx build --platform linux/amd64,linux/arm64 -t me/app --push .").problems())
                .isEmpty();
        assertThat(cli.check("docker run --publsh 8080:80 someone/image").problems())
                .containsExactly("`docker run`: unknown flag --publsh");
        assertThat(cli.check("docker image lss").problems())
                .containsExactly("`docker image lss` is not a command of this docker CLI");
        assertThat(cli.check("docker imagez ls").problems())
                .containsExactly("`docker imagez` is not a command of this docker CLI");
        assertThat(cli.check("docker build -Q .").problems()).containsExactly("`docker build`: unknown shorthand flag -Q in -Q");
        CliCheck.Verdict scout = cli.check("docker scout cves me/app:1.0");
        assertThat(scout.problems()).isEmpty();
        assertThat(scout.unchecked()).hasSize(1);
    }
}
