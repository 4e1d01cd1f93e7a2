package io.dockertutorial.dockerfile.checks;

/**
 * One lint finding.
 *
 * @param rule a stable id; Docker's build-check names for their checks ({@code UndefinedVar})
 * @param line the 1-based line it is about
 * @param url  the rule's documentation page, or {@code null} for our own rules
 */
public record Warning(String rule, Severity severity, int line, String message, String fix, String url) {
}
