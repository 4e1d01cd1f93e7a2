package io.dockertutorial.labs;

import io.dockertutorial.lesson.Course;
import io.dockertutorial.lesson.CourseLoader;
import io.dockertutorial.lesson.Lesson;
import io.dockertutorial.markdown.CodeFence;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson as the labs see it: its lab blocks in page order and the example project they run in.
 * The course's own loader decides which files are lessons and their order; the project's Markdown
 * renderer finds the fences, so the labs read exactly what the site shows.
 *
 * @param source  the lesson file, relative to the content folder
 * @param project the example project folder ({@code content/examples/NAME}), or {@code null}
 */
record LabLesson(String source, String slug, String title, Path project, List<LabBlock> blocks) {

    private static final Pattern FENCE_OPEN = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");

    /** The lessons of a content folder in course order, and the files that failed to load as lessons. */
    static Loaded load(Path content) {
        Course course = new CourseLoader(new MarkdownRenderer()).load("file:" + content.toAbsolutePath());
        MarkdownRenderer renderer = new MarkdownRenderer();
        List<LabLesson> lessons = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            lessons.add(read(content, lesson, renderer));
        }
        List<String> problems = course.problems().stream().map(p -> p.describe()).toList();
        return new Loaded(List.copyOf(lessons), problems);
    }

    record Loaded(List<LabLesson> lessons, List<String> problems) {
    }

    private static LabLesson read(Path content, Lesson lesson, MarkdownRenderer renderer) {
        Path file = content.resolve(lesson.source());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<?, ?> front = Map.of();
        String body = text;
        int bodyLine = 1;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---\n", 3);
            if (end > 0) {
                Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(text.substring(4, end));
                front = yaml instanceof Map<?, ?> m ? m : Map.of();
                body = text.substring(end + 5);
                bodyLine = (int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count() + 1;
            }
        }
        Path project = null;
        if (front.get("project") instanceof String name && !name.isBlank()) {
            project = content.resolve(name.strip()).normalize();
            if (!project.startsWith(content.toAbsolutePath().normalize()) && !project.startsWith(content.normalize())) {
                throw new IllegalArgumentException(lesson.source() + ": project '" + name + "' is outside the content folder");
            }
        }
        List<CodeFence> labFences = renderer.render(body).fences().stream().filter(LabBlock::isLab).toList();
        List<Integer> lines = labFenceLines(body, bodyLine);
        List<LabBlock> blocks = new ArrayList<>();
        for (int k = 0; k < labFences.size(); k++) {
            String where = lesson.source() + (lines.size() == labFences.size()
                    ? ":" + lines.get(k) : " (lab block " + (k + 1) + ")");
            blocks.add(LabBlock.of(labFences.get(k), where));
        }
        return new LabLesson(lesson.source(), lesson.slug(), lesson.title(), project, List.copyOf(blocks));
    }

    /** The file lines where {@code console lab} fences open, for messages that point at the source. */
    static List<Integer> labFenceLines(String body, int firstLine) {
        List<Integer> lines = new ArrayList<>();
        String[] all = body.split("\n", -1);
        String open = null;
        for (int i = 0; i < all.length; i++) {
            Matcher m = FENCE_OPEN.matcher(all[i]);
            if (open == null) {
                if (m.matches()) {
                    open = m.group(1);
                    String info = m.group(2).strip();
                    if (info.matches("(?i)console(\\s.*)?") && CodeFence.parse(info, "", 0).has("lab")) {
                        lines.add(firstLine + i);
                    }
                }
            } else if (m.matches() && m.group(2).isBlank() && m.group(1).charAt(0) == open.charAt(0)
                    && m.group(1).length() >= open.length()) {
                open = null;
            }
        }
        return lines;
    }

    long runnable() {
        return blocks.stream().filter(LabBlock::runs).count();
    }
}
