package io.dockertutorial.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dockertutorial.command.CommandExplainer;
import io.dockertutorial.explain.TextExplanation;
import io.dockertutorial.markdown.CodeFence;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the command explainer (Jazzer): any text, read as a transcript or a script, never
 * throws, keeps its items' lines inside the text and in order, and renders. {@code ./mvnw -Pfuzz test} fuzzes.
 */
class CommandFuzzTest {

    private static final CommandExplainer EXPLAINER = new CommandExplainer();

    @FuzzTest(maxExecutions = 10_000)
    void anyTextIsExplainedOrIgnoredNeverThrows(String text) {
        if (text == null) {
            return;
        }
        String input = text.length() > 4096 ? text.substring(0, 4096) : text;
        TextExplanation result = EXPLAINER.explain("docker " + input);
        int lines = ("docker " + input).split("\r?\n", -1).length;
        int previous = 0;
        for (TextExplanation.Item item : result.items()) {
            assertThat(item.startLine()).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(1);
            assertThat(item.endLine()).isBetween(item.startLine(), lines);
            previous = item.startLine();
        }
        result.warnings().forEach(w -> assertThat(w.line()).isBetween(1, lines));
        for (String language : new String[]{"console", "bash", "powershell"}) {
            EXPLAINER.render(CodeFence.parse(language, "$ docker " + input, 1));
        }
    }
}
