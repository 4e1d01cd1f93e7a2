package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.ShellCommand;
import io.dockertutorial.dockerfile.syntax.WindowsScript;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** How a RUN uses its shell: PipefailMissing (hadolint DL4006), CdInRun (DL3003), CurlPipeShell. */
public final class ShellRules implements Rule {

    private static final Set<String> SHELLS = Set.of("sh", "bash", "zsh", "dash", "ash", "ksh");
    /** Producers that fail for reasons outside the script: the network, a server, a remote repository. */
    private static final Set<String> FALLIBLE_PRODUCERS = Set.of("curl", "wget", "fetch", "aria2c", "git", "gh", "aws",
            "gsutil", "az", "http", "nc", "ssh", "scp", "lftp");
    /**
     * Consumers that succeed on empty input, so a failed producer goes unnoticed: a shell or interpreter reading its
     * script from the pipe runs nothing, a filter or tee writes nothing. Not tar, gunzip, gpg --import, sha256sum -c
     * or grep -q: they fail on empty input, so the pipe already checks itself.
     */
    private static final Set<String> ACCEPTS_EMPTY = Set.of("sh", "bash", "dash", "ash", "zsh", "ksh", "tee", "cat",
            "sed", "awk", "gawk", "mawk", "sort", "uniq", "head", "tail", "cut", "tr", "jq", "xargs", "dd", "base64",
            "envsubst");
    private static final Set<String> INTERPRETERS = Set.of("python", "python3", "perl", "node", "ruby", "php");

    @Override
    public void check(Step step, Lint lint) {
        if (!step.is("RUN") || !step.immediate() || step.script == null) {
            return;
        }
        List<ShellCommand> commands = step.commands;
        boolean posix = step.before == null || WindowsScript.isPosixShell(step.before.shell());
        boolean pipefail = step.before != null && step.before.shell().contains("pipefail")
                || step.script.contains("pipefail") || step.effective().heredocs().stream().anyMatch(h -> h.content().contains("pipefail"));
        boolean riskyPipe = false;
        for (int k = 0; k < commands.size(); k++) {
            ShellCommand c = commands.get(k);
            ShellCommand next = k + 1 < commands.size() ? commands.get(k + 1) : null;
            if (c.pipedOut() && next != null) {
                riskyPipe |= !c.nested() && FALLIBLE_PRODUCERS.contains(c.name()) && acceptsEmpty(next);
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

    /** True when {@code c}, reading a pipe, succeeds on empty input. */
    static boolean acceptsEmpty(ShellCommand c) {
        if (ACCEPTS_EMPTY.contains(c.name())) {
            return true;
        }
        if (!INTERPRETERS.contains(c.name())) {
            return false;
        }
        // python3 - / php -- --install-dir=…: the script comes from the pipe; python3 app.py reads its own file
        for (String a : c.args()) {
            if (a.equals("-") || a.equals("--")) {
                return true;
            }
            if (!a.startsWith("-")) {
                return false;
            }
        }
        return true;
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
}
