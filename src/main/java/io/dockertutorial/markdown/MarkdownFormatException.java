package io.dockertutorial.markdown;

/** A lesson's Markdown holds a block we cannot render (a malformed quiz); {@code line} is 1-based within the Markdown. */
public final class MarkdownFormatException extends RuntimeException {

    private final int line;

    public MarkdownFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
