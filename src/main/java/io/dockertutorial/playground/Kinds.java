package io.dockertutorial.playground;

import java.util.regex.Pattern;

/**
 * Guesses which kind of Docker text the learner typed, for the playground's "Automatic" choice. The same
 * rules, in the same order, are in {@code static/js/playground-kinds.js} for the live preview.
 */
final class Kinds {

    static final String AUTO = "auto";

    private static final Pattern COMPOSE = Pattern.compile("(?m)^services:\\s*(?:#.*)?$");
    private static final Pattern COMMAND = Pattern.compile("^\\s*(?:\\$\\s+|PS[^>]*>\\s*)?docker(?:\\s|$)");
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)^\\s*(?:FROM|ARG|RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|"
            + "WORKDIR|USER|EXPOSE|LABEL|VOLUME|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|MAINTAINER)(?:\\s|$)");

    private Kinds() {
    }

    static String guess(String text) {
        if (COMPOSE.matcher(text).find()) {
            return "compose";
        }
        String first = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
        if (COMMAND.matcher(first).find()) {
            return "command";
        }
        if (first.isEmpty() || INSTRUCTION.matcher(first).find()) {
            return "dockerfile";
        }
        // Patterns have no spaces; every Dockerfile line starts with an instruction and an argument.
        boolean patterns = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .allMatch(l -> !l.contains(" "));
        return patterns ? "dockerignore" : "dockerfile";
    }
}
