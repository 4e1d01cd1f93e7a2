package io.dockertutorial.lesson;

import io.dockertutorial.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CourseLoaderTest {

    private final CourseLoader loader = new CourseLoader(new MarkdownRenderer());

    @Test
    void ordersByFrontMatterThenFileNamePrefix() {
        Course course = loader.load("classpath:test-content");
        assertThat(course.lessons()).extracting(Lesson::slug)
                .containsExactly("first", "custom-slug", "second", "folder-lesson");
        assertThat(course.lesson("first")).get().satisfies(l -> {
            assertThat(l.title()).isEqualTo("First steps");
            assertThat(l.duration()).isEqualTo(5);
            assertThat(l.objectives()).containsExactly("Start");
            assertThat(l.source()).isEqualTo("01-first.md");
        });
    }

    @Test
    void malformedFrontMatterIsAProblemNamingFileAndLineWhileOthersLoad() {
        Course course = loader.load("classpath:test-content");
        assertThat(course.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("05-broken.md");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.slug()).isEqualTo("broken");
            assertThat(p.describe()).startsWith("05-broken.md:3: the front matter is not valid YAML");
        });
        assertThat(course.lessons()).hasSize(4);
    }

    @Test
    void folderLessonsCarryTheirImages() {
        Lesson lesson = loader.load("classpath:test-content").lesson("folder-lesson").orElseThrow();
        assertThat(lesson.assets()).containsOnlyKeys("diagram.svg");
        assertThat(lesson.html()).contains("src=\"diagram.svg\"");
    }

    @Test
    void missingTitleInvalidUtf8AndDuplicateSlugsAreReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("01-a.md"), "---\ndescription: no title\n---\nText\n");
        Files.write(dir.resolve("02-b.md"), new byte[]{'-', '-', '-', '\n', 't', 'i', 't', 'l', 'e', ':', ' ', 'x', '\n',
                '-', '-', '-', '\n', 'o', 'k', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        Files.writeString(dir.resolve("03-c.md"), "---\ntitle: C\nslug: same\n---\n");
        Files.writeString(dir.resolve("04-d.md"), "---\ntitle: D\nslug: same\n---\n");
        Files.writeString(dir.resolve("05-e.md"), "---\ntitle: E\n", StandardCharsets.UTF_8);
        Course course = loader.load("file:" + dir);
        assertThat(course.problems()).extracting(LessonProblem::describe).containsExactlyInAnyOrder(
                "01-a.md:1: the front matter needs a 'title' (text), for example: title: Volumes",
                "02-b.md:5: the file is not valid UTF-8; save it as UTF-8",
                "04-d.md: its slug 'same' is already used by 03-c.md; give one of them another slug",
                "05-e.md:1: the front matter that starts here has no closing '---' line");
        assertThat(course.lessons()).extracting(Lesson::slug).containsExactly("same");
    }
}
