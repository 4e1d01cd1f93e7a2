package io.dockertutorial.dockerfile.syntax;

/** A problem that stops BuildKit from building: where (1-based lines) and what, in plain words. */
public record ParseError(int line, int endLine, String message) {
}
