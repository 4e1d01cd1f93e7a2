package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.ShellCommand;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** How a RUN uses its shell: PipefailMissing (hadolint DL4006), CdInRun (DL3003), CurlPipeShell. */
public final class ShellRules implements Rule {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh");
    /** Producers whose failure a pipe cannot hide in practice (they print what they are given). */
    private static final Set<String> HARMLESS_PRODUCERS = Set.of("echo", "printf", "yes", "true", "cat");

    @Override
    public void check(Step step, Lint lint) {
        if (!step.is("RUN") || !step.immediate() || step.script == null) {
            return;
        }
        List<ShellCommand> commands = step.commands;
        boolean posix = step.before == null || isPosixShell(step.before.shell());
        boolean pipefail = step.before != null && step.before.shell().contains("pipefail")
                || step.script.contains("pipefail") || step.effective().heredocs().stream().anyMatch(h -> h.content().contains("pipefail"));
        boolean riskyPipe = false;
        for (int k = 0; k < commands.size(); k++) {
            ShellCommand c = commands.get(k);
            ShellCommand next = k + 1 < commands.size() ? commands.get(k + 1) : null;
            if (c.pipedOut() && next != null) {
                riskyPipe |= !HARMLESS_PRODUCERS.contains(c.name());
                if ((c.name().equals("curl") || c.name().equals("wget")) && SHELLS.contains(next.name())) {
                    lint.warn(step, "CurlPipeShell", Map.of());
                }
            }
        }
        if (riskyPipe && posix && !pipefail) {
            lint.warn(step, "PipefailMissing", Map.of());
        }
        cd(step, lint, commands);
    }

    private static void cd(Step step, Lint lint, List<ShellCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        ShellCommand last = commands.get(commands.size() - 1);
        if (last.name().equals("cd") && !last.nested()) {
            String path = last.args().isEmpty() ? "~" : last.args().get(0);
            if (!path.matches("/|\\.\\.|-|~|\\$HOME|/root")) {
                lint.warn(step, "CdAtEndOfRun", Map.of("path", path));
            }
            return;
        }
        ShellCommand first = commands.get(0);
        if (first.name().equals("cd") && !first.nested() && first.args().size() == 1) {
            String path = first.args().get(0);
            if (path.startsWith("/") && !path.equals("/") && !path.contains("$") && !path.contains("..")
                    && !path.startsWith("/tmp")) {
                lint.warn(step, "CdInRun", Map.of("path", path));
            }
        }
    }

    public static boolean isPosixShell(List<String> shell) {
        if (shell == null || shell.isEmpty()) {
            return true;
        }
        String program = shell.get(0).replace('\\', '/');
        String name = program.substring(program.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        return SHELLS.contains(name);
    }
}
