package io.dockertutorial.command;

import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.checks.CommandChecks;
import io.dockertutorial.command.narration.Narrator;
import io.dockertutorial.command.syntax.CommandText;
import io.dockertutorial.command.syntax.ConsoleLines;
import io.dockertutorial.command.syntax.DockerParser;
import io.dockertutorial.command.syntax.Invocation;
import io.dockertutorial.command.syntax.ShellWords;
import io.dockertutorial.markdown.CodeFence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.dockertutorial.support.ExpiredDeadline.assertStops;
import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void aDeadlineThatRanOutStopsACommandText() {
        String text = transcript(200);
        CommandExplainer explainer = new CommandExplainer();
        CodeFence fence = CodeFence.parse("console", text, 0);
        assertStops(() -> explainer.explain(text));
        assertStops(() -> explainer.render(fence));
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

        assertStops(() -> ConsoleLines.split(text, ConsoleLines.Mode.CONSOLE));
        assertStops(() -> ShellWords.commands(first));
        assertStops(() -> parser.parse(first));
        assertStops(() -> checks.check(invocation));
        assertStops(() -> narrator.explain(invocation, findings, text));
        assertStops(() -> CommandAnalysis.of(text, ConsoleLines.Mode.CONSOLE, catalog));
        assertStops(analysis::toJson);
        assertStops(() -> CommandBlockHtml.render(CodeFence.parse("console", text, 0), analysis));
    }
}
