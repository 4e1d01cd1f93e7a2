package io.dockertutorial.lesson;

/**
 * A lesson file that could not be loaded: which file, which line (1-based, 0 when it is about the
 * whole file), what is wrong, and the slug its page would have had.
 */
public record LessonProblem(String slug, String source, int line, String message) {

    /** The message as the log and the error page show it, e.g. {@code 03-ports.md:4: …}. */
    public String describe() {
        return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
    }
}
