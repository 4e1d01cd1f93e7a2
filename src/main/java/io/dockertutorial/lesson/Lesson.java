package io.dockertutorial.lesson;

import io.dockertutorial.markdown.TocEntry;
import org.springframework.core.io.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern FLAG = Pattern.compile("(?<!\\S)--?[A-Za-z0-9][A-Za-z0-9_.=-]*");

    /** A piece of an objective's text; {@code whole} for a flag such as {@code --pids-limit}, never broken at its hyphens. */
    public record Piece(String text, boolean whole) {
    }

    /** The objectives, each cut into pieces so a narrow screen breaks lines between words, not inside a flag. */
    public List<List<Piece>> objectivePieces() {
        List<List<Piece>> all = new ArrayList<>(objectives.size());
        for (String objective : objectives) {
            List<Piece> pieces = new ArrayList<>();
            Matcher m = FLAG.matcher(objective);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) {
                    pieces.add(new Piece(objective.substring(at, m.start()), false));
                }
                pieces.add(new Piece(m.group(), true));
                at = m.end();
            }
            if (at < objective.length()) {
                pieces.add(new Piece(objective.substring(at), false));
            }
            all.add(pieces);
        }
        return all;
    }

    public boolean hasQuiz() {
        return html.contains("data-quiz");
    }
}
