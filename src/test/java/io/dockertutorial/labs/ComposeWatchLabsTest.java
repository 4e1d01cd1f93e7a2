package io.dockertutorial.labs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 13's edit loop on the real engine (review 2026-12-02, finding 2.1): {@code docker compose watch}
 * rebuilds the baby shop and replaces {@code web} when a template changes, and the nginx proxy in front
 * keeps answering, with the change, because {@code proxy.conf} looks {@code web} up at request time. A
 * copy of the lesson's project runs under its own project name and port, so it never meets the lesson's.
 */
class ComposeWatchLabsTest {

    private static final String PROJECT = "labs-claim-watch";
    private static final int PORT = 18093;
    private static DockerEngine engine;
    private static Path work;
    private static Process watch;
    /** Outside the project folder: watch would see every line written to a log inside it as a change. */
    private static Path log;

    @BeforeAll
    static void copyTheShop() throws IOException {
        engine = DockerEngine.get();
        work = Files.createTempDirectory("labs-watch-");
        log = Files.createTempFile("labs-watch-", ".log");
        Path from = Path.of(System.getProperty("labs.content", "content"), "examples", "babyshop");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = work.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path compose = work.resolve("compose.yaml");
        String yaml = Files.readString(compose).replace("name: babyshop", "name: " + PROJECT)
                .replace("\"127.0.0.1:8080:80\"", "\"127.0.0.1:" + PORT + ":80\"");
        assertThat(yaml).contains(PROJECT).contains(":" + PORT + ":");
        Files.writeString(compose, yaml);
        compose("down", "-v", "--remove-orphans"); // what an interrupted earlier run may have left
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (watch != null) {
            watch.descendants().forEach(ProcessHandle::destroy); // the compose plugin the CLI started
            watch.destroy();
        }
        compose("down", "-v", "--rmi", "local");
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(log);
    }

    @Test
    void watchRebuildsWebAndTheProxyFollowsItToTheNewContainer() throws Exception {
        Processes.Result up = compose("up", "-d", "--build", "--wait");
        assertThat(up.ok()).as("docker compose up:\n%s", up.tail(30)).isTrue();
        String before = webAddress();
        assertThat(get()).contains("Baby shop").doesNotContain("Changed while Compose watched");

        List<String> command = new ArrayList<>(List.of(dockerCli(), "compose", "watch", "--no-up"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(engine.env());
        watch = pb.start();
        // Watch needs a moment to set up its file watches; a change made before that is not seen.
        waitFor(Duration.ofSeconds(60), () -> Files.readString(log).toLowerCase(java.util.Locale.ROOT).contains("watch"));
        Files.writeString(work.resolve("babyshop_app/shop/templates/shop/index.html"),
                "<p>Changed while Compose watched</p>\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        waitFor(Duration.ofMinutes(5), () -> get().contains("Changed while Compose watched"));
        String after = webAddress();
        assertThat(after).as("the replaced web container (watch.log:\n%s)", Files.readString(log))
                .isNotEqualTo(before);
    }

    private static String webAddress() {
        String id = engine.dockerOk(Duration.ofSeconds(30), "compose", "--project-directory", work.toString(), "ps", "-q", "web").strip();
        return engine.dockerOk(Duration.ofSeconds(30), "inspect", "-f",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}} {{.Id}}", id).strip();
    }

    private static String get() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            return "no answer: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Duration limit, Check check) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit.toSeconds() + " s; the proxy answers: " + get()
                        + "\nwatch.log:\n" + Files.readString(log));
            }
            Thread.sleep(1000);
        }
    }

    private static Processes.Result compose(String... args) {
        List<String> all = new ArrayList<>(List.of("compose", "--project-directory", work.toString()));
        all.addAll(List.of(args));
        return engine.docker(Duration.ofMinutes(10), all.toArray(String[]::new));
    }

    private static String dockerCli() {
        for (String dir : engine.env().getOrDefault("PATH", System.getenv("PATH")).split(":")) {
            if (Files.isExecutable(Path.of(dir, "docker"))) {
                return Path.of(dir, "docker").toString();
            }
        }
        return "docker";
    }
}
