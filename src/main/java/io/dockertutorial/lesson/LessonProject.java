package io.dockertutorial.lesson;

import java.util.List;

/**
 * A lesson's example project: the files of one folder under {@code content/examples/}, offered on the
 * lesson page as a zip so the learner has every file the hands-on steps need.
 *
 * @param path  the folder relative to the content folder, as the front matter names it ({@code examples/hello-py})
 * @param files the project's files relative to its folder, with {@code /} separators, sorted
 */
public record LessonProject(String path, List<String> files, Zip zip) {

    /** The zip's bytes, made once when the course loads (records compare arrays by identity: wrapped). */
    public record Zip(byte[] bytes) {
    }

    public LessonProject {
        files = List.copyOf(files);
    }

    /** The folder's own name ({@code hello-py}): the zip unpacks into a folder of that name. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The download's file name, {@code hello-py.zip}. */
    public String zipName() {
        return name() + ".zip";
    }

    public byte[] zipBytes() {
        return zip.bytes().clone();
    }

    public int zipSize() {
        return zip.bytes().length;
    }

    /**
     * The text of the project's {@code .dockerignore}, or {@code null} when it has none: the "change a file"
     * control needs it. Read from the zip, the one copy of the files kept after loading.
     */
    public String dockerignore() {
        String wanted = name() + "/.dockerignore";
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.bytes()))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(wanted)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** What the page's Dockerfile blocks need to know about the project. */
    io.dockertutorial.markdown.ProjectFiles forPage() {
        return new io.dockertutorial.markdown.ProjectFiles(files, dockerignore());
    }
}
