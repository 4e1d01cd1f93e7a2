package io.dockertutorial.labs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the course claims about Docker's behaviour, checked on the real engine: each test is one
 * claim, passing only when the engine behaves as the lessons say. Names start with labs-claim-;
 * everything is removed afterwards. Uses only debian:trixie-slim and nginx:1.29 (stand-in).
 */
class DockerClaimsLabsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String PREFIX = "labs-claim-";
    private static DockerEngine engine;
    private static Path work;

    @BeforeAll
    static void engine() throws IOException {
        engine = DockerEngine.get();
        removeLeftovers(); // an interrupted earlier run may have left labs-claim-* behind
        work = Files.createTempDirectory("labs-claims-");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        removeLeftovers();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void removeLeftovers() {
        for (String c : engine.docker(MINUTE, "ps", "-a", "-q", "--filter", "name=^" + PREFIX).output().split("\\s+")) {
            if (!c.isBlank()) {
                engine.docker(MINUTE, "rm", "-f", "-v", c);
            }
        }
        for (String kind : List.of("network", "volume")) {
            for (String name : engine.docker(MINUTE, kind, "ls", "-q", "--filter", "name=" + PREFIX).output().split("\\s+")) {
                if (name.startsWith(PREFIX)) {
                    engine.docker(MINUTE, kind, "rm", name);
                }
            }
        }
        for (String image : engine.docker(MINUTE, "image", "ls", "--format", "{{.Repository}}:{{.Tag}}").output().split("\n")) {
            if (image.startsWith(PREFIX)) {
                engine.docker(MINUTE, "image", "rm", image);
            }
        }
    }

    // --- PID 1 and SIGTERM (lesson: CMD, ENTRYPOINT and signals) ---

    @Test
    @DisplayName("exec form, no SIGTERM handler: PID 1 ignores SIGTERM, docker stop waits the 10 s grace period and kills")
    void execFormWithoutHandlerWaitsTheGracePeriod() {
        String image = build("pid1-exec", "FROM debian:trixie-slim\nCMD [\"sleep\", \"300\"]\n");
        String c = run(image, "pid1-exec");
        assertThat(pid1(c)).isEqualTo("sleep 300");
        double seconds = stopSeconds(c, null);
        assertThat(seconds).as("docker stop took %.1f s", seconds).isBetween(9.5, 15.0);
        assertThat(exitCode(c)).as("killed by SIGKILL: 128+9").isEqualTo(137);
    }

    @Test
    @DisplayName("--init: tini is PID 1, passes SIGTERM on, the container stops at once")
    void initStopsAtOnce() {
        String image = build("pid1-exec", "FROM debian:trixie-slim\nCMD [\"sleep\", \"300\"]\n");
        String c = run(image, "pid1-init", "--init");
        assertThat(pid1(c)).contains("docker-init");
        double seconds = stopSeconds(c, null);
        assertThat(seconds).as("docker stop took %.1f s", seconds).isLessThan(3.0);
        assertThat(exitCode(c)).as("ended by SIGTERM: 128+15").isEqualTo(143);
    }

    @Test
    @DisplayName("shell form on Debian: dash stays PID 1 with the command as its child, and also ignores SIGTERM")
    void dashStaysPid1() {
        String image = build("pid1-shell", "FROM debian:trixie-slim\nCMD sleep 300\n");
        String c = run(image, "pid1-shell");
        assertThat(pid1(c)).isEqualTo("/bin/sh -c sleep 300");
        String processes = engine.dockerOk(MINUTE, "exec", c, "sh", "-c",
                "for p in /proc/[0-9]*; do printf '%s %s\\n' \"$(cut -d' ' -f4 $p/stat)\" \"$(tr '\\0' ' ' < $p/cmdline)\"; done");
        assertThat(processes).as("sleep's parent is PID 1").containsPattern("(?m)^1 sleep 300 $");
        double seconds = stopSeconds(c, 3);
        assertThat(seconds).as("docker stop -t 3 took %.1f s", seconds).isBetween(2.8, 8.0);
        assertThat(exitCode(c)).isEqualTo(137);
    }

    @Test
    @DisplayName("a SIGTERM handler in PID 1 makes docker stop fast without --init")
    void handlerStopsFast() {
        String image = build("pid1-trap", """
                FROM debian:trixie-slim
                CMD ["bash", "-c", "trap 'echo bye; exit 0' TERM; sleep 300 & wait"]
                """);
        String c = run(image, "pid1-trap");
        double seconds = stopSeconds(c, null);
        assertThat(seconds).as("docker stop took %.1f s", seconds).isLessThan(3.0);
        assertThat(exitCode(c)).isZero();
        assertThat(engine.dockerOk(MINUTE, "logs", c)).contains("bye");
    }

    // --- shell form and exec form ---

    @Test
    @DisplayName("shell form runs through /bin/sh -c and expands variables; exec form passes $HOME literally")
    void shellFormExpandsExecFormDoesNot() {
        String shell = build("form-shell", "FROM debian:trixie-slim\nENV GREETING=hello\nCMD echo $GREETING from $0\n");
        String exec = build("form-exec", "FROM debian:trixie-slim\nENV GREETING=hello\nCMD [\"echo\", \"$GREETING\"]\n");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", shell).strip()).isEqualTo("hello from /bin/sh");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", exec).strip()).isEqualTo("$GREETING");
        assertThat(inspect(shell, "{{json .Config.Cmd}}")).isEqualTo("[\"/bin/sh\",\"-c\",\"echo $GREETING from $0\"]");
    }

    // --- CMD and ENTRYPOINT ---

    @Test
    @DisplayName("docker run arguments replace CMD and are appended to ENTRYPOINT; --entrypoint replaces it")
    void cmdAndEntrypointCombine() {
        String image = build("entry", "FROM debian:trixie-slim\nENTRYPOINT [\"echo\", \"entry\"]\nCMD [\"default\"]\n");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", image).strip()).isEqualTo("entry default");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", image, "one", "two").strip()).isEqualTo("entry one two");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", "--entrypoint", "printf", image, "%s-%s", "a", "b").strip())
                .isEqualTo("a-b");
        String cmdOnly = build("cmd-only", "FROM debian:trixie-slim\nCMD [\"echo\", \"default\"]\n");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", cmdOnly, "echo", "replaced").strip()).isEqualTo("replaced");
    }

    @Test
    @DisplayName("a shell-form ENTRYPOINT ignores CMD and docker run arguments")
    void shellFormEntrypointIgnoresArguments() {
        String image = build("entry-shell", "FROM debian:trixie-slim\nENTRYPOINT echo entry\nCMD [\"default\"]\n");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", image).strip()).isEqualTo("entry");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", image, "extra").strip()).isEqualTo("entry");
    }

    @Test
    @DisplayName("ENTRYPOINT set after CMD in the same Dockerfile resets CMD")
    void entrypointResetsEarlierCmdFromTheBase() {
        String base = build("base-cmd", "FROM debian:trixie-slim\nCMD [\"from-base\"]\n");
        String child = build("child-entry", "FROM " + base + "\nENTRYPOINT [\"echo\"]\n");
        assertThat(inspect(child, "{{json .Config.Cmd}}")).isEqualTo("null");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", child).strip()).isEmpty();
    }

    // --- the build cache ---

    @Test
    @DisplayName("changing one copied file rebuilds its COPY and every later step; earlier steps stay cached")
    void cacheMissesFromTheChangedCopyOn() throws IOException {
        // The cache is keyed by content: contents no earlier run has built, or they would be hits.
        String run = java.util.UUID.randomUUID().toString();
        Path ctx = context("cache", Map.of(
                "Dockerfile", """
                        FROM debian:trixie-slim
                        WORKDIR /app
                        COPY requirements.txt .
                        RUN wc -l requirements.txt > /deps.txt
                        COPY app.py .
                        RUN wc -c app.py > /app.txt
                        """,
                "requirements.txt", "flask # " + run + "\n",
                "app.py", "print('one " + run + "')\n"));
        buildIn(ctx, "cache");
        String unchanged = buildIn(ctx, "cache");
        assertThat(BuildLog.rebuilt(unchanged)).as("a second build with no change").isEmpty();
        Files.writeString(ctx.resolve("app.py"), "print('two " + run + "')\n");
        String changed = buildIn(ctx, "cache");
        assertThat(BuildLog.cached(changed)).containsExactlyInAnyOrder(
                "WORKDIR /app", "COPY requirements.txt .", "RUN wc -l requirements.txt > /deps.txt");
        assertThat(BuildLog.rebuilt(changed)).containsExactly("COPY app.py .", "RUN wc -c app.py > /app.txt");
        Files.writeString(ctx.resolve("requirements.txt"), "flask # " + run + "\ngunicorn\n");
        assertThat(BuildLog.rebuilt(buildIn(ctx, "cache"))).containsExactly(
                "COPY requirements.txt .", "RUN wc -l requirements.txt > /deps.txt", "COPY app.py .",
                "RUN wc -c app.py > /app.txt");
    }

    @Test
    @DisplayName("a file .dockerignore names never reaches the build context, and changing it rebuilds nothing")
    void dockerignoreKeepsAFileOut() throws IOException {
        String run = java.util.UUID.randomUUID().toString();
        Path ctx = context("ignore", Map.of(
                "Dockerfile", "FROM debian:trixie-slim\nCOPY . /ctx\nRUN ls -A /ctx # " + run + "\n",
                ".dockerignore", "secret.env\n*.log\n",
                "secret.env", "TOKEN=do-not-ship\n",
                "debug.log", "noise\n",
                "app.py", "print('hi')\n"));
        buildIn(ctx, "ignore");
        String image = PREFIX + "ignore";
        String listing = engine.dockerOk(MINUTE, "run", "--rm", image, "ls", "-A", "/ctx");
        assertThat(listing.split("\\s+")).contains("app.py", "Dockerfile", ".dockerignore")
                .doesNotContain("secret.env", "debug.log");
        Files.writeString(ctx.resolve("secret.env"), "TOKEN=changed\n");
        assertThat(BuildLog.rebuilt(buildIn(ctx, "ignore"))).isEmpty();
    }

    // --- volumes ---

    @Test
    @DisplayName("a named volume outlives the container that wrote to it")
    void volumesOutliveContainers() {
        String volume = PREFIX + "data";
        engine.dockerOk(MINUTE, "volume", "create", volume);
        engine.dockerOk(MINUTE, "run", "--name", PREFIX + "writer", "-v", volume + ":/data", "debian:trixie-slim",
                "sh", "-c", "echo kept > /data/note.txt");
        engine.dockerOk(MINUTE, "rm", PREFIX + "writer");
        assertThat(engine.dockerOk(MINUTE, "run", "--rm", "-v", volume + ":/data", "debian:trixie-slim",
                "cat", "/data/note.txt").strip()).isEqualTo("kept");
        engine.dockerOk(MINUTE, "volume", "rm", volume);
        assertThat(engine.docker(MINUTE, "volume", "inspect", volume).ok()).isFalse();
    }

    @Test
    @DisplayName("without a volume, a file written in a container is gone with the container")
    void containerLayerDiesWithTheContainer() {
        engine.dockerOk(MINUTE, "run", "--name", PREFIX + "scratch", "debian:trixie-slim", "sh", "-c", "echo x > /note.txt");
        engine.dockerOk(MINUTE, "rm", PREFIX + "scratch");
        assertThat(engine.docker(MINUTE, "run", "--rm", "debian:trixie-slim", "cat", "/note.txt").exit()).isNotZero();
    }

    // --- networks ---

    @Test
    @DisplayName("containers on a user-defined network find each other by name; on the default bridge they do not")
    void dnsByNameOnUserDefinedNetworksOnly() {
        String network = PREFIX + "net";
        engine.dockerOk(MINUTE, "network", "create", network);
        engine.dockerOk(MINUTE, "run", "-d", "--name", PREFIX + "db", "--network", network, "debian:trixie-slim", "sleep", "300");
        engine.dockerOk(MINUTE, "run", "-d", "--name", PREFIX + "lonely", "debian:trixie-slim", "sleep", "300");
        Processes.Result found = engine.docker(MINUTE, "run", "--rm", "--network", network, "debian:trixie-slim",
                "getent", "hosts", PREFIX + "db");
        assertThat(found.exit()).as(found.output()).isZero();
        assertThat(found.output()).contains(PREFIX + "db");
        Processes.Result onBridge = engine.docker(MINUTE, "run", "--rm", "debian:trixie-slim",
                "getent", "hosts", PREFIX + "lonely");
        assertThat(onBridge.exit()).as("name lookup on the default bridge: " + onBridge.output()).isNotZero();
        engine.dockerOk(MINUTE, "rm", "-f", PREFIX + "db", PREFIX + "lonely");
        engine.dockerOk(MINUTE, "network", "rm", network);
    }

    // --- Compose ---

    @Test
    @DisplayName("compose up starts the services on their own network (service names resolve); down removes them and it")
    void composeUpAndDown() throws IOException {
        Path project = context("compose", Map.of("compose.yaml", """
                services:
                  web:
                    image: nginx:1.29
                    ports:
                      - "127.0.0.1:18739:80"
                  probe:
                    image: debian:trixie-slim
                    command: ["sleep", "300"]
                """));
        String name = project.getFileName().toString();
        Processes.Result up = compose(project, "up", "-d", "--wait");
        assertThat(up.exit()).as(up.output()).isZero();
        assertThat(compose(project, "ps", "--format", "{{.Service}} {{.State}}").output())
                .contains("web running", "probe running");
        Processes.Result page = Processes.run(List.of("curl", "-fsS", "--retry", "10", "--retry-connrefused",
                "--retry-delay", "1", "--max-time", "20", "http://127.0.0.1:18739/"), Map.of(), null, MINUTE);
        assertThat(page.output()).contains("Welcome to nginx!");
        assertThat(compose(project, "exec", "-T", "probe", "getent", "hosts", "web").exit()).isZero();
        assertThat(engine.dockerOk(MINUTE, "network", "ls", "--format", "{{.Name}}")).contains(name + "_default");
        Processes.Result down = compose(project, "down", "-v");
        assertThat(down.exit()).as(down.output()).isZero();
        assertThat(engine.dockerOk(MINUTE, "ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + name)).isBlank();
        assertThat(engine.dockerOk(MINUTE, "network", "ls", "--format", "{{.Name}}")).doesNotContain(name + "_default");
    }

    // --- helpers ---

    private static Processes.Result compose(Path project, String... args) {
        String[] all = Stream.concat(Stream.of("compose", "--project-directory", project.toString(), "-p",
                project.getFileName().toString()), Stream.of(args)).toArray(String[]::new);
        return engine.docker(Duration.ofMinutes(3), all);
    }

    private static String build(String name, String dockerfile) {
        try {
            return buildIn(context(name, Map.of("Dockerfile", dockerfile)), name) != null ? PREFIX + name : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String buildIn(Path context, String name) {
        return engine.dockerOk(Duration.ofMinutes(5), "build", "--progress=plain", "-t", PREFIX + name, context.toString());
    }

    private static Path context(String name, Map<String, String> files) throws IOException {
        Path dir = work.resolve(PREFIX + name);
        Files.createDirectories(dir);
        for (var file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    private static String run(String image, String name, String... flags) {
        String[] args = Stream.of(Stream.of("run", "-d", "--name", PREFIX + name), Stream.of(flags), Stream.of(image))
                .flatMap(s -> s).toArray(String[]::new);
        return engine.dockerOk(MINUTE, args).strip();
    }

    private static String pid1(String container) {
        return engine.dockerOk(MINUTE, "exec", container, "sh", "-c", "tr '\\0' ' ' < /proc/1/cmdline").strip();
    }

    private static double stopSeconds(String container, Integer grace) {
        long start = System.nanoTime();
        if (grace == null) {
            engine.dockerOk(MINUTE, "stop", container);
        } else {
            engine.dockerOk(MINUTE, "stop", "-t", grace.toString(), container);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static int exitCode(String container) {
        return Integer.parseInt(inspect(container, "{{.State.ExitCode}}"));
    }

    private static String inspect(String object, String format) {
        return engine.dockerOk(MINUTE, "inspect", "-f", format, object).strip();
    }
}
