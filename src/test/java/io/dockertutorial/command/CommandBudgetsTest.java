package io.dockertutorial.command;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.budget.TooComplexException;
import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.checks.CommandChecks;
import io.dockertutorial.command.narration.Narrator;
import io.dockertutorial.command.syntax.CommandText;
import io.dockertutorial.command.syntax.ConsoleLines;
import io.dockertutorial.command.syntax.DockerParser;
import io.dockertutorial.command.syntax.Invocation;
import io.dockertutorial.command.syntax.ShellWords;
import io.dockertutorial.markdown.CodeFence;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command explainer checks the analysis deadline in every loop that grows with the text (lines, words,
 * commands, flags, findings), as the Dockerfile engine does: a text that runs out of time stops with "too complex".
 */
class CommandBudgetsTest {

    /** A console transcript of a long session: commands continued over two lines, a typo, output lines. */
    static String transcript(int commands) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < commands; i++) {
            s.append("$ docker run -d --name web").append(i).append(" -p ").append(8000 + i)
                    .append(":80 -v data:/data --restart unless-stopped --netwrok app \\\n  nginx:1.27 sh -c 'echo hi'\n")
                    .append("3f1c0a9b").append(i).append('\n');
        }
        return s.toString();
    }

    private static void expired(ThrowingCallable work) {
        try (var d = Deadline.open(Duration.ofNanos(1))) {
            assertThatThrownBy(work).isInstanceOf(TooComplexException.class)
                    .hasMessageStartingWith("too complex: the analysis did not finish within");
        }
    }

    @Test
    void aDeadlineThatRanOutStopsACommandText() {
        String text = transcript(200);
        CommandExplainer explainer = new CommandExplainer();
        CodeFence fence = CodeFence.parse("console", text, 0);
        expired(() -> explainer.explain(text));
        expired(() -> explainer.render(fence));
        // Outside a deadline nothing is checked.
        assertThat(explainer.explain(text).items()).hasSize(200);
        assertThat(explainer.explain(text).warnings()).hasSize(200);
        assertThat(explainer.render(fence)).contains("data-kind=\"command\"");
    }

    @Test
    void everyStageThatLoopsOverTheTextChecksTheDeadline() {
        String text = transcript(200);
        CliCatalog catalog = CliCatalog.DEFAULT;
        DockerParser parser = new DockerParser(catalog);
        CommandChecks checks = new CommandChecks(catalog);
        Narrator narrator = new Narrator(catalog);
        List<CommandText> commands = ConsoleLines.split(text, ConsoleLines.Mode.CONSOLE);
        CommandText first = commands.get(0);
        Invocation invocation = parser.parse(first).get(0);
        List<CommandChecks.Finding> findings = checks.check(invocation);
        assertThat(findings).isNotEmpty();
        CommandAnalysis analysis = CommandAnalysis.of(text, ConsoleLines.Mode.CONSOLE, catalog);

        expired(() -> ConsoleLines.split(text, ConsoleLines.Mode.CONSOLE));
        expired(() -> ShellWords.commands(first));
        expired(() -> parser.parse(first));
        expired(() -> checks.check(invocation));
        expired(() -> narrator.explain(invocation, findings, text));
        expired(() -> CommandAnalysis.of(text, ConsoleLines.Mode.CONSOLE, catalog));
        expired(analysis::toJson);
        expired(() -> CommandBlockHtml.render(CodeFence.parse("console", text, 0), analysis));
    }
}
