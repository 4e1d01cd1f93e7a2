package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.Texts;

import java.util.List;
import java.util.Map;

/**
 * The explanation of CMD and ENTRYPOINT, told with the state around them: the ENTRYPOINT in force,
 * the shell, the stop signal of the final stage, and what {@code docker run} starts.
 */
final class CommandStory {

    private CommandStory() {
    }

    static void tell(Narrator n, Step step, List<String> out) {
        Instruction e = step.effective();
        String signal = finalSignal(n, step);
        List<String> a = e.arguments();
        if (e.json()) {
            if (a.isEmpty()) {
                if (e.is("CMD")) {
                    n.say(out, step, "empty", Map.of());
                }
                return;
            }
            String program = a.get(0);
            boolean wrapper = a.size() >= 3 && program.matches("(?:/bin/|/usr/bin/)?(?:ba|da)?sh") && a.get(1).equals("-c");
            if (wrapper) {
                n.say(out, step, "shell_wrapper", Map.of("program", program + " -c", "signal", signal));
            } else if (e.is("ENTRYPOINT") || !hasEntrypoint(step)) {
                n.say(out, step, "exec_form", Map.of("program", program, "signal", signal));
            }
        } else {
            List<String> shell = step.before != null ? step.before.shell() : List.of("/bin/sh", "-c");
            n.say(out, step, "shell_form", Map.of("command", Texts.abbreviate(step.script, 90), "signal", signal,
                    "shell", String.join(" ", shell)));
        }
        if (!step.immediate() || step.after == null) {
            return;
        }
        List<String> runs = step.after.runs();
        String started = runs == null ? null : runs.isEmpty() ? "no command" : argv(runs);
        if (e.is("CMD") && hasEntrypoint(step)) {
            List<String> ep = step.before.entrypoint();
            boolean shellEntrypoint = ep.size() >= 3 && ep.subList(0, ep.size() - 1).equals(step.before.shell());
            if (shellEntrypoint && started != null) {
                n.say(out, step, "entrypoint_shell", Map.of("runs", started));
            } else if (started != null) {
                n.say(out, step, "with_entrypoint", Map.of("entrypoint", argv(ep), "runs", started, "pid1", ep.get(0)));
            }
        } else if (e.is("ENTRYPOINT") && started != null && e.json()) {
            n.say(out, step, step.before != null && step.before.cmdSet() ? "cmd_kept" : "cmd_reset", Map.of("runs", started));
        }
    }

    private static boolean hasEntrypoint(Step step) {
        return step.before != null && step.before.entrypointKnown() && step.before.entrypoint() != null
                && !step.before.entrypoint().isEmpty();
    }

    /** The signal docker stop sends to the image this stage builds (STOPSIGNAL may come later in the stage). */
    private static String finalSignal(Narrator n, Step step) {
        String signal = null;
        for (Step s : n.walk().steps) {
            if (s.stage == step.stage && s.after != null) {
                signal = s.after.toImageState().stopSignal();
            }
        }
        return signal == null ? "stop signal" : signal;
    }

    static String argv(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String a : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(a.isEmpty() || a.matches(".*[\\s\"'].*") ? "\"" + a.replace("\"", "\\\"") + "\"" : a);
        }
        return Texts.abbreviate(out.toString(), 120);
    }
}
