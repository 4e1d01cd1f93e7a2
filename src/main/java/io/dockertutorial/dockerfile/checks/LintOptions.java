package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.syntax.Dockerignore;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the linter knows beyond the Dockerfile: build arguments given on the command line, the
 * {@code .dockerignore}, and the {@code # check=} configuration (skip rules, make warnings errors,
 * enable experimental rules).
 *
 * @param checkGiven a check configuration was given from outside (BuildKit's BUILDKIT_DOCKERFILE_CHECK build
 *                   argument); as in BuildKit it replaces the file's own {@code # check=} directive
 */
public record LintOptions(Map<String, String> buildArgs, Dockerignore dockerignore, Set<String> skip,
                          boolean skipAll, boolean errorOnWarnings, Set<String> experimental, boolean checkGiven) {

    public static final LintOptions DEFAULTS = new LintOptions(Map.of(), Dockerignore.NONE, Set.of(), false, false, Set.of(),
            false);

    /** Applies a {@code check=} value, e.g. {@code skip=JSONArgsRecommended;error=true;experimental=all}. */
    public LintOptions withCheck(String check) {
        if (check == null || check.isBlank()) {
            return this;
        }
        Set<String> newSkip = new java.util.HashSet<>(skip);
        Set<String> newExperimental = new java.util.HashSet<>(experimental);
        boolean all = skipAll;
        boolean error = errorOnWarnings;
        for (String part : check.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            String value = kv[1].strip();
            switch (key) {
                case "skip" -> {
                    for (String r : value.split(",")) {
                        if (r.strip().equalsIgnoreCase("all")) {
                            all = true;
                        } else {
                            newSkip.add(r.strip());
                        }
                    }
                }
                case "error" -> error = Boolean.parseBoolean(value);
                case "experimental" -> {
                    for (String r : value.split(",")) {
                        newExperimental.add(r.strip());
                    }
                }
                default -> {
                }
            }
        }
        return new LintOptions(buildArgs, dockerignore, Set.copyOf(newSkip), all, error, Set.copyOf(newExperimental), true);
    }

    public LintOptions withBuildArgs(Map<String, String> args) {
        return new LintOptions(Map.copyOf(args), dockerignore, skip, skipAll, errorOnWarnings, experimental, checkGiven);
    }

    public LintOptions withDockerignore(String content) {
        return new LintOptions(buildArgs, Dockerignore.parse(content), skip, skipAll, errorOnWarnings, experimental,
                checkGiven);
    }

    boolean skipped(String rule) {
        return skipAll || skip.contains(rule);
    }

    boolean experimental(String rule) {
        return experimental.contains(rule) || experimental.contains("all");
    }
}
