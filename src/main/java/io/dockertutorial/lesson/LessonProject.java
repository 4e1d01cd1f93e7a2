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
}
