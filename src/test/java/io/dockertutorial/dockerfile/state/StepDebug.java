package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.checks.Catalog;
import io.dockertutorial.dockerfile.checks.Findings;
import io.dockertutorial.dockerfile.checks.LintOptions;
import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Prints the walk of one Dockerfile (a debugging aid: java … StepDebug FILE [LINE]). */
final class StepDebug {
    public static void main(String[] args) throws Exception {
        Catalog catalog = Catalog.get();
        ParsedDockerfile parsed = new DockerfileParser().parse(Files.readString(Path.of(args[0])));
        BuildWalk walk = new BuildWalk(parsed, Map.of(), new Findings(catalog, LintOptions.DEFAULTS),
                catalog.baseImages()).walk();
        for (Step s : walk.steps) {
            if (args.length > 1 && s.line() != Integer.parseInt(args[1])) {
                continue;
            }
            System.out.println(s.line() + " " + s.instruction.keyword() + " script=" + s.script);
            s.commands.forEach(c -> System.out.println("   " + c.name() + " " + c.args()));
            if (s.after != null) {
                System.out.println("   state " + s.after.toImageState());
            }
        }
    }
}
