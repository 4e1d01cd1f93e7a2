package io.dockertutorial.dockerfile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine is a pipeline, syntax → state → checks → narration: each stage's classes use only their
 * own stage and earlier ones, so the folders show the order the work happens in.
 */
class EngineShapeTest {

    private static final List<String> STAGES = List.of("syntax", "state", "checks", "narration");
    private static final Path ROOT = Path.of("src/main/java/io/dockertutorial/dockerfile");
    private static final Pattern USE = Pattern.compile("io\\.dockertutorial\\.dockerfile\\.(\\w+)");

    @Test
    void eachStageUsesOnlyEarlierOnes() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (String stage : STAGES) {
            try (Stream<Path> sources = Files.list(ROOT.resolve(stage))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    Matcher m = USE.matcher(Files.readString(source));
                    while (m.find()) {
                        int used = STAGES.indexOf(m.group(1));
                        if (used > STAGES.indexOf(stage)) {
                            violations.add(source.getFileName() + " (" + stage + ") uses " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(50);
        assertThat(violations).isEmpty();
    }

    @Test
    void noSourceFileLeftOutsideTheStages() throws IOException {
        try (Stream<Path> top = Files.list(ROOT)) {
            assertThat(top.filter(p -> p.toString().endsWith(".java")).map(Path::getFileName).map(Path::toString))
                    .allMatch(name -> name.equals("package-info.java"));
        }
    }
}
