package io.dockertutorial.dockerfile.syntax;

/**
 * The parser directives at the top of a Dockerfile.
 *
 * @param syntax  {@code # syntax=} value, or {@code null}
 * @param escape  the escape character, {@code \} unless {@code # escape=`}
 * @param check   {@code # check=} value, or {@code null}
 * @param lastLine the last line holding a directive (0 when there is none)
 */
public record Directives(String syntax, char escape, String check, int lastLine) {
}
