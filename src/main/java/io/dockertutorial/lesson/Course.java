package io.dockertutorial.lesson;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole course as loaded at one moment: lessons in order, and the files that could not be loaded. */
public final class Course {

    private final List<Lesson> lessons;
    private final Map<String, Lesson> bySlug = new LinkedHashMap<>();
    private final List<LessonProblem> problems;
    private final Map<String, LessonProblem> brokenBySlug = new LinkedHashMap<>();

    private final Map<String, LessonProblem> stale;

    Course(List<Lesson> lessons, List<LessonProblem> problems) {
        this(lessons, problems, Map.of());
    }

    /** @param stale lessons shown in their last good version, with the problem of their current file */
    Course(List<Lesson> lessons, List<LessonProblem> problems, Map<String, LessonProblem> stale) {
        this.stale = Map.copyOf(stale);
        this.lessons = lessons.stream()
                .sorted(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::slug))
                .toList();
        this.lessons.forEach(l -> bySlug.put(l.slug(), l));
        this.problems = List.copyOf(problems);
        problems.forEach(p -> brokenBySlug.putIfAbsent(p.slug(), p));
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    public List<LessonProblem> problems() {
        return problems;
    }

    public Optional<Lesson> lesson(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The problem that keeps the lesson with this slug from showing, if that is why it is missing. */
    public Optional<LessonProblem> problem(String slug) {
        return Optional.ofNullable(brokenBySlug.get(slug));
    }

    /** Why this lesson shows its last good version instead of its current, broken file. */
    public Optional<LessonProblem> staleBecause(String slug) {
        return Optional.ofNullable(stale.get(slug));
    }

    public Optional<Lesson> previous(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i > 0 ? Optional.of(lessons.get(i - 1)) : Optional.empty();
    }

    public Optional<Lesson> next(Lesson lesson) {
        int i = lessons.indexOf(lesson);
        return i >= 0 && i + 1 < lessons.size() ? Optional.of(lessons.get(i + 1)) : Optional.empty();
    }
}
