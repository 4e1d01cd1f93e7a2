package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Catalog;
import io.dockertutorial.dockerfile.checks.Findings;
import io.dockertutorial.dockerfile.checks.LintOptions;
import io.dockertutorial.dockerfile.checks.Severity;
import io.dockertutorial.dockerfile.checks.Warning;
import io.dockertutorial.dockerfile.state.BuildWalk;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.ParseError;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import io.dockertutorial.dockerfile.syntax.ShellCommand;
import io.dockertutorial.dockerfile.syntax.WindowsScript;
import io.dockertutorial.support.SharedFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The real-world corpus (../shared/corpus/realworld: about 120 public Dockerfiles, read in place)
 * measured: every finding, and how many of the shell commands and flags inside RUN the explainer
 * explains. {@link #main} prints the figures.
 */
final class RealWorldCorpus {

    /** One finding: file name, line, rule, severity. */
    record Finding(String file, int line, String rule, Severity severity, String message) {
        String key() {
            return file + "\t" + line + "\t" + rule;
        }
    }

    record Coverage(int commands, int commandsExplained, int flags, int flagsExplained,
                    Map<String, Integer> unknownCommands, Map<String, Integer> unknownFlags) {
        double commandShare() {
            return commands == 0 ? 1 : commandsExplained / (double) commands;
        }

        double flagShare() {
            return flags == 0 ? 1 : flagsExplained / (double) flags;
        }
    }

    final Map<String, String> files = new TreeMap<>();
    final List<Finding> findings = new ArrayList<>();
    final List<Finding> errors = new ArrayList<>();
    Coverage coverage;

    static RealWorldCorpus load() {
        return load(name -> true);
    }

    /** The corpus files whose names {@code which} accepts (see {@link CorpusSplit}). */
    static RealWorldCorpus load(java.util.function.Predicate<String> which) {
        Path dir = SharedFiles.require("corpus/realworld/files");
        RealWorldCorpus corpus = new RealWorldCorpus();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                if (which.test(name)) {
                    corpus.files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        corpus.measure();
        return corpus;
    }

    private void measure() {
        Explainer explainer = new Explainer();
        Catalog catalog = Catalog.get();
        CommandCatalog commands = CommandCatalog.get();
        int cmdTotal = 0;
        int cmdKnown = 0;
        int flagTotal = 0;
        int flagKnown = 0;
        Map<String, Integer> unknownCommands = new TreeMap<>();
        Map<String, Integer> unknownFlags = new TreeMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Analysis a = explainer.explain(f.getValue());
            for (Warning w : a.warnings()) {
                findings.add(new Finding(f.getKey(), w.line(), w.rule(), w.severity(), w.message()));
            }
            for (ParseError e : a.errors()) {
                errors.add(new Finding(f.getKey(), e.line(), "error", Severity.ERROR, e.message()));
            }
            // The commands the explainer meets inside RUN (POSIX shells, PowerShell and cmd).
            Findings none = new Findings(catalog, LintOptions.DEFAULTS);
            ParsedDockerfile parsed = new DockerfileParser().parse(f.getValue());
            BuildWalk walk = new BuildWalk(parsed, Map.of(), none, catalog.baseImages()).walk();
            for (Step s : walk.steps) {
                if (!s.is("RUN") || s.commands.isEmpty()) {
                    continue;
                }
                CommandCatalog cat = WindowsScript.isPosixShell(s.before == null ? null : s.before.shell()) ? commands
                        : CommandCatalog.windows();
                for (ShellCommand c : s.commands) {
                    cmdTotal++;
                    if (cat.knows(c)) {
                        cmdKnown++;
                    } else {
                        unknownCommands.merge(c.name(), 1, Integer::sum);
                    }
                    for (CommandCatalog.FlagUse use : cat.flags(c)) {
                        flagTotal++;
                        if (use.text() != null) {
                            flagKnown++;
                        } else {
                            unknownFlags.merge(c.name() + " " + use.flag(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        coverage = new Coverage(cmdTotal, cmdKnown, flagTotal, flagKnown, unknownCommands, unknownFlags);
    }

    /** Findings per rule. */
    Map<String, Integer> byRule() {
        Map<String, Integer> out = new TreeMap<>();
        findings.forEach(f -> out.merge(f.rule() + " (" + f.severity().label() + ")", 1, Integer::sum));
        return out;
    }

    static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public static void main(String[] args) {
        RealWorldCorpus c = load();
        System.out.println("files: " + c.files.size() + ", errors: " + c.errors.size() + ", findings: " + c.findings.size());
        c.errors.forEach(e -> System.out.println("ERROR\t" + e.key() + "\t" + e.message()));
        System.out.println(c.byRule());
        Coverage cov = c.coverage;
        System.out.printf("commands %d/%d = %.1f%%, flags %d/%d = %.1f%%%n", cov.commandsExplained(), cov.commands(),
                100 * cov.commandShare(), cov.flagsExplained(), cov.flags(), 100 * cov.flagShare());
        System.out.println("unknown commands: " + top(cov.unknownCommands(), 400));
        System.out.println("unknown flags: " + top(cov.unknownFlags(), 600));
        if (args.length > 0 && args[0].equals("findings")) {
            c.findings.forEach(f -> System.out.println("F\t" + f.key() + "\t" + f.severity().label() + "\t" + f.message()));
        }
    }
}
