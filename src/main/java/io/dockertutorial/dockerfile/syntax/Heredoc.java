package io.dockertutorial.dockerfile.syntax;

/**
 * A here-document carried by RUN, COPY or ADD ({@code <<EOF} … {@code EOF}).
 *
 * @param content        the raw body, every line with its newline, leading tabs kept
 * @param expand         whether variables in the body are expanded (the delimiter was not quoted)
 * @param chomp          {@code <<-}: leading tabs are stripped from the body and the delimiter
 * @param startLine      first body line (1-based), or the delimiter's line for an empty body
 * @param endLine        the delimiter's closing line
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp, int fileDescriptor,
                      int startLine, int endLine) {
}
