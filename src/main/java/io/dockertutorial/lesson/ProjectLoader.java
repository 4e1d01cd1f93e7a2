package io.dockertutorial.lesson;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads the example projects that lessons name in their front matter ({@code project: examples/NAME})
 * and zips each once. Reads only regular files inside that folder of the content location: symbolic
 * links are skipped, a folder that resolves outside the content folder is refused, and each file is opened
 * without following links ({@link ContentFiles}). Hard links cannot be told apart from regular files. Size-limited, so
 * a stray {@code node_modules} cannot turn a download into hundreds of megabytes.
 */
final class ProjectLoader {

    static final String FOLDER = "examples";
    static final Pattern PATH = Pattern.compile(FOLDER + "/[A-Za-z0-9][A-Za-z0-9._-]*");
    static final int MAX_FILES = 200;
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** Folders a learner's copy never needs (tool output, caches, VCS data). */
    static final Set<String> SKIPPED = Set.of(".git", "node_modules", "__pycache__", ".venv", "venv", "target");
    /** A fixed time for every entry: the same files always give the same zip (stable ETag, reproducible export). */
    private static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    static final class ProjectException extends Exception {
        ProjectException(String message) {
            super(message);
        }
    }

    private final ResourcePatternResolver resolver;
    private final String location;
    /** Two lessons may share one project: it is read and zipped once per load. */
    private final Map<String, LessonProject> loaded = new ConcurrentHashMap<>();

    ProjectLoader(ResourcePatternResolver resolver, String location) {
        this.resolver = resolver;
        this.location = location;
    }

    LessonProject load(String path) throws ProjectException {
        if (!PATH.matcher(path).matches()) {
            throw new ProjectException("'project' must name a folder under content/" + FOLDER
                    + ", for example: project: " + FOLDER + "/hello-py (not '" + path + "')");
        }
        LessonProject cached = loaded.get(path);
        if (cached != null) {
            return cached;
        }
        Map<String, byte[]> files = read(path);
        if (files.isEmpty()) {
            throw new ProjectException("the project folder content/" + path + " does not exist or holds no files");
        }
        LessonProject project = new LessonProject(path, List.copyOf(files.keySet()),
                new LessonProject.Zip(zip(path.substring(FOLDER.length() + 1), files)));
        loaded.putIfAbsent(path, project);
        return project;
    }

    /** @return relative path to content, sorted */
    private Map<String, byte[]> read(String path) throws ProjectException {
        try {
            Resource folder = resolver.getResource(location + "/" + path);
            Path dir = fileOrNull(folder);
            if (dir != null) {
                return readFolder(dir, contentRoot());
            }
            return readArchive(path);
        } catch (IOException e) {
            throw new ProjectException("the project content/" + path + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private Path contentRoot() throws IOException {
        Path root = fileOrNull(resolver.getResource(location));
        if (root == null) {
            throw new IOException("the content folder is not a folder");
        }
        return root.toRealPath();
    }

    private static Path fileOrNull(Resource resource) {
        try {
            return resource.isFile() ? resource.getFile().toPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, byte[]> readFolder(Path dir, Path contentRoot) throws IOException, ProjectException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        Path real = dir.toRealPath();
        if (!real.startsWith(contentRoot)) {
            throw new ProjectException("the project folder resolves outside the content folder; copy the files in instead of linking them");
        }
        List<Path> paths;
        // Files.walk does not follow symbolic links unless asked to.
        try (Stream<Path> walk = Files.walk(real)) {
            paths = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !skipped(real.relativize(p).toString().replace('\\', '/')))
                    .sorted()
                    .toList();
        }
        long total = 0;
        for (Path p : paths) {
            String name = real.relativize(p).toString().replace('\\', '/');
            checkLimits(files.size() + 1, total);
            byte[] bytes;
            try {
                // Opened without following links and never read past what is left of the budget: a file swapped
                // for a link, or grown, since the walk is refused rather than followed or read whole.
                bytes = ContentFiles.read(contentRoot, p, (int) (MAX_BYTES - total));
            } catch (ContentFiles.TooLarge e) {
                bytes = null;
            }
            if (bytes == null) {
                checkLimits(files.size() + 1, MAX_BYTES + 1L);
                continue;
            }
            total += bytes.length;
            files.put(name, bytes);
        }
        return files;
    }

    /** Inside a jar (the shipped lessons when run with {@code java -jar}): nothing there lies outside content. */
    private Map<String, byte[]> readArchive(String path) throws IOException, ProjectException {
        Map<String, byte[]> files = new TreeMap<>();
        String marker = "/" + path + "/";
        long total = 0;
        for (Resource r : resolver.getResources(location + "/" + path + "/**")) {
            String url = r.getURL().toString();
            String entry = url.substring(url.lastIndexOf("!/") + 1);
            int at = entry.indexOf(marker);
            if (at < 0 || entry.endsWith("/")) {
                continue;
            }
            String name = entry.substring(at + marker.length());
            if (name.isEmpty() || skipped(name)) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                total += bytes.length;
                checkLimits(files.size() + 1, total);
                files.put(name, bytes);
            }
        }
        return files;
    }

    private static boolean skipped(String relative) {
        for (String part : relative.split("/")) {
            if (SKIPPED.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static void checkLimits(int count, long bytes) throws ProjectException {
        if (count > MAX_FILES) {
            throw new ProjectException("the project holds more than " + MAX_FILES + " files; keep example projects small");
        }
        if (bytes > MAX_BYTES) {
            throw new ProjectException("the project is larger than " + (MAX_BYTES >> 20) + " MB; keep example projects small");
        }
    }

    /** Entries go under one folder named like the project, so unzipping never scatters files. */
    private static byte[] zip(String name, Map<String, byte[]> files) throws ProjectException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(name + "/" + file.getKey());
                entry.setLastModifiedTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new ProjectException("the project could not be zipped (" + e.getMessage() + ")");
        }
        return out.toByteArray();
    }
}
