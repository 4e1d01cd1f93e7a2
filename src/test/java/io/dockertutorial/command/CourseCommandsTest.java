package io.dockertutorial.command;

import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.explain.TextExplanation;
import io.dockertutorial.lesson.CourseLoader;
import io.dockertutorial.markdown.CodeFence;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every docker command in the course is explained: its command is one the data knows, every flag has a
 * note, nothing the course writes is flagged as wrong (the course's commands are checked against the real
 * CLI by the labs), and every console block with a docker command becomes an explainer.
 */
class CourseCommandsTest {

    private final CommandExplainer explainer = new CommandExplainer();

    private List<CodeFence> commandFences() {
        List<CodeFence> fences = new ArrayList<>();
        new CourseLoader(new MarkdownRenderer(fence -> {
            if (io.dockertutorial.command.syntax.ConsoleLines.Mode.ofLanguage(fence.language()) != null) {
                fences.add(fence);
            }
            return null;
        })).load("classpath:content");
        return fences;
    }

    @Test
    void everyDockerCommandInTheCourseIsKnownFlagByFlag() {
        List<String> failures = new ArrayList<>();
        int commands = 0;
        int flags = 0;
        for (CodeFence fence : commandFences()) {
            TextExplanation result = explainer.explain(fence.code());
            for (TextExplanation.Warning w : result.warnings()) {
                failures.add(w.message() + "\n  in: " + fence.code().lines().skip(w.line() - 1).findFirst().orElse(""));
            }
            for (TextExplanation.Item item : result.items()) {
                commands++;
                if (item.summary().contains("does not cover") || item.summary().contains("not a command")) {
                    failures.add("not explained: " + item.source());
                }
                for (TextExplanation.Flag f : item.flags()) {
                    flags++;
                    assertThat(f.explanation()).as(f.name() + " in " + item.source()).isNotBlank().doesNotContainPattern("\\{[a-z]+}");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(commands).isGreaterThan(150);
        assertThat(flags).isGreaterThan(150);
    }

    @Test
    void everyConsoleBlockWithADockerCommandRendersAsAnExplainer() {
        int explainers = 0;
        for (CodeFence fence : commandFences()) {
            boolean docker = !explainer.explain(fence.code()).items().isEmpty();
            String html = explainer.render(fence);
            assertThat(html != null).as(fence.code()).isEqualTo(docker);
            if (html != null) {
                explainers++;
                assertThat(html).contains("data-explainer").doesNotContain("data-span=\"\"");
            }
        }
        assertThat(explainers).isGreaterThan(60);
    }

    @Test
    void theDataIsWellFormed() {
        CliCatalog catalog = CliCatalog.DEFAULT;
        List<String> problems = new ArrayList<>();
        for (String path : catalog.paths()) {
            CliCatalog.Command c = catalog.command(path);
            if (c.text() == null || c.text().isBlank() || c.text().equals("null")) {
                problems.add(path + ": no text");
            }
            if (!path.isEmpty() && !path.contains(" ") && catalog.command("") == null) {
                problems.add("no entry for docker itself");
            }
            // every parent of a path exists, so the CLI's words lead there
            int space = path.lastIndexOf(' ');
            if (space > 0 && catalog.command(path.substring(0, space)) == null) {
                problems.add(path + ": its parent " + path.substring(0, space) + " has no entry");
            }
            for (int k = 0; k < c.arguments().size(); k++) {
                if (c.arguments().get(k).rest() && k != c.arguments().size() - 1) {
                    problems.add(path + ": only the last argument may take the rest");
                }
            }
            for (CliCatalog.Flag f : c.flags().values()) {
                if (f.summary() == null || f.summary().isBlank() || f.summary().equals("null")) {
                    problems.add(path + " " + f.name() + ": no summary");
                }
                if (!f.takesValue() && (f.text().matches("(?s).*\\{[a-z]+}.*") || !f.cases().isEmpty())) {
                    problems.add(path + " " + f.name() + ": a flag without a value cannot use {value} or cases");
                }
                if (f.read() != null && !List.of("port", "volume", "mount", "env", "restart", "network", "user",
                        "size", "image", "choice").contains(f.read())) {
                    problems.add(path + " " + f.name() + ": unknown reader " + f.read());
                }
                if (f.shortName() != null && !f.shortName().matches("-[A-Za-z]")) {
                    problems.add(path + " " + f.name() + ": bad shorthand " + f.shortName());
                }
                if (f.longName() != null && !f.longName().matches("--[a-z][a-zA-Z0-9-]*")) {
                    problems.add(path + " " + f.name() + ": bad name");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(catalog.command("run")).isSameAs(catalog.command("container run"));
        assertThat(catalog.command("build")).isSameAs(catalog.command("buildx build"));
    }
}
