package io.dockertutorial.lesson;

import io.dockertutorial.markdown.TocEntry;
import org.springframework.core.io.Resource;

import java.util.List;
import java.util.Map;

/**
 * A lesson, rendered once when the course is loaded.
 *
 * @param source   the file it came from, relative to the content folder (for messages)
 * @param duration minutes, or {@code null} when the front matter gives none
 * @param assets   the images beside a folder lesson's {@code index.md}, by file name
 * @param project  the example project the front matter names ({@code project: examples/NAME}), or {@code null}
 */
public record Lesson(String slug, String title, String description, int order, Integer duration,
                     List<String> objectives, String source, String html, List<TocEntry> toc,
                     Map<String, Resource> assets, LessonProject project) {

    /** The example project's files (paths relative to its folder), empty when the lesson has none. */
    public List<String> projectFiles() {
        return project == null ? List.of() : project.files();
    }

    public boolean hasQuiz() {
        return html.contains("data-quiz");
    }
}
