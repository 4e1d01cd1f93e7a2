package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Heredoc;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ShellScript;
import io.dockertutorial.dockerfile.syntax.Texts;
import io.dockertutorial.dockerfile.syntax.WindowsScript;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The explanation of RUN: which shell runs it, how its commands are joined, what has no notes. */
final class RunStory {

    private RunStory() {
    }

    static void tell(Narrator n, Step step, List<String> out) {
        Instruction e = step.effective();
        if (e.json()) {
            n.say(out, step, "exec_form", Map.of("program", e.arguments().isEmpty() ? "" : e.arguments().get(0)));
            return;
        }
        List<String> shell = step.before != null ? step.before.shell() : List.of("/bin/sh", "-c");
        if (!e.heredocs().isEmpty()) {
            List<String> names = e.heredocs().stream().map(Heredoc::name).toList();
            n.say(out, step, "heredoc", Map.of("names", String.join(", ", names), "first", names.get(0)));
        } else {
            n.say(out, step, "shell_form", Map.of("shell", String.join(" ", shell),
                    "command", Texts.abbreviate(step.script, 90), "origin", origin(n, step)));
        }
        if (step.stage != null && step.stage.noShell && step.before != null && step.before.shellLine() == 0) {
            n.say(out, step, "no_shell", Map.of("image", String.valueOf(step.stage.baseImage)));
        }
        if (!WindowsScript.isPosixShell(shell)) {
            String program = shell.get(0).toLowerCase(java.util.Locale.ROOT);
            n.say(out, step, program.contains("powershell") || program.contains("pwsh") ? "shell_powershell" : "shell_cmd", Map.of());
            Set<String> unknown = n.unknownCommands(step);
            if (!unknown.isEmpty()) {
                n.say(out, step, "unknown_command", Map.of("names", String.join(", ", unknown)));
            }
            return;
        }
        n.say(out, step, "shell_posix", Map.of());
        String script = step.script;
        boolean sequence = ShellScript.hasSequence(script) || !e.heredocs().isEmpty();
        int count = step.commands.size();
        if (sequence && count > 1) {
            boolean errexit = script.matches("(?s).*\\bset\\s+(?:-[a-zA-Z]*e[a-zA-Z]*|-o\\s+errexit)\\b.*")
                    || e.heredocs().stream().anyMatch(h -> h.content().matches("(?s).*\\bset\\s+-[a-zA-Z]*e.*"));
            n.say(out, step, errexit ? "script_errexit" : "script_sequence", Map.of("count", count));
        } else {
            int chained = ShellScript.countAnd(script);
            if (chained > 0) {
                n.say(out, step, "chain", Map.of("count", chained + 1));
            }
        }
        Set<String> unknown = n.unknownCommands(step);
        if (!unknown.isEmpty()) {
            n.say(out, step, "unknown_command", Map.of("names", String.join(", ", unknown)));
        }
    }

    static String origin(Narrator n, Step step) {
        if (step.before == null) {
            return "";
        }
        if (step.before.shellLine() != 0) {
            return n.phrase("shell_origin_line", Map.of("line", step.before.shellLine()));
        }
        return step.stage != null && step.stage.windows ? n.phrase("shell_origin_windows", Map.of()) : "";
    }
}
