package io.dockertutorial.lesson;

import io.dockertutorial.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Review findings M3 and L4: lessons, their images and example projects on disk are read only when they are
 * regular files inside the content folder, and a file swapped for a link after loading is refused.
 */
class ContentLinksTest {

    private final CourseLoader loader = new CourseLoader(new MarkdownRenderer(fence -> null));

    private static Path lessonWithImages(Path content, Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "TOP SECRET");
        Path folder = Files.createDirectories(content.resolve("90-evil"));
        Files.writeString(folder.resolve("index.md"), "---\ntitle: Evil\n---\nText.\n");
        Files.write(folder.resolve("ok.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        Files.createSymbolicLink(folder.resolve("leak.png"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(folder.resolve("cmdline.png"), Path.of("/proc/self/cmdline"));
        return folder;
    }

    @Test
    void linkedImagesAreNotServed(@TempDir Path content, @TempDir Path outside) throws IOException {
        lessonWithImages(content, outside);
        Course course = loader.load("file:" + content);
        Lesson evil = course.lesson("evil").orElseThrow();
        assertThat(evil.assets()).containsOnlyKeys("ok.png");
    }

    @Test
    void anImageSwappedForALinkAfterLoadingIsRefused(@TempDir Path content, @TempDir Path outside) throws IOException {
        Path folder = lessonWithImages(content, outside);
        Lesson evil = loader.load("file:" + content).lesson("evil").orElseThrow();
        org.springframework.core.io.Resource ok = evil.assets().get("ok.png");
        try (InputStream in = ok.getInputStream()) {
            assertThat(in.readAllBytes()).hasSize(4);
        }
        Files.delete(folder.resolve("ok.png"));
        Files.createSymbolicLink(folder.resolve("ok.png"), outside.resolve("secret.txt"));
        assertThatThrownBy(ok::getInputStream).isInstanceOf(IOException.class);
    }

    @Test
    void linkedLessonsAndFoldersOutsideAreProblemsNotLessons(@TempDir Path content, @TempDir Path outside) throws IOException {
        Files.writeString(content.resolve("01-real.md"), "---\ntitle: Real\n---\nText.\n");
        Files.writeString(outside.resolve("other.md"), "---\ntitle: Outside\n---\nSecret lesson.\n");
        Files.createSymbolicLink(content.resolve("92-symlinked.md"), outside.resolve("other.md"));
        Path away = Files.createDirectories(outside.resolve("away"));
        Files.writeString(away.resolve("index.md"), "---\ntitle: Away\n---\nText.\n");
        Files.createSymbolicLink(content.resolve("93-away"), away);
        Course course = loader.load("file:" + content);
        assertThat(course.lessons()).extracting(Lesson::title).containsExactly("Real");
        assertThat(course.problems()).extracting(LessonProblem::describe)
                .anySatisfy(d -> assertThat(d).startsWith("92-symlinked.md").contains("symbolic link"));
    }

    @Test
    void openingRefusesLinksAndReadsNoFurtherThanTheLimit(@TempDir Path content, @TempDir Path outside) throws IOException {
        Path root = ContentFiles.root(content);
        Files.writeString(outside.resolve("secret.txt"), "TOP SECRET");
        Path link = Files.createSymbolicLink(root.resolve("link.txt"), outside.resolve("secret.txt"));
        assertThatThrownBy(() -> ContentFiles.read(root, link, 100)).isInstanceOf(IOException.class);
        Path big = Files.write(root.resolve("big.txt"), new byte[10_000]);
        assertThatThrownBy(() -> ContentFiles.read(root, big, 1000)).isInstanceOf(ContentFiles.TooLarge.class);
        assertThat(ContentFiles.read(root, big, 10_000)).hasSize(10_000);
        assertThatThrownBy(() -> ContentFiles.read(root, outside.resolve("secret.txt"), 100)).isInstanceOf(IOException.class);
    }
}
