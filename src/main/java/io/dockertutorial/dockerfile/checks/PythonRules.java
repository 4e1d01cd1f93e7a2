package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.RunEffects;
import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.ShellCommand;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dependency installs: PipNoCacheDir (hadolint DL3042), FileNotCopiedYet, MigrationsAtBuild and
 * CopyAllBeforeInstall.
 */
final class PythonRules implements Rule {

    private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
    private static final Pattern MIGRATIONS = Pattern.compile("manage\\.py\\s+(makemigrations|migrate)\\b");

    @Override
    public void check(Step step, Lint lint) {
        if (!step.is("RUN") || !step.immediate() || step.script == null) {
            return;
        }
        Set<String> createdHere = new HashSet<>();
        boolean openHere = false;
        for (ShellCommand c : step.commands) {
            boolean pip = c.name().startsWith("pip") && PIP.matcher(c.name()).matches() && c.subcommand().equals("install")
                    || c.name().startsWith("python") && c.args().size() >= 3 && c.args().get(0).equals("-m")
                    && PIP.matcher(c.args().get(1)).matches() && c.args().contains("install");
            if (pip) {
                pipInstall(step, lint, c, createdHere, openHere);
            }
            Matcher migrations = MIGRATIONS.matcher(c.line());
            if (migrations.find()) {
                Map<String, String> hints = lint.catalog().rule("MigrationsAtBuild").hints();
                lint.warn(step, "MigrationsAtBuild", Map.of("why", hints.get(migrations.group(1) + "_why"),
                        "fix", hints.get(migrations.group(1) + "_fix")));
            }
            RunEffects.Created created = RunEffects.created(c);
            createdHere.addAll(created.files());
            openHere |= created.unnamed();
        }
        copyAllBeforeInstall(step, lint);
    }

    private static void pipInstall(Step step, Lint lint, ShellCommand c, Set<String> createdHere, boolean openHere) {
        String mount = String.join(" ", step.effective().flags()); // every --mount, not only the first
        // pip accepts an unambiguous prefix of a long option: --no-cache is --no-cache-dir
        boolean noCache = c.args().stream().anyMatch(a -> a.length() >= "--no-cache".length() && "--no-cache-dir".startsWith(a));
        if (!noCache && !mount.contains("type=cache") && step.before != null
                && !step.before.knows("PIP_NO_CACHE_DIR") && AptRules.inFinalImage(step, lint)) {
            lint.warn(step, "PipNoCacheDir", Map.of());
        }
        String file = RunEffects.value(c.args(), "-r", "--requirement");
        if (file == null || file.contains("$") || openHere || step.before == null || !step.stage.baseKnown
                || step.before.filesOpen()) {
            return;
        }
        String base = file.substring(file.lastIndexOf('/') + 1);
        Map<String, String> files = step.before.files();
        boolean mounted = mount.contains("type=bind") || mount.contains(base);
        if (!files.containsKey(file) && !files.containsKey(base) && !createdHere.contains(file) && !mounted) {
            lint.warn(step, "FileNotCopiedYet", Map.of("file", file));
        }
    }

    private static void copyAllBeforeInstall(Step step, Lint lint) {
        StageState stage = step.stage;
        if (stage == null || stage.copyAllLine == 0 || stage.copyAllLine > step.line() || stage.targetedCopy) {
            return;
        }
        List<Catalog.DependencyInstall> installs = lint.catalog().dependencyInstalls();
        Catalog.DependencyInstall dependencies = installs.stream().filter(d -> d.match().matcher(step.script).find())
                .findFirst().orElse(null);
        if (dependencies != null) {
            Step copyAll = lint.steps().stream().filter(s -> s.line() == stage.copyAllLine).findFirst().orElse(step);
            lint.findings().warn(copyAll.instruction, "CopyAllBeforeInstall", stage.copyAllLine,
                    Map.of("line", step.line(), "files", dependencies.files()));
            stage.copyAllLine = 0;
        }
    }
}
