package io.dockertutorial.labs;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import io.dockertutorial.dockerfile.state.ImageState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explainer's {@code state} against the real engine: each Dockerfile is built, and what
 * {@code docker image inspect} says about the image (Entrypoint, Cmd, WorkingDir, User, Env, ExposedPorts,
 * StopSignal) must equal the state the engine computed for the file's last instruction. Covers shell and
 * exec forms, SHELL, ENTRYPOINT/CMD combinations, multi-stage builds, ARG and ENV expansion, relative
 * WORKDIR, USER, EXPOSE, STOPSIGNAL, CMD [] and scratch. Uses only debian:trixie-slim (a real image) and
 * scratch. Runs in the labs profile (-Plabs).
 */
class ImageStateLabsTest {

    /** name → Dockerfile. Every build context also holds a file f. */
    static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("shell-form-cmd", """
                FROM debian:trixie-slim
                CMD echo "hello $HOME"
                """);
        CASES.put("entrypoint-and-cmd", """
                FROM debian:trixie-slim
                ENTRYPOINT ["/bin/echo", "a"]
                CMD ["b"]
                """);
        CASES.put("cmd-before-entrypoint-stays", """
                FROM debian:trixie-slim
                CMD ["b"]
                ENTRYPOINT ["/bin/echo"]
                """);
        CASES.put("entrypoint-resets-inherited-cmd", """
                FROM debian:trixie-slim
                ENTRYPOINT ["/bin/echo"]
                """);
        CASES.put("shell-instruction", """
                FROM debian:trixie-slim
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                RUN echo hi | cat
                ENTRYPOINT echo "from $0"
                """);
        CASES.put("multi-stage", """
                FROM debian:trixie-slim AS base
                ENV APP_HOME=/srv/app
                WORKDIR $APP_HOME
                CMD ["base-cmd"]
                USER 1000:1000

                FROM base
                ENTRYPOINT ["/bin/true"]
                EXPOSE 8080 53/udp
                """);
        CASES.put("arg-and-env-expansion", """
                ARG VERSION=1.2
                FROM debian:trixie-slim
                ARG VERSION
                ARG EXTRA
                ENV V=$VERSION W=${EXTRA:-none} P=/opt/bin:$PATH
                ENV Q="${V}-x" VERSION_IN_ENV=${VERSION}
                WORKDIR /a
                WORKDIR b/c
                STOPSIGNAL SIGINT
                """);
        CASES.put("cmd-empty-array", """
                FROM debian:trixie-slim
                CMD []
                """);
        CASES.put("scratch", """
                FROM scratch
                COPY f /f
                CMD ["/f"]
                """);
        CASES.put("env-update-user-signal", """
                FROM debian:trixie-slim
                ENV PATH=/x:$PATH A=1
                ENV A=2
                USER nobody
                EXPOSE 80
                STOPSIGNAL SIGQUIT
                """);
        CASES.put("stage-copy-and-shell-cmd", """
                FROM debian:trixie-slim AS build
                RUN echo built > /out
                FROM debian:trixie-slim
                COPY --from=build /out /out
                SHELL ["/bin/sh", "-ec"]
                CMD cat /out
                """);
    }

    @Test
    void stateAgreesWithDockerInspect() throws Exception {
        DockerEngine engine = DockerEngine.get();
        Explainer explainer = new Explainer();
        ObjectMapper json = new ObjectMapper();
        List<String> disagreements = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            Path dir = Files.createTempDirectory("state-lab-");
            Files.writeString(dir.resolve("Dockerfile"), c.getValue());
            Files.writeString(dir.resolve("f"), "file\n");
            String tag = "docker-tutorial-state-lab:" + c.getKey();
            engine.dockerOk(Duration.ofMinutes(5), "build", "-q", "-t", tag, dir.toString());
            JsonNode config = json.readTree(engine.dockerOk(Duration.ofSeconds(30), "image", "inspect", "--format",
                    "{{json .Config}}", tag));
            List<Analysis.Explained> steps = explainer.explain(c.getValue()).instructions();
            ImageState state = steps.get(steps.size() - 1).state();
            Map<String, Object> theirs = fromInspect(config);
            Map<String, Object> ours = fromState(state);
            if (!theirs.equals(ours)) {
                disagreements.add(c.getKey() + ":\n  docker inspect " + theirs + "\n  state          " + ours);
            }
            engine.docker(Duration.ofSeconds(30), "image", "rm", tag);
            n++;
        }
        System.out.printf("labs: image state compared with docker inspect for %d Dockerfiles, %d disagree%n", n,
                disagreements.size());
        disagreements.forEach(System.out::println);
        assertThat(disagreements).isEmpty();
    }

    private static Map<String, Object> fromInspect(JsonNode c) {
        Map<String, Object> out = new TreeMap<>();
        out.put("Entrypoint", strings(c.get("Entrypoint")));
        out.put("Cmd", strings(c.get("Cmd")));
        String workdir = text(c.get("WorkingDir"));
        out.put("WorkingDir", workdir.isEmpty() ? "/" : workdir);
        String user = text(c.get("User"));
        out.put("User", user.isEmpty() ? "root" : user);
        Map<String, String> env = new TreeMap<>();
        for (String kv : strings(c.get("Env")) == null ? List.<String>of() : strings(c.get("Env"))) {
            int eq = kv.indexOf('=');
            env.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        out.put("Env", env);
        TreeSet<String> ports = new TreeSet<>();
        if (c.get("ExposedPorts") != null && c.get("ExposedPorts").isObject()) {
            c.get("ExposedPorts").properties().forEach(e -> ports.add(e.getKey()));
        }
        out.put("ExposedPorts", ports);
        String signal = text(c.get("StopSignal"));
        out.put("StopSignal", signal.isEmpty() ? "SIGTERM" : signal);
        return out;
    }

    private static Map<String, Object> fromState(ImageState s) {
        Map<String, Object> out = new TreeMap<>();
        out.put("Entrypoint", s.entrypoint());
        out.put("Cmd", s.cmd());
        out.put("WorkingDir", s.workdir());
        out.put("User", s.user());
        out.put("Env", new TreeMap<>(s.env()));
        out.put("ExposedPorts", new TreeSet<>(s.exposed()));
        out.put("StopSignal", s.stopSignal());
        return out;
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        node.forEach(x -> out.add(x.asString()));
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }
}
