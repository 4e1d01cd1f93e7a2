package io.dockertutorial.lesson;

import io.dockertutorial.markdown.CodeFence;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the course's hands-on blocks runnable by the labs (LABS-SPEC) and keeps the facts that the
 * 2026-11-27 review corrected from drifting back. Reads the lesson files as written, like the labs do.
 */
class CourseLabsContentTest {

    /** The tags the labs provide (LABS-SPEC, plus nginx:1.30 and golang:1.27 asked of the lead). */
    static final Set<String> LAB_IMAGES = Set.of("debian:trixie-slim", "python:3.13-slim", "node:24-slim",
            "nginx:1.30", "postgres:18", "golang:1.27", "gcr.io/distroless/static-debian13:nonroot", "registry:3",
            "eclipse-temurin:25-jre", "eclipse-temurin:25-jdk", "busybox", "docker:29-dind");
    private static final Pattern IMAGE = Pattern.compile(
            "(?<![\\w./-])((?:gcr\\.io/distroless/[a-z0-9-]+|debian|python|node|nginx|postgres|golang|registry|eclipse-temurin|busybox|docker|alpine|ubuntu|redis|mysql|hello-world)(?::[\\w.-]+))(?![\\w./:-])");
    private static final Pattern CLEAN_UP = Pattern.compile(
            "docker (?:rm|image rm|rmi|volume rm|network rm|compose down|container prune|image prune)\\b");
    private static final Pattern PUBLISH = Pattern.compile("(?:^|\\s)(?:-p|--publish)[ =](\\S+)");

    record Fence(String lesson, int line, CodeFence fence, List<String> commands) {
        boolean lab() {
            return fence.language().equals("console") && fence.has("lab");
        }

        boolean offline() {
            return fence.attribute("lab-offline") != null;
        }

        String where() {
            return lesson + ":" + line;
        }
    }

    static final Map<String, List<Fence>> LESSONS = new LinkedHashMap<>();
    static final Map<String, String> TEXT = new LinkedHashMap<>();

    @BeforeAll
    static void readLessons() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String name = file.getFileName().toString();
                TEXT.put(name, text);
                LESSONS.put(name, fences(name, text));
            }
        }
    }

    static List<Fence> fences(String lesson, String text) {
        List<Fence> fences = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("```")) {
                continue;
            }
            String info = lines[i].substring(3);
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                code.append(lines[i]).append('\n');
            }
            CodeFence fence = CodeFence.parse(info, code.toString(), fences.size() + 1);
            fences.add(new Fence(lesson, start + 1, fence, commands(code.toString())));
        }
        return fences;
    }

    /** The {@code $ } lines of a console block, continuation lines joined. */
    static List<String> commands(String code) {
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (String line : code.split("\n")) {
            if (current != null) {
                current.append(' ').append(line.strip());
            } else if (line.startsWith("$ ")) {
                current = new StringBuilder(line.substring(2));
            } else {
                continue;
            }
            if (current.toString().endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else {
                commands.add(current.toString().replaceAll("\\s+", " ").strip());
                current = null;
            }
        }
        return commands;
    }

    private static List<Fence> labs() {
        return LESSONS.values().stream().flatMap(List::stream).filter(Fence::lab).toList();
    }

    @Test
    void atLeastThirtyRunnableLabBlocksAndEveryAttributeWellFormed() {
        List<Fence> labs = labs();
        assertThat(labs.stream().filter(f -> !f.offline()).count()).isGreaterThanOrEqualTo(30);
        for (Fence lab : labs) {
            assertThat(lab.commands()).as(lab.where() + " has no $ command").isNotEmpty();
            String expect = lab.fence().attribute("lab-expect");
            if (expect != null) {
                try {
                    Pattern.compile(expect);
                } catch (PatternSyntaxException e) {
                    throw new AssertionError(lab.where() + ": lab-expect is no regular expression: " + e.getMessage());
                }
            }
            if (lab.offline()) {
                assertThat(lab.fence().attribute("lab-offline")).as(lab.where()).isNotBlank();
            }
            for (String attribute : List.of("lab-exit", "lab-timeout")) {
                String value = lab.fence().attribute(attribute);
                assertThat(value == null || value.matches("\\d{1,4}")).as(lab.where() + " " + attribute).isTrue();
            }
        }
    }

    @Test
    void labBlocksUseOnlyTheImagesTheLabsProvideAndPublishOnLoopbackWithBoundedCurls() {
        List<String> problems = new ArrayList<>();
        for (Fence lab : labs()) {
            for (String command : lab.commands()) {
                if (!lab.offline()) {
                    Matcher image = IMAGE.matcher(command);
                    while (image.find()) {
                        // --insecure-registry registry:5000 names a registry's host and port, not an image
                        boolean registryHost = command.substring(0, image.start()).matches("(?s).*--insecure-registry[ =]");
                        if (!LAB_IMAGES.contains(image.group(1)) && !registryHost) {
                            problems.add(lab.where() + " uses " + image.group(1) + ": " + command);
                        }
                    }
                }
                Matcher publish = PUBLISH.matcher(command);
                while (publish.find()) {
                    if (!publish.group(1).startsWith("127.0.0.1:")) {
                        problems.add(lab.where() + " publishes on every interface: " + command);
                    }
                }
                if (command.startsWith("curl ") && !command.contains("--retry ") && !command.contains("--max-time ")) {
                    problems.add(lab.where() + " has an unbounded curl: " + command);
                }
                if (command.contains("exec -it") || command.contains("run -it")) {
                    problems.add(lab.where() + " needs a terminal the labs do not have: " + command);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyLessonWithHandsOnStepsEndsWithAVisibleCleanUpLabBlock() {
        for (Map.Entry<String, List<Fence>> lesson : LESSONS.entrySet()) {
            List<Fence> runnable = lesson.getValue().stream().filter(Fence::lab).filter(f -> !f.offline()).toList();
            if (runnable.isEmpty()) {
                continue;
            }
            Fence last = runnable.get(runnable.size() - 1);
            assertThat(last.commands()).as(lesson.getKey() + ": the last lab block must clean up")
                    .anyMatch(c -> CLEAN_UP.matcher(c).find());
            String[] lines = TEXT.get(lesson.getKey()).split("\n", -1);
            String heading = "";
            for (int i = 0; i < last.line() - 1; i++) {
                if (lines[i].startsWith("## ")) {
                    heading = lines[i];
                }
            }
            assertThat(heading).as(lesson.getKey() + ": the clean-up block sits under its own heading")
                    .matches("## (Stop and c|C)lean up");
        }
        assertThat(LESSONS.values().stream().filter(l -> l.stream().anyMatch(Fence::lab)).count()).isGreaterThanOrEqualTo(13);
    }

    @Test
    void onlyTheLinuxTabOfAnOsTabGroupRuns() {
        for (Fence fence : LESSONS.values().stream().flatMap(List::stream).toList()) {
            String tab = fence.fence().attribute("tab");
            if (tab != null && fence.lab()) {
                // The bash tab runs; its macOS and PowerShell siblings do not (PowerShellTabsLabsTest checks their flags).
                assertThat(tab).as(fence.where()).isIn("Linux", "Linux and macOS");
            }
        }
    }

    @Test
    void everyFileALabStepNamesComesWithTheLessonsProjectOrAnEarlierStep() throws IOException {
        Course course = new CourseLoader(new io.dockertutorial.markdown.MarkdownRenderer()).load("file:content");
        assertThat(course.problems()).isEmpty();
        Pattern named = Pattern.compile("(?:-f|--env-file|src=|cat) ?([\\w.-]+\\.[\\w]+|Dockerfile[\\w.]*)");
        Pattern created = Pattern.compile(">>? ?([\\w./-]+)");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Fence>> lesson : LESSONS.entrySet()) {
            Lesson loaded = course.lessons().stream().filter(l -> l.source().equals(lesson.getKey())).findFirst().orElseThrow();
            Set<String> files = new HashSet<>(loaded.projectFiles());
            boolean builds = false;
            for (Fence lab : lesson.getValue().stream().filter(Fence::lab).filter(f -> !f.offline()).toList()) {
                for (String command : lab.commands()) {
                    Matcher m = named.matcher(command);
                    while (m.find()) {
                        if (!files.contains(m.group(1))) {
                            problems.add(lab.where() + " needs " + m.group(1) + ", which the lesson never provides");
                        }
                    }
                    Matcher c = created.matcher(command);
                    while (c.find()) {
                        files.add(c.group(1));
                    }
                    builds |= command.startsWith("docker build") || command.startsWith("docker compose up");
                }
            }
            if (builds) {
                assertThat(loaded.project()).as(lesson.getKey() + " builds, so it needs a project").isNotNull();
                assertThat(files).as(lesson.getKey()).anyMatch(f -> f.startsWith("Dockerfile"));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProjectZipsWithItsFilesAndBuildsOnlyFromLabImages() throws IOException {
        Course course = new CourseLoader(new io.dockertutorial.markdown.MarkdownRenderer()).load("file:content");
        Set<String> used = new HashSet<>();
        for (Lesson lesson : course.lessons()) {
            LessonProject project = lesson.project();
            if (project == null) {
                continue;
            }
            used.add(project.path());
            List<String> entries = new ArrayList<>();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(project.zipBytes()))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.add(e.getName());
                }
            }
            assertThat(entries).as(project.path()).isNotEmpty()
                    .allMatch(e -> e.startsWith(project.name() + "/"))
                    .hasSize(project.files().size());
            for (String file : project.files()) {
                Path path = Path.of("content", project.path(), file);
                if (file.startsWith("Dockerfile") && !file.equals("Dockerfile.before")) {
                    Matcher from = Pattern.compile("(?m)^FROM (?:--platform=\\S+ )?(\\S+)").matcher(Files.readString(path));
                    while (from.find()) {
                        assertThat(LAB_IMAGES).as(path + " builds FROM " + from.group(1)).contains(from.group(1));
                    }
                    assertThat(Files.readString(path)).as(path + ": a # syntax= line makes the offline labs pull a frontend")
                            .doesNotContain("# syntax=");
                }
                if (file.equals("compose.yaml")) {
                    Matcher image = Pattern.compile("(?m)^\\s+image: (\\S+)").matcher(Files.readString(path));
                    while (image.find()) {
                        assertThat(LAB_IMAGES).as(path + " uses " + image.group(1)).contains(image.group(1));
                    }
                }
            }
        }
        try (Stream<Path> folders = Files.list(Path.of("content/examples"))) {
            assertThat(folders.map(p -> "examples/" + p.getFileName()).toList()).as("every example belongs to a lesson")
                    .allMatch(used::contains);
        }
    }

    @Test
    void lessonOneHasAQuizAndEveryLessonEndsWithOne() {
        for (Map.Entry<String, String> lesson : TEXT.entrySet()) {
            assertThat(lesson.getValue()).as(lesson.getKey()).contains("## Check yourself\n\n```quiz\n");
            assertThat(lesson.getValue().strip()).as(lesson.getKey()).endsWith("```");
        }
        assertThat(TEXT.get("01-overview.md")).contains("```quiz").contains("Kleenex").contains("OCI");
    }

    @Test
    void correctedFactsStayCorrected() {
        String all = String.join("\n", TEXT.values());
        // Terms: one name for each thing.
        assertThat(all).doesNotContainIgnoringCase("process 1").doesNotContain("JSON form").doesNotContain("Recognise")
                .doesNotContain("last three lessons").doesNotContain("whatever was pushed last").doesNotContain("nonroot:nonroot");
        // Aged tags appear only in the broken Dockerfiles they are part of.
        String outsideBad = withoutBadBlocks(all);
        for (String aged : List.of("node:22", "golang:1.25", "bookworm", "static-debian12", "nginx:1.27", "postgres:17",
                "temurin:21", "alpine:3.22")) {
            assertThat(outsideBad).as(aged).doesNotContain(aged);
        }
        // PostgreSQL 18 keeps its data in /var/lib/postgresql: no step and no Compose file mounts the old path.
        assertThat(labs().stream().flatMap(f -> f.commands().stream()))
                .noneMatch(c -> c.matches(".*:/var/lib/postgresql/data\\b.*"));
        assertThat(withoutBadBlocks(all).replaceAll("(?s)```quiz.*?```", "")).doesNotContainPattern("- \\S+:/var/lib/postgresql/data");
        // docker image prune without -a removes only dangling images: say so wherever it is taught.
        for (Map.Entry<String, String> lesson : TEXT.entrySet()) {
            if (lesson.getValue().contains("image prune")) {
                assertThat(lesson.getValue()).as(lesson.getKey()).contains("dangling").contains("prune -a");
            }
        }
        // "Every instruction is a layer" was wrong: RUN, COPY and ADD add layers, and under BuildKit a
        // WORKDIR that creates its folder adds a tiny one too (so "only three" was wrong as well).
        assertThat(TEXT.get("08-layers-and-cache.md")).doesNotContain("Every instruction is a layer")
                .doesNotContain("Only three instructions").contains("`RUN`, `COPY` and `ADD`")
                .contains("`WORKDIR` adds a tiny one");
        // postgres:18 refuses to start with a mount on the old data path (it does not silently ignore it).
        assertThat(TEXT.get("11-volumes-and-bind-mounts.md")).doesNotContain("silently not used")
                .contains("refuses to start");
        // `always` starts even a container you stopped when the engine restarts; unless-stopped does not.
        assertThat(TEXT.get("15-everyday-loop.md")).doesNotContain("stays stopped under every policy until");
        // macOS has no `timeout`: lab steps wait with bounded loops or curl --retry instead.
        assertThat(labs().stream().flatMap(f -> f.commands().stream())).noneMatch(c -> c.matches("(^|.*[;&|] *)timeout .*"));
        // Relative bind mounts work since Docker 23.0; the quiz no longer calls $(pwd) wrong in PowerShell.
        assertThat(TEXT.get("11-volumes-and-bind-mounts.md")).doesNotContain("must be an absolute path")
                .contains("Docker 23.0").contains("28.2");
        // With an ENTRYPOINT, run arguments are appended, not a replacement.
        assertThat(TEXT.get("04-ports-environment-commands.md")).contains("When the image has no `ENTRYPOINT`");
    }

    @Test
    void lessonSevenTeachesThatPidOneNeedsAHandlerOrAnInitAndShowsItOnDebian() {
        String text = TEXT.get("07-cmd-entrypoint-signals.md");
        assertThat(text).contains("does not apply the default action of a signal to PID 1").contains("--init")
                .contains("init: true").doesNotContain("Stops at once");
        List<Fence> labs = LESSONS.get("07-cmd-entrypoint-signals.md").stream().filter(Fence::lab).toList();
        assertThat(labs).anyMatch(f -> f.commands().stream().anyMatch(c -> c.contains("--init"))
                && "(?m)^143$".equals(f.fence().attribute("lab-expect")));
        assertThat(labs).filteredOn(f -> "(?m)^137$".equals(f.fence().attribute("lab-expect"))).hasSize(2);
        assertThat(labs.stream().flatMap(f -> f.commands().stream()).filter(c -> c.contains(" docker run")
                || c.startsWith("docker run"))).noneMatch(c -> c.contains("alpine"));
    }

    @Test
    void theRepairedBabyshopIsARealDjangoProjectThatCanStart() throws IOException {
        Path shop = Path.of("content/examples/babyshop");
        String requirements = Files.readString(shop.resolve("requirements.txt"));
        assertThat(requirements).containsPattern("(?m)^Django").containsPattern("(?m)^gunicorn").containsPattern("(?m)^whitenoise");
        String dockerfile = Files.readString(shop.resolve("Dockerfile"));
        assertThat(dockerfile).contains("collectstatic").contains("USER app").contains("chown app:app /data")
                .contains("--no-log-init").contains("HEALTHCHECK").contains("\"babyshop.wsgi\"")
                .contains("ENTRYPOINT [\"docker-entrypoint.sh\"]");
        assertThat(shop.resolve("babyshop_app/babyshop/wsgi.py")).exists();
        assertThat(shop.resolve("babyshop_app/shop/migrations/0001_initial.py")).exists();
        assertThat(Files.readString(shop.resolve("babyshop_app/babyshop/settings.py")))
                .contains("whitenoise.middleware.WhiteNoiseMiddleware").contains("DJANGO_DATA_DIR").contains("STATIC_ROOT");
        assertThat(Files.readString(shop.resolve("docker-entrypoint.sh"))).startsWith("#!/bin/sh\n")
                .doesNotContain("\r").contains("migrate --noinput").endsWith("exec \"$@\"\n");
        assertThat(Files.readString(shop.resolve(".gitattributes"))).contains("*.sh text eol=lf");
        // Lesson 1 keeps the seed's Dockerfile; the project keeps it too, as Dockerfile.before.
        String overview = TEXT.get("01-overview.md");
        String seedBlock = overview.substring(overview.indexOf("```Dockerfile bad"));
        seedBlock = seedBlock.substring(seedBlock.indexOf('\n') + 1, seedBlock.indexOf("```\n", 4));
        assertThat(Files.readString(shop.resolve("Dockerfile.before"))).isEqualTo(seedBlock);
        // The lesson shows the project's real Dockerfile, and runs it.
        assertThat(TEXT.get("09-fixing-the-overview.md")).contains(dockerfile)
                .contains("$ docker build -t babyshop .").contains("lab-expect=\"200 text/css\"");
    }

    @Test
    void quizzesRenderWithAnExplanationForEveryChoice() {
        Course course = new CourseLoader(new io.dockertutorial.markdown.MarkdownRenderer()).load("file:content");
        for (Lesson lesson : course.lessons()) {
            var doc = Jsoup.parse(lesson.html());
            assertThat(doc.select("form[data-quiz] [data-question]")).as(lesson.source()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    private static String withoutBadBlocks(String text) {
        return text.replaceAll("(?s)```[Dd]ockerfile[^\\n]*\\bbad\\b[^\\n]*\\n.*?\\n```", "");
    }
}
