package io.dockertutorial.lesson;

import io.dockertutorial.markdown.MarkdownRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads and renders every lesson under one location ({@code classpath:content} or
 * {@code file:/path/to/content}). A lesson is a {@code *.md} file or a folder with an
 * {@code index.md} and its images; {@code examples/} holds the lessons' example projects, never lessons.
 * Only those files are ever read; nothing outside the location is: on disk, a lesson or an image that is a
 * symbolic link, or lies in a folder that resolves outside the content folder, is refused ({@link ContentFiles}).
 * A broken file becomes a {@link LessonProblem}; the other lessons still load.
 */
public final class CourseLoader {

    private static final Logger log = LoggerFactory.getLogger(CourseLoader.class);
    private static final Pattern ASSET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> ASSET_TYPES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "avif");
    /** Lessons larger than this are refused with a message rather than rendered. */
    static final int MAX_LESSON_BYTES = 8 * 1024 * 1024;

    private final ResourcePatternResolver resolver;
    private final LessonParser parser;

    public CourseLoader(MarkdownRenderer markdown) {
        this(markdown, null);
    }

    /** @param classLoader where {@code classpath:} content is found; {@code null}: the default (tests use a jar of their own) */
    CourseLoader(MarkdownRenderer markdown, ClassLoader classLoader) {
        this.parser = new LessonParser(markdown);
        this.resolver = new PathMatchingResourcePatternResolver(classLoader);
    }

    public Course load(String location) {
        List<Lesson> lessons = new ArrayList<>();
        List<LessonProblem> problems = new ArrayList<>();
        // Lessons render independently (the renderer is thread-safe): use every core at start-up.
        ProjectLoader projects = new ProjectLoader(resolver, location);
        List<Object> results = sources(location, problems).parallelStream().map(s -> parseOrProblem(s, projects)).toList();
        for (Object result : results) {
            if (result instanceof Lesson lesson) {
                lessons.add(lesson);
            } else {
                problems.add((LessonProblem) result);
            }
        }
        rejectDuplicateSlugs(lessons, problems);
        problems.forEach(p -> log.error("Lesson not loaded: {}", p.describe()));
        return new Course(lessons, problems);
    }

    /** @return the {@link Lesson}, or the {@link LessonProblem} that keeps it from loading */
    private Object parseOrProblem(LessonSource source, ProjectLoader projects) {
        try {
            return parser.parse(source, projects);
        } catch (LessonParser.LessonFormatException e) {
            return new LessonProblem(LessonParser.defaultSlug(source.baseName()), source.name(), e.line, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Lesson {} could not be rendered", source.name(), e);
            return new LessonProblem(LessonParser.defaultSlug(source.baseName()), source.name(), 0,
                    "the lesson could not be rendered (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void rejectDuplicateSlugs(List<Lesson> lessons, List<LessonProblem> problems) {
        Map<String, Lesson> seen = new HashMap<>();
        lessons.removeIf(lesson -> {
            Lesson first = seen.putIfAbsent(lesson.slug(), lesson);
            if (first == null) {
                return false;
            }
            problems.add(new LessonProblem(lesson.slug(), lesson.source(), 0, "its slug '" + lesson.slug()
                    + "' is already used by " + first.source() + "; give one of them another slug"));
            return true;
        });
        Map<Integer, Lesson> orders = new HashMap<>();
        for (Lesson lesson : lessons) {
            Lesson other = lesson.order() == Integer.MAX_VALUE ? null : orders.putIfAbsent(lesson.order(), lesson);
            if (other != null) {
                log.warn("Lessons {} and {} have the same order {}; they are sorted by slug", other.source(),
                        lesson.source(), lesson.order());
            }
        }
    }

    private List<LessonSource> sources(String location, List<LessonProblem> problems) {
        List<LessonSource> sources = new ArrayList<>();
        try {
            Path root = root(location);
            for (Resource file : resolver.getResources(location + "/*.md")) {
                String name = file.getFilename();
                if (name == null || name.startsWith(".") || name.startsWith("_")
                        || name.equalsIgnoreCase("README.md")) {
                    continue;
                }
                read(root, file, name, name.substring(0, name.length() - 3), Map.of(), sources, problems);
            }
            for (Resource index : resolver.getResources(location + "/*/index.md")) {
                String folder = folderOf(index);
                if (folder == null || folder.startsWith(".") || folder.startsWith("_")
                        || folder.equals(ProjectLoader.FOLDER)) {
                    continue;
                }
                read(root, index, folder + "/index.md", folder, assets(root, location, folder), sources, problems);
            }
        } catch (IOException e) {
            log.error("Cannot list lessons in {}: {}", location, e.getMessage());
        }
        sources.sort(java.util.Comparator.comparing(LessonSource::name));
        return sources;
    }

    /** The real path of a content folder on disk; {@code null} for lessons inside the app (a jar or classes). */
    private static Path root(String location) throws IOException {
        if (!location.startsWith("file:")) {
            return null;
        }
        Path folder = Path.of(location.substring("file:".length()));
        return Files.isDirectory(folder) ? ContentFiles.root(folder) : null;
    }

    private static Path fileOf(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile().toPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void read(Path root, Resource file, String name, String baseName, Map<String, Resource> assets,
                      List<LessonSource> sources, List<LessonProblem> problems) {
        Path path = root == null ? null : fileOf(file);
        if (root != null && (path == null || !ContentFiles.isInside(root, path))) {
            problems.add(new LessonProblem(LessonParser.defaultSlug(baseName), name, 0,
                    "it is a symbolic link or lies outside the content folder; copy the file in instead of linking it"));
            return;
        }
        try (InputStream in = path == null ? file.getInputStream()
                : java.nio.channels.Channels.newInputStream(ContentFiles.open(root, path))) {
            byte[] bytes = in.readNBytes(MAX_LESSON_BYTES + 1);
            if (bytes.length > MAX_LESSON_BYTES) {
                problems.add(new LessonProblem(LessonParser.defaultSlug(baseName), name, 0,
                        "the file is larger than " + (MAX_LESSON_BYTES >> 20) + " MB; split it into several lessons"));
                return;
            }
            sources.add(new LessonSource(name, baseName, bytes, assets));
        } catch (IOException e) {
            problems.add(new LessonProblem(LessonParser.defaultSlug(baseName), name, 0,
                    "the file cannot be read (" + e.getMessage() + ")"));
        }
    }

    /** The images beside a folder lesson; on disk only regular files inside the content folder, opened safely. */
    private Map<String, Resource> assets(Path root, String location, String folder) throws IOException {
        Map<String, Resource> assets = new LinkedHashMap<>();
        for (Resource r : resolver.getResources(location + "/" + folder + "/*")) {
            String name = r.getFilename();
            if (name == null || !ASSET_NAME.matcher(name).matches()) {
                continue;
            }
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (!ASSET_TYPES.contains(ext)) {
                continue;
            }
            if (root == null) {
                if (r.isReadable()) {
                    assets.put(name, r);
                }
                continue;
            }
            Path path = fileOf(r);
            if (path != null && ContentFiles.isInside(root, path)) {
                assets.put(name, new ContentFiles.Image(root, path));
            } else {
                log.warn("Not serving {}/{}: it is a symbolic link or lies outside the content folder", folder, name);
            }
        }
        return Map.copyOf(assets);
    }

    private static String folderOf(Resource index) {
        try {
            String path = index.getURL().getPath();
            String[] parts = path.split("/");
            return parts.length >= 2 ? parts[parts.length - 2] : null;
        } catch (IOException e) {
            return null;
        }
    }
}
