package io.dockertutorial.lesson;

import io.dockertutorial.explain.DockerfileBlockHtml;
import io.dockertutorial.dockerfile.Explainer;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Content a teacher can get wrong: huge lessons, hundreds of Dockerfiles, clashing slugs and orders. */
class BrokenContentTest {

    private final CourseLoader loader = new CourseLoader(new MarkdownRenderer(fence -> !fence.isDockerfile() ? null :
            DockerfileBlockHtml.render("dockerfile-" + fence.index(), fence.title(), fence.code(),
                    new Explainer().explain(fence.code()))));

    @Test
    void aFiveMegabyteLessonAndOneWith500DockerfilesStillLoad(@TempDir Path dir) throws IOException {
        StringBuilder big = new StringBuilder("---\ntitle: Big\n---\n");
        while (big.length() < 5 * 1024 * 1024) {
            big.append("## Section ").append(big.length()).append("\n\nSome prose with `code` and a [link](#x).\n\n");
        }
        Files.writeString(dir.resolve("01-big.md"), big);
        StringBuilder many = new StringBuilder("---\ntitle: Many\n---\n");
        for (int i = 0; i < 500; i++) {
            many.append("```dockerfile\nFROM alpine:3.").append(i % 22).append("\nRUN echo ").append(i)
                    .append("\nUSER nobody\n```\n\n");
        }
        Files.writeString(dir.resolve("02-many.md"), many);
        Course course = loader.load("file:" + dir);
        assertThat(course.problems()).isEmpty();
        assertThat(course.lesson("big")).get().satisfies(l -> assertThat(l.toc()).hasSizeGreaterThan(1000));
        assertThat(course.lesson("many")).get().satisfies(l -> assertThat(l.html()).contains("dockerfile-500"));
    }

    @Test
    void tooLargeFilesAreRefusedWithAMessage(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("01-huge.md"), new byte[CourseLoader.MAX_LESSON_BYTES + 10]);
        Files.writeString(dir.resolve("02-ok.md"), "---\ntitle: OK\n---\n");
        Course course = loader.load("file:" + dir);
        assertThat(course.problems()).singleElement().satisfies(p ->
                assertThat(p.describe()).startsWith("01-huge.md: the file is larger than 8 MB"));
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("ok");
    }

    @Test
    void duplicateSlugsNameBothFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-a.md"), "---\ntitle: A\nslug: same\n---\n");
        Files.writeString(dir.resolve("02-b.md"), "---\ntitle: B\nslug: same\norder: 1\n---\n");
        Course course = loader.load("file:" + dir);
        assertThat(course.problems()).singleElement().satisfies(p ->
                assertThat(p.describe()).contains("02-b.md").contains("01-a.md").contains("same"));
    }
}
