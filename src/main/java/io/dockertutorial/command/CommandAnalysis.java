package io.dockertutorial.command;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.checks.CommandChecks;
import io.dockertutorial.command.narration.Narrator;
import io.dockertutorial.command.syntax.CommandText;
import io.dockertutorial.command.syntax.ConsoleLines;
import io.dockertutorial.command.syntax.DockerParser;
import io.dockertutorial.command.syntax.Invocation;
import io.dockertutorial.explain.TextExplanation;

import java.util.ArrayList;
import java.util.List;

/** The pipeline for one block of commands: lines → docker commands → checks → notes. */
record CommandAnalysis(List<String> lines, List<Narrator.Explained> commands) {

    static CommandAnalysis of(String text, ConsoleLines.Mode mode, CliCatalog catalog) {
        DockerParser parser = new DockerParser(catalog);
        CommandChecks checks = new CommandChecks(catalog);
        Narrator narrator = new Narrator(catalog);
        List<String> lines = List.of(text.split("\r?\n", -1));
        List<Narrator.Explained> out = new ArrayList<>();
        for (CommandText command : ConsoleLines.split(text, mode)) {
            Deadline.check();
            String source = String.join("\n", lines.subList(command.startLine() - 1, command.endLine()));
            for (Invocation inv : parser.parse(command)) {
                out.add(narrator.explain(inv, checks.check(inv), source));
            }
        }
        return new CommandAnalysis(lines, List.copyOf(out));
    }

    TextExplanation toJson() {
        List<TextExplanation.Warning> warnings = new ArrayList<>();
        for (Narrator.Explained x : commands) {
            Deadline.check();
            for (CommandChecks.Finding f : x.findings()) {
                warnings.add(new TextExplanation.Warning(f.rule(), x.invocation().source().lineOf(f.start()), "warning",
                        f.message()));
            }
        }
        return new TextExplanation(CommandExplainer.KIND, commands.stream().map(Narrator.Explained::item).toList(),
                warnings, List.of());
    }
}
