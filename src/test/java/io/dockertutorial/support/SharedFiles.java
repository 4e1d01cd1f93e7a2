package io.dockertutorial.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finds material in {@code ../shared} (the seed, BuildKit's corpora). Where it is missing the
 * test is skipped with a clear message, except under {@code CI=true}, where it fails.
 */
public final class SharedFiles {

    private SharedFiles() {
    }

    public static Path require(String relative) {
        Path base = Path.of(System.getProperty("shared.dir", "../shared"));
        Path path = base.resolve(relative);
        if (!Files.exists(path)) {
            String message = "Test material " + path.toAbsolutePath() + " is missing (../shared is not beside the project)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message + "; skipped");
        }
        return path;
    }
}
