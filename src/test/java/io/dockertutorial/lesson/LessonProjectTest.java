package io.dockertutorial.lesson;

import io.dockertutorial.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Example projects named in front matter: read from content/examples only, zipped, size-limited. */
class LessonProjectTest {

    private final CourseLoader loader = new CourseLoader(new MarkdownRenderer());

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aLessonsProjectIsListedAndZippedUnderItsOwnFolder(@TempDir Path dir) throws IOException {
        write(dir.resolve("01-a.md"), "---\ntitle: A\nproject: examples/hello\n---\nText\n");
        write(dir.resolve("examples/hello/Dockerfile"), "FROM debian:trixie-slim\n");
        write(dir.resolve("examples/hello/.dockerignore"), ".git\n");
        write(dir.resolve("examples/hello/src/app.py"), "print('hi')\n");
        write(dir.resolve("examples/hello/node_modules/x/index.js"), "junk\n");
        write(dir.resolve("examples/hello/__pycache__/app.pyc"), "junk\n");
        // A folder named examples is never a lesson, even with an index.md.
        write(dir.resolve("examples/index.md"), "---\ntitle: Not a lesson\n---\n");

        Course course = loader.load("file:" + dir);

        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("a");
        Lesson lesson = course.lesson("a").orElseThrow();
        assertThat(lesson.projectFiles()).containsExactly(".dockerignore", "Dockerfile", "src/app.py");
        LessonProject project = lesson.project();
        assertThat(project.path()).isEqualTo("examples/hello");
        assertThat(project.zipName()).isEqualTo("hello.zip");
        assertThat(unzip(project.zipBytes())).containsExactly(
                Map.entry("hello/.dockerignore", ".git\n"),
                Map.entry("hello/Dockerfile", "FROM debian:trixie-slim\n"),
                Map.entry("hello/src/app.py", "print('hi')\n"));
        // Same files, same bytes: the export and ETags stay stable across reloads.
        assertThat(loader.load("file:" + dir).lesson("a").orElseThrow().project().zipBytes())
                .isEqualTo(project.zipBytes());
    }

    @Test
    void aLessonWithoutAProjectHasNoFiles() {
        Lesson lesson = loader.load("classpath:test-content").lesson("first").orElseThrow();
        assertThat(lesson.project()).isNull();
        assertThat(lesson.projectFiles()).isEmpty();
    }

    @Test
    void badProjectsAreProblemsNamingFileAndLineWhileOtherLessonsLoad(@TempDir Path dir) throws IOException {
        write(dir.resolve("01-up.md"), "---\ntitle: Up\nproject: ../secrets\n---\n");
        write(dir.resolve("02-abs.md"), "---\ntitle: Abs\nproject: /etc\n---\n");
        write(dir.resolve("03-missing.md"), "---\ntitle: Missing\ndescription: x\nproject: examples/nope\n---\n");
        write(dir.resolve("04-deep.md"), "---\ntitle: Deep\nproject: examples/a/../../x\n---\n");
        write(dir.resolve("05-ok.md"), "---\ntitle: Ok\n---\n");
        Course course = loader.load("file:" + dir);
        assertThat(course.problems()).extracting(LessonProblem::describe).containsExactlyInAnyOrder(
                "01-up.md:3: 'project' must name a folder under content/examples, for example: project: examples/hello-py (not '../secrets')",
                "02-abs.md:3: 'project' must name a folder under content/examples, for example: project: examples/hello-py (not '/etc')",
                "03-missing.md:4: the project folder content/examples/nope does not exist or holds no files",
                "04-deep.md:3: 'project' must name a folder under content/examples, for example: project: examples/hello-py (not 'examples/a/../../x')");
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("ok");
    }

    @Test
    void linksOutOfTheContentFolderAreNeverFollowed(@TempDir Path dir, @TempDir Path outside) throws IOException {
        Path secret = outside.resolve("secret.txt");
        write(secret, "top secret\n");
        write(dir.resolve("content/01-a.md"), "---\ntitle: A\nproject: examples/linked\n---\n");
        write(dir.resolve("content/02-b.md"), "---\ntitle: B\nproject: examples/away\n---\n");
        write(dir.resolve("content/examples/linked/Dockerfile"), "FROM scratch\n");
        try {
            Files.createSymbolicLink(dir.resolve("content/examples/linked/secret.txt"), secret);
            Files.createSymbolicLink(dir.resolve("content/examples/away"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not supported here: " + e);
        }
        Course course = loader.load("file:" + dir.resolve("content"));
        assertThat(course.lesson("a").orElseThrow().projectFiles()).containsExactly("Dockerfile");
        assertThat(course.problems()).extracting(LessonProblem::describe).containsExactly(
                "02-b.md:3: the project folder resolves outside the content folder; copy the files in instead of linking them");
    }

    @Test
    void oversizedProjectsAreRefusedWithAClearMessage(@TempDir Path dir) throws IOException {
        write(dir.resolve("01-big.md"), "---\ntitle: Big\nproject: examples/big\n---\n");
        write(dir.resolve("02-many.md"), "---\ntitle: Many\nproject: examples/many\n---\n");
        Files.createDirectories(dir.resolve("examples/big"));
        Files.write(dir.resolve("examples/big/blob.bin"), new byte[ProjectLoader.MAX_BYTES + 1]);
        for (int i = 0; i <= ProjectLoader.MAX_FILES; i++) {
            write(dir.resolve("examples/many/f" + i + ".txt"), "x");
        }
        Course course = loader.load("file:" + dir);
        assertThat(course.problems()).extracting(LessonProblem::describe).containsExactlyInAnyOrder(
                "01-big.md:3: the project is larger than 2 MB; keep example projects small",
                "02-many.md:3: the project holds more than 200 files; keep example projects small");
    }

    /** With {@code java -jar} the shipped lessons and projects are entries of the jar, not files. */
    @Test
    void projectsLoadFromInsideAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("content.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "content/", null);
            entry(out, "content/01-a.md", "---\ntitle: A\nproject: examples/hello\n---\nText\n");
            entry(out, "content/examples/", null);
            entry(out, "content/examples/hello/", null);
            entry(out, "content/examples/hello/Dockerfile", "FROM debian:trixie-slim\n");
            entry(out, "content/examples/hello/app/", null);
            entry(out, "content/examples/hello/app/main.py", "print(1)\n");
            entry(out, "content/examples/hello/.dockerignore", ".git\n");
            entry(out, "content/examples/other/leak.txt", "no\n");
        }
        try (URLClassLoader classes = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            Course course = new CourseLoader(new MarkdownRenderer(), classes).load("classpath:content");
            assertThat(course.problems()).isEmpty();
            Lesson lesson = course.lesson("a").orElseThrow();
            assertThat(lesson.projectFiles()).containsExactly(".dockerignore", "Dockerfile", "app/main.py");
            assertThat(unzip(lesson.project().zipBytes())).containsOnlyKeys(
                    "hello/.dockerignore", "hello/Dockerfile", "hello/app/main.py");
        }
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (text != null) {
            OutputStream o = out;
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
