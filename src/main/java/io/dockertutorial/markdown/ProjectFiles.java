package io.dockertutorial.markdown;

import java.util.List;

/**
 * The example project a page's code blocks belong to (a lesson's {@code project:}): its file paths and its
 * {@code .dockerignore}, so a Dockerfile block can show what a change to each file rebuilds.
 *
 * @param files        paths relative to the project folder, {@code /}-separated
 * @param dockerignore the text of its {@code .dockerignore}, or {@code null} when it has none
 */
public record ProjectFiles(List<String> files, String dockerignore) {

    public static final ProjectFiles NONE = new ProjectFiles(List.of(), null);

    public ProjectFiles {
        files = List.copyOf(files);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
