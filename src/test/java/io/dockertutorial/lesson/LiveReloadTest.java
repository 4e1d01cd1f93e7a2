package io.dockertutorial.lesson;

import io.dockertutorial.TutorialProperties;
import io.dockertutorial.markdown.FenceRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A teacher edits, adds, breaks and deletes lessons while the app runs. */
class LiveReloadTest {

    private static void write(Path file, String text, int secondsLater) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsLater)));
    }

    @Test
    void editsAddsBreaksAndDeletesShowWithoutRestart(@TempDir Path dir) throws IOException {
        write(dir.resolve("01-a.md"), "---\ntitle: A\n---\nFirst text.\n", 0);
        CourseService service = new CourseService(new TutorialProperties(dir.toString(), null, null, List.of()),
                (FenceRenderer) fence -> null);
        assertThat(service.course().lessons()).extracting(Lesson::title).containsExactly("A");

        write(dir.resolve("01-a.md"), "---\ntitle: A, edited\n---\nNew text.\n", 5);
        write(dir.resolve("02-b.md"), "---\ntitle: B\n---\nAdded.\n", 5);
        service.refreshIfChanged();
        assertThat(service.course().lessons()).extracting(Lesson::title).containsExactly("A, edited", "B");

        // Half-written: the front matter is not closed yet. The last good version stays, with the error.
        write(dir.resolve("01-a.md"), "---\ntitle: A, half wri", 10);
        service.refreshIfChanged();
        Course course = service.course();
        assertThat(course.lesson("a")).get().extracting(Lesson::title).isEqualTo("A, edited");
        assertThat(course.staleBecause("a")).get().satisfies(p -> assertThat(p.describe())
                .startsWith("01-a.md:1: the front matter that starts here has no closing"));

        Files.delete(dir.resolve("02-b.md"));
        write(dir.resolve("01-a.md"), "---\ntitle: A, fixed\n---\nDone.\n", 15);
        service.refreshIfChanged();
        assertThat(service.course().lessons()).extracting(Lesson::title).containsExactly("A, fixed");
        assertThat(service.course().staleBecause("a")).isEmpty();
    }

    /** Review finding M4: the folder is watched on a thread of its own, never on a request's, and tool folders are skipped. */
    @Test
    void aBackgroundThreadPicksUpEditsAndSkipsToolFolders(@TempDir Path dir) throws Exception {
        write(dir.resolve("01-a.md"), "---\ntitle: A\n---\nFirst text.\n", 0);
        Files.createDirectories(dir.resolve("examples/app/node_modules/left-pad"));
        Files.writeString(dir.resolve("examples/app/node_modules/left-pad/index.js"), "x");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref");
        CourseService service = new CourseService(new TutorialProperties(dir.toString(), null, null, List.of()),
                (FenceRenderer) fence -> null);
        try {
            assertThat(service.course().lessons()).extracting(Lesson::title).containsExactly("A");
            assertThat(service.fingerprint()).contains("01-a.md").doesNotContain("node_modules").doesNotContain("HEAD");

            write(dir.resolve("01-a.md"), "---\ntitle: A, edited\n---\nNew text.\n", 5);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!service.course().lessons().get(0).title().equals("A, edited") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(service.course().lessons()).extracting(Lesson::title).containsExactly("A, edited");
        } finally {
            service.stopWatching();
        }
    }
}
