package io.dockertutorial.lesson;

import io.dockertutorial.TutorialProperties;
import io.dockertutorial.markdown.FenceRenderer;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Holds the current {@link Course}, rendered once. With a content folder on disk, a teacher's edits
 * show on the next request: at most once a second a request checks the folder's files (names, sizes,
 * times) and reloads when they changed. A lesson whose file breaks keeps its last good version, with
 * the error shown on it and logged; a deleted file's lesson goes away.
 * <p>
 * The first load renders every lesson on a thread of its own while the rest of the application starts;
 * the first request that needs the course waits for it.
 */
@Service
public class CourseService {

    private static final Logger log = LoggerFactory.getLogger(CourseService.class);
    private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final String location;
    private final Path folder;
    private final CourseLoader loader;
    private final CompletableFuture<Course> firstLoad;
    private volatile Course course;
    private volatile String fingerprint;
    private volatile long lastCheck;

    public CourseService(TutorialProperties properties, FenceRenderer dockerfileRenderer) {
        this.location = location(properties);
        this.folder = properties.hasContentDir() ? Path.of(properties.contentDir()).toAbsolutePath().normalize() : null;
        this.loader = new CourseLoader(new MarkdownRenderer(dockerfileRenderer));
        this.fingerprint = fingerprint();
        this.lastCheck = System.nanoTime();
        this.firstLoad = new CompletableFuture<>();
        Thread loading = new Thread(() -> {
            try {
                Course loaded = loader.load(location);
                log.info("Loaded {} lessons from {}", loaded.lessons().size(), location);
                firstLoad.complete(loaded);
            } catch (Throwable e) {
                log.error("Cannot load the lessons from {}", location, e);
                firstLoad.completeExceptionally(e);
            }
        }, "course-loader");
        loading.setDaemon(true);
        loading.start();
    }

    private Course firstLoaded() {
        Course c = course;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (course == null) {
                try {
                    course = firstLoad.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            return course;
        }
    }

    static String location(TutorialProperties properties) {
        if (!properties.hasContentDir()) {
            return "classpath:content";
        }
        Path dir = Path.of(properties.contentDir()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            log.error("The content folder {} does not exist or is not a folder", dir);
        }
        return "file:" + dir;
    }

    public Course course() {
        firstLoaded();
        if (folder != null && System.nanoTime() - lastCheck > CHECK_INTERVAL_NANOS) {
            refreshIfChanged();
        }
        return course;
    }

    /** Reloads the course if any lesson file changed; keeps the last good version of lessons that broke. */
    public synchronized void refreshIfChanged() {
        firstLoaded();
        lastCheck = System.nanoTime();
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            return;
        }
        Course previous = course;
        Course fresh = loader.load(location);
        List<Lesson> lessons = new ArrayList<>(fresh.lessons());
        List<LessonProblem> problems = new ArrayList<>();
        Map<String, LessonProblem> stale = new HashMap<>();
        for (LessonProblem problem : fresh.problems()) {
            Optional<Lesson> good = previous.lesson(problem.slug());
            if (good.isPresent() && fresh.lesson(problem.slug()).isEmpty() && good.get().source().equals(problem.source())) {
                lessons.add(good.get());
                stale.put(problem.slug(), problem);
                log.warn("Keeping the last good version of {}: {}", problem.source(), problem.describe());
            } else {
                problems.add(problem);
            }
        }
        course = new Course(lessons, problems, stale);
        fingerprint = now;
        log.info("Content changed: reloaded {} lessons from {}", course.lessons().size(), location);
    }

    private String fingerprint() {
        if (folder == null || !Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        // Deep enough for example projects (examples/NAME/sub/dir/file), bounded for safety.
        try (Stream<Path> files = Files.walk(folder, 6)) {
            files.sorted().forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    s.append(folder.relativize(p)).append('|').append(a.size()).append('|')
                            .append(a.lastModifiedTime().toMillis()).append('\n');
                } catch (IOException e) {
                    s.append(p).append("|gone\n");
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unreadable:" + System.nanoTime();
        }
        return s.toString();
    }
}
