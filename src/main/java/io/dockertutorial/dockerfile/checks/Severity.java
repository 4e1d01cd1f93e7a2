package io.dockertutorial.dockerfile.checks;

import java.util.Locale;

/** How bad a lint finding is: an error breaks the build, a warning is a real problem, info is advice. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
