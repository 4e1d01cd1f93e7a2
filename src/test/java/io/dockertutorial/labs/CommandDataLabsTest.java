package io.dockertutorial.labs;

import io.dockertutorial.command.catalog.CliCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing in {@code command/docker.yml} is invented: every command path (aliases too) is one the labs
 * engine's CLI (Docker 28.5, with its Buildx and Compose plugins) answers {@code --help} for, and every flag
 * is listed there, with the same shorthand and the same need for a value.
 */
class CommandDataLabsTest {

    @Test
    void everyCommandAndFlagInTheDataIsOneTheRealCliAccepts() {
        DockerEngine engine = DockerEngine.get();
        String version = engine.dockerOk(Duration.ofSeconds(30), "version", "-f", "{{.Client.Version}}").strip();
        System.out.println("labs: checking command/docker.yml against docker " + version);
        assertThat(version).startsWith("28.5");
        CliCatalog catalog = CliCatalog.DEFAULT;
        List<String> problems = new ArrayList<>();
        int flags = 0;
        for (String path : catalog.paths()) {
            List<String> words = path.isEmpty() ? List.of() : Arrays.asList(path.split(" "));
            String text = engine.help(words);
            if (!text.contains("Usage:")) {
                problems.add("docker " + path + ": not a command of this CLI");
                continue;
            }
            CliCheck.Help help = CliCheck.Help.parse(text);
            for (CliCatalog.Flag f : new java.util.LinkedHashSet<>(catalog.command(path).flags().values())) {
                flags++;
                String where = "docker " + path + " " + f.name();
                if (f.longName() != null) {
                    Boolean value = help.longFlags().get(f.longName().substring(2));
                    if (value == null) {
                        problems.add(where + ": --help does not list it");
                    } else if (value != f.takesValue()) {
                        problems.add(where + ": takes a value per --help: " + value);
                    }
                }
                if (f.shortName() != null) {
                    Boolean value = help.shortFlags().get(f.shortName().charAt(1));
                    if (value == null || value != f.takesValue()) {
                        problems.add(where + ": shorthand " + f.shortName() + " is not the CLI's");
                    } else if (f.longName() != null && !Pattern.compile("(?m)^\\s+" + Pattern.quote(f.shortName() + ", "
                            + f.longName()) + "\\b").matcher(text).find()) {
                        problems.add(where + ": " + f.shortName() + " is not the shorthand of " + f.longName());
                    }
                }
            }
        }
        System.out.println("labs: " + catalog.paths().size() + " command paths, " + flags + " flags checked");
        assertThat(problems).isEmpty();
    }
}
