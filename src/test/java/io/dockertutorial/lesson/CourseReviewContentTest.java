package io.dockertutorial.lesson;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the testable findings of the course review of 2026-12-02 fixed (numbers as in
 * {@code ../shared/design/course-review-2026-12-02.md}). Text is compared with line breaks folded into
 * spaces, so rewrapping a paragraph does not break a check. Windows learners (2.2) have their own test,
 * WindowsShellContentTest; outputs taken from the engine are kept true by the labs.
 */
class CourseReviewContentTest {

    private static final Map<String, String> LESSON = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                LESSON.put(file.getFileName().toString().substring(0, 2), flat(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
    }

    private static String flat(String text) {
        return text.replaceAll("[ \\t]*\\n[ \\t]*", " ");
    }

    private static String file(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    @Test
    void wrongFactsStayCorrected() {
        // 1.1 Current Docker Desktop needs Windows 11 23H2; Windows 10 gets Engine in WSL 2 or Podman.
        assertThat(LESSON.get("02")).contains("Windows 11, version 23H2 or newer").contains("Docker Engine inside a WSL 2 distribution")
                .contains("**Podman**").doesNotContain("| Windows 10/11 | **Docker Desktop**");
        // 1.2 --mount takes ./ since 23.0; only ../ needs 28.2.
        assertThat(LESSON.get("11")).doesNotContain("`--mount` needs Docker 28.2").contains("`--mount` takes the relative `./site` since Docker 23.0");
        // 1.3 On Linux the host itself reaches an unpublished container port.
        assertThat(LESSON.get("12")).contains("on Linux, the Docker host itself");
    }

    @Test
    void theProxyLooksTheShopUpAgainAfterARebuildAndALabProvesIt() throws IOException {
        // 2.1 nginx resolves a plain proxy_pass name once: after Compose replaces web it answers 502.
        String conf = file("content/examples/babyshop/proxy.conf");
        assertThat(conf).contains("resolver 127.0.0.11").containsPattern("proxy_pass \\$\\w+;")
                .doesNotContainPattern("(?m)^\\s*proxy_pass http://");
        String lesson = file("content/13-docker-compose.md");
        assertThat(lesson).as("lesson 13 shows the real proxy.conf").contains(conf);
        assertThat(lesson).containsPattern("```console lab[^\\n]*lab-expect=\"Edited after the first start\"[^\\n]*\\n"
                + "\\$ echo [^\\n]*>> babyshop_app/shop/templates/shop/index.html\\n\\$ docker compose up -d --build --wait\\n\\$ curl [^\\n]*127.0.0.1:8080");
        assertThat(LESSON.get("13")).contains("restart: true").contains("502 Bad Gateway");
        // 2.15 Watch skips what .dockerignore excludes, so Dockerfile edits need an explicit rebuild.
        assertThat(LESSON.get("13")).contains("Watch skips every path that `.dockerignore` excludes");
        assertThat(LESSON.get("15")).contains("restart: true");
    }

    @Test
    void stepsDoNotSurpriseOnCurrentEngines() {
        // 2.3 docker images changed its default view in Docker 29: the lab shows a stable --format table.
        assertThat(LESSON.get("10")).doesNotContain("$ docker images go-hello").contains("--format 'table {{.Repository}}")
                .contains("Docker 29 shows a new, tree-like view");
        // 2.4 docker top shows host PIDs; /proc/1/comm shows who is PID 1 inside.
        assertThat(LESSON.get("07")).contains("$ docker exec sleeper cat /proc/1/comm").contains("looks from outside the container");
        // 2.5 How to join the docker group, and that it needs a new login.
        assertThat(LESSON.get("02")).contains("sudo usermod -aG docker \"$USER\"").contains("log out and back in").contains("newgrp docker");
        // 2.6 Port 5000 is AirPlay's on macOS: the registry is published on 5001.
        assertThat(LESSON.get("06")).contains("-p 127.0.0.1:5001:5000").doesNotContain("127.0.0.1:5000").contains("AirPlay");
        // 2.7 Engine 28+ wording: the two key phrases.
        assertThat(LESSON.get("04")).contains("port is already allocated").contains("address already in use")
                .contains("failed to set up container networking");
        // 2.8 The real image's patch release differs from the stand-in's.
        assertThat(LESSON.get("07")).doesNotContain("Python 3.13.5");
        // 2.9 The first run pulls.
        assertThat(LESSON.get("02")).contains("Pulling from library/debian");
        // 2.10 cat's output shown, env starts with PATH and HOSTNAME.
        assertThat(LESSON.get("04")).containsPattern("\\$ cat app.env # One NAME=value").containsPattern("PATH=\\S+ HOSTNAME=\\S+ GREETING=hello");
        // 2.12 Docker Desktop's host-gateway.
        assertThat(LESSON.get("12")).contains("On Docker Desktop the name already exists");
        // 2.13 Docker 29 hides untagged images.
        assertThat(LESSON.get("08")).contains("dangling=true").contains("since Docker 29 unless you add `--all`");
        // 2.14 Two containers, two ids.
        Matcher prompt = Pattern.compile("root@(\\w+):/#").matcher(LESSON.get("03"));
        assertThat(prompt.find()).isTrue();
        assertThat(LESSON.get("03")).as("the web container's prompt shows its own id").doesNotContain(prompt.group(1) + " debian:trixie-slim");
    }

    @Test
    void buildOutputStepNumbersAgree() throws IOException {
        // 2.11 In BuildKit's plain output, #N counts every step and [k/m] the Dockerfile's: N - k is one offset.
        String text = file("content/08-layers-and-cache.md");
        Matcher step = Pattern.compile("(?m)^#(\\d+) \\[(\\d+)/\\d+] ").matcher(text);
        Integer offset = null;
        int steps = 0;
        while (step.find()) {
            int o = Integer.parseInt(step.group(1)) - Integer.parseInt(step.group(2));
            assertThat(offset == null || offset == o).as("step %s", step.group()).isTrue();
            offset = o;
            steps++;
        }
        assertThat(steps).isGreaterThanOrEqualTo(2);
    }

    @Test
    void agingAndMisleadingItemsStayFixed() throws IOException {
        // 3.1 Scanners are a target: install from verified releases, pin.
        assertThat(LESSON.get("14")).contains("malicious Trivy release (0.69.4)").contains("pin an exact version");
        // 3.2 Why Node 24.
        assertThat(LESSON.get("05")).contains("Why Node 24").contains("node:26-slim");
        // 3.3 A digest hashes the manifest.
        assertThat(LESSON.get("06")).contains("hash of the image's *manifest*").doesNotContain("hash of the image's content");
        // 3.4 Desktop stores multi-platform images only with the containerd image store.
        assertThat(LESSON.get("15")).contains("\"Use containerd for pulling and storing images\" is on");
        // 3.5 Django 4.2 is past its end of life.
        assertThat(file("content/examples/babyshop/requirements.txt")).contains("Django>=5.2,<6.0").doesNotContain("4.2");
        // 3.6 Pinned tags have a review date.
        String readme = file("labs/README.md");
        for (String tag : CourseLabsContentTest.LAB_IMAGES) {
            assertThat(readme).as("labs/README.md lists when to review " + tag).containsPattern("\\| `" + Pattern.quote(tag) + "` \\|[^\\n]*\\| review ");
        }
        // 3.7 Django needs DATABASES (or dj-database-url), not a bare URL.
        assertThat(LESSON.get("13")).contains("dj-database-url").contains("`DATABASES`");
        // 3.8 The CLI is not a service.
        assertThat(LESSON.get("02")).doesNotContain("the engine and CLI as system services");
        // 3.9 docker debug is free in Desktop.
        assertThat(LESSON.get("10")).contains("docker debug go-hello");
    }

    @Test
    void theTeachingPathHoldsTogether() {
        // 4.1 Lesson 9 explains in advance what it borrows from lessons 11 and 15.
        String nine = LESSON.get("09");
        int box = nine.indexOf(":::info Four ideas this lesson borrows from later lessons");
        assertThat(box).isPositive().isLessThan(nine.indexOf("```console lab"));
        assertThat(nine.substring(box)).contains("Lesson 11").contains("Lesson 15").contains("gunicorn").contains("WhiteNoise")
                .contains("Migrations");
        // 4.2 Configuration is passed in at start, not part of what a container "includes".
        assertThat(LESSON.get("01")).doesNotContain("the program, its libraries and its configuration\" correct: true")
                .contains("configuration is usually passed in when it starts");
        // 4.3 What "Docker" can mean.
        assertThat(LESSON.get("01")).contains("Docker Hub").contains("Lesson 2 sorts them out");
        // 4.4 The image is not the recipe.
        assertThat(LESSON.get("03")).doesNotContain("(the recipe)");
        // 4.5 Quiz answers point forward where they rely on later lessons.
        assertThat(LESSON.get("04")).contains("EXPOSE (lesson 5)");
        assertThat(LESSON.get("05")).contains("`COPY --from` come in lesson 10");
        // 4.6 The broken first Dockerfile says so in its title.
        assertThat(LESSON.get("01")).containsPattern(":::warning Do not copy this Dockerfile yet [^:]*lesson 9 finds and repairs"
                + " every one of them\\. :::\\s+```Dockerfile bad");
        // 4.7 Limits and docker stats.
        assertThat(LESSON.get("15")).contains("--memory 256m").contains("docker stats");
        assertThat(List.of("02", "07", "09", "11", "12", "14", "15")).allMatch(LESSON::containsKey);
    }

    @Test
    void lessonsSixteenToNineteenKeepTheSecondReadersFixes() {
        // Review of lessons 16-19 (2026-12-03): cgroups count and cap, namespaces keep apart.
        assertThat(LESSON.get("16")).doesNotContain("the same mechanism that keeps containers' processes apart")
                .contains("namespaces").contains("last 256 events").contains("Swap is disk space")
                .doesNotContain("Compose 2.40 applies those");
        // docker wait is explained where it is first used; the --since sample shows the stderr line too.
        assertThat(LESSON.get("17")).contains("`docker wait` waits until the container stops and prints its exit code")
                .contains("$ docker logs --since 2s chatty request 5 served warning: request 5 was slow");
        // Windows separates COMPOSE_FILE with semicolons; not every list is appended.
        assertThat(LESSON.get("18")).contains("by semicolons on Windows").doesNotContain("lists are appended")
                .contains("`volumes` are merged by the path in the container");
        // The default builder still writes an inline cache.
        assertThat(LESSON.get("19")).doesNotContain("cannot export a cache anywhere").contains("(`type=inline`, below)");
    }

    @Test
    void lessonTwentyKeepsItsReviewersFixes() {
        // A Service comes from the name other services use, not from ports; Compose command is Kubernetes args.
        assertThat(LESSON.get("20")).doesNotContain("| `ports` | a Service")
                .contains("| the service's name, which other services use to reach it | a Service of type `ClusterIP`")
                .contains("the container's `args` (replaces `CMD`)")
                .contains("| `deploy.resources.reservations` | `resources.requests` |")
                .doesNotContain("send no traffic yet").doesNotContain("images must already be in a registry")
                .contains("A task counts as failed when its container exits")
                .contains("not yet reserved by other Pods' requests");
    }
}
