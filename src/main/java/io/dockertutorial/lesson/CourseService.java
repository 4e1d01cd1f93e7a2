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

/**
 * Holds the current {@link Course}, rendered once. With a content folder on disk, a teacher's edits
 * show within a second or two: a background thread checks the folder's files (names, sizes, times) once a
 * second and reloads when they changed. Requests never pay for that walk; they read the current course.
 * Folders the example zips leave out ({@code node_modules}, {@code .git}, …) are not walked. A lesson whose file breaks keeps its last good version, with
 * the error shown on it and logged; a deleted file's lesson goes away.
 * <p>
 * The first load renders every lesson on a thread of its own while the rest of the application starts;
 * the first request that needs the course waits for it.
 */
@Service
public class CourseService {

    private static final Logger log = LoggerFactory.getLogger(CourseService.class);
    private static final long CHECK_INTERVAL_MILLIS = 1000;

    private final String location;
    private final Path folder;
    private final CourseLoader loader;
    private final CompletableFuture<Course> firstLoad;
    private volatile Course course;
    private volatile String fingerprint;
    private final java.util.concurrent.ScheduledExecutorService watcher;

    public CourseService(TutorialProperties properties, FenceRenderer dockerfileRenderer) {
        this.location = location(properties);
        this.folder = properties.hasContentDir() ? Path.of(properties.contentDir()).toAbsolutePath().normalize() : null;
        this.loader = new CourseLoader(new MarkdownRenderer(dockerfileRenderer));
        this.fingerprint = fingerprint();
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
        this.watcher = folder == null ? null : java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "content-watcher");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        if (watcher != null) {
            watcher.scheduleWithFixedDelay(this::checkQuietly, CHECK_INTERVAL_MILLIS, CHECK_INTERVAL_MILLIS,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void checkQuietly() {
        try {
            if (firstLoad.isDone()) {
                refreshIfChanged();
            }
        } catch (Throwable e) {
            log.warn("Checking the content folder for changes failed: {}", e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stopWatching() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
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
        return firstLoaded();
    }

    /** Reloads the course if any lesson file changed; keeps the last good version of lessons that broke. */
    public synchronized void refreshIfChanged() {
        firstLoaded();
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

    String fingerprint() {
        if (folder == null || !Files.isDirectory(folder)) {
            return "";
        }
        List<String> s = new ArrayList<>();
        // Deep enough for example projects (examples/NAME/sub/dir/file), bounded for safety; links are not followed.
        try {
            Files.walkFileTree(folder, java.util.Set.of(), 6, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                    if (!dir.equals(folder) && ProjectLoader.SKIPPED.contains(dir.getFileName().toString())) {
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    return visitFile(dir, a);
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes a) {
                    s.add(folder.relativize(p) + "|" + a.size() + "|" + a.lastModifiedTime().toMillis());
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
                    s.add(p + "|gone");
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            return "unreadable:" + System.nanoTime();
        }
        java.util.Collections.sort(s);
        return String.join("\n", s);
    }
}
