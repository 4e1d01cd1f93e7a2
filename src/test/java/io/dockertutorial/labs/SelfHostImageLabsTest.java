package io.dockertutorial.labs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own Dockerfile, built and run on the labs' engine the way the README tells a teacher to:
 * it builds without pulling anything (the base images are the labs' eclipse-temurin:25 stand-ins), turns
 * healthy through its HEALTHCHECK, runs the JVM as PID 1 under a non-root uid, serves the lessons, serves a
 * mounted content folder instead of the built-in lessons, and stops at once on {@code docker stop}. Prints
 * {@code self-host image: healthy in X s as uid N, stopped in Y s}. Removes its containers and its image.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfHostImageLabsTest {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(30);
    private static final Duration HEALTHY_LIMIT = Duration.ofSeconds(120);
    private static final Pattern UID = Pattern.compile("(?m)^Uid:\\s+(\\d+)");

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String image = "docker-tutorial-selfhost-lab:" + suffix;
    private final List<String> containers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DockerEngine engine;

    @BeforeAll
    void buildTheImage() {
        engine = DockerEngine.get();
        // An interrupted earlier run may have left its containers running (they hold ports and memory).
        for (String c : engine.docker(Duration.ofSeconds(60), "ps", "-aq", "--filter", "name=^selfhost-lab-").output().split("\\s+")) {
            if (!c.isBlank()) {
                engine.docker(Duration.ofSeconds(60), "rm", "-f", "-v", c);
            }
        }
        assertThat(Path.of("Dockerfile")).content().doesNotContain("# syntax=");
        // --network host: the build stage's Maven reaches Central the way this machine does.
        Processes.Result build = engine.docker(BUILD_LIMIT, "build", "--network", "host", "--pull=false",
                "-t", image, ".");
        assertThat(build.ok()).as("docker build of the project's Dockerfile:\n" + build.tail(40)).isTrue();
        System.out.println("self-host image: built in " + seconds(build.took()) + " s");
    }

    @AfterAll
    void removeWhatWeMade() {
        if (engine == null) {
            return;
        }
        for (String name : containers) {
            engine.docker(Duration.ofSeconds(60), "rm", "-f", "-v", name);
        }
        engine.docker(Duration.ofSeconds(60), "image", "rm", "-f", image);
    }

    @Test
    void turnsHealthyAsANonRootUserServesTheLessonsAndStopsAtOnce() throws Exception {
        int port = freePort();
        String name = "selfhost-lab-" + suffix;
        long start = System.nanoTime();
        run(name, "-p", "127.0.0.1:" + port + ":8080", image);
        Duration healthy = waitHealthy(name, start);

        // PID 1 is the JVM itself (exec-form ENTRYPOINT), running as the image's unprivileged user.
        assertThat(engine.dockerOk(Duration.ofSeconds(30), "exec", name, "cat", "/proc/1/comm").strip()).isEqualTo("java");
        Matcher uid = UID.matcher(engine.dockerOk(Duration.ofSeconds(30), "exec", name, "cat", "/proc/1/status"));
        assertThat(uid.find()).isTrue();
        int pid1Uid = Integer.parseInt(uid.group(1));
        assertThat(pid1Uid).as("uid of PID 1").isNotZero();

        HttpResponse<String> lesson = get(port, "/lessons/overview");
        assertThat(lesson.statusCode()).isEqualTo(200);
        assertThat(lesson.body()).contains("<title>Overview · Docker Tutorial</title>").contains("data-line");

        long stopping = System.nanoTime();
        engine.dockerOk(Duration.ofSeconds(60), "stop", name);
        Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);
        // 143 = ended by SIGTERM through the JVM's own shutdown; 137 would be the SIGKILL after the grace time.
        assertThat(engine.dockerOk(Duration.ofSeconds(30), "inspect", "-f", "{{.State.ExitCode}}", name).strip())
                .isEqualTo("143");
        assertThat(engine.dockerOk(Duration.ofSeconds(30), "logs", name)).contains("Graceful shutdown complete");
        assertThat(stopped).as("docker stop").isLessThan(Duration.ofSeconds(5));

        System.out.println("self-host image: healthy in " + seconds(healthy) + " s as uid " + pid1Uid
                + ", stopped in " + seconds(stopped) + " s");
    }

    @Test
    void servesAMountedContentFolderInsteadOfTheBuiltInLessons() throws Exception {
        Path content = Files.createTempDirectory("selfhost-content");
        try {
            // Readable by the container's unprivileged user.
            Files.setPosixFilePermissions(content, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path lesson = content.resolve("01-our-classroom.md");
            Files.writeString(lesson, "---\ntitle: Our classroom lesson\n---\n\nWritten by the teacher, " + suffix + ".\n");
            Files.setPosixFilePermissions(lesson, PosixFilePermissions.fromString("rw-r--r--"));

            int port = freePort();
            String name = "selfhost-lab-content-" + suffix;
            run(name, "-p", "127.0.0.1:" + port + ":8080", "-v", content + ":/app/content:ro", image);
            waitHealthy(name, System.nanoTime());

            HttpResponse<String> home = get(port, "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Our classroom lesson").doesNotContain("/lessons/overview");
            HttpResponse<String> ours = get(port, "/lessons/our-classroom");
            assertThat(ours.statusCode()).isEqualTo(200);
            assertThat(ours.body()).contains("Written by the teacher, " + suffix);
            assertThat(get(port, "/lessons/overview").statusCode()).isEqualTo(404);
            engine.dockerOk(Duration.ofSeconds(60), "stop", name);
        } finally {
            try (var files = Files.walk(content)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void run(String name, String... args) {
        containers.add(name);
        List<String> command = new ArrayList<>(List.of("run", "-d", "--name", name));
        command.addAll(List.of(args));
        engine.dockerOk(Duration.ofSeconds(60), command.toArray(String[]::new));
    }

    /** Polls the HEALTHCHECK's verdict (bounded); fails with its log when the container does not turn healthy. */
    private Duration waitHealthy(String name, long start) throws InterruptedException {
        long deadline = start + HEALTHY_LIMIT.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = engine.dockerOk(Duration.ofSeconds(30), "inspect", "-f", "{{.State.Status}} {{.State.Health.Status}}",
                    name).strip();
            if (status.endsWith(" healthy")) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (status.startsWith("exited") || status.endsWith("unhealthy")) {
                break;
            }
            Thread.sleep(200);
        }
        String health = engine.docker(Duration.ofSeconds(30), "inspect", "-f", "{{json .State.Health}}", name).output();
        String logs = engine.docker(Duration.ofSeconds(30), "logs", "--tail", "40", name).output();
        throw new AssertionError(name + " did not turn healthy (" + status + "):\n" + health + "\n" + logs);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
