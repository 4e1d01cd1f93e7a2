package io.dockertutorial.compose.checks;

/**
 * Something worth telling about a Compose file or a {@code .dockerignore}.
 *
 * @param rule     stable id, such as {@code compose-unknown-key}
 * @param severity {@code error} (Compose refuses the file), {@code warning} or {@code info} (a tip)
 * @param fix      what to write instead, or {@code null}
 */
public record Finding(String rule, int line, String severity, String message, String fix) {
}
