package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;

import java.util.Map;

/**
 * Who the container runs as: NoUser (the final image runs as root because nothing, neither this file
 * nor a base image the engine knows, chose a user) and UserRoot (hadolint DL3002).
 */
final class UserRules implements Rule {

    /** Programs an entrypoint uses to drop from root to another user once it has set things up. */
    private static final java.util.Set<String> STEP_DOWN = java.util.Set.of("gosu", "su-exec", "setpriv", "s6-setuidgid",
            "chpst", "runuser", "setuidgid");

    @Override
    public void finish(Lint lint) {
        if (lint.stages().isEmpty()) {
            return;
        }
        StageState last = lint.stages().get(lint.stages().size() - 1);
        Step from = lint.stepOf(last.from);
        Step end = lastStepOf(lint, last);
        if (last.lastUser != null) {
            String name = last.lastUser.arguments().isEmpty() ? "" : last.lastUser.arguments().get(0).split(":", -1)[0];
            if (name.equals("root") || name.equals("0")) {
                lint.findings().warn(last.lastUser, "UserRoot", Map.of());
            }
            return;
        }
        boolean onbuildUser = lint.steps().stream().anyMatch(s -> s.stage == last && s.instruction.inner() != null
                && s.instruction.inner().is("USER"));
        String user = end.after == null ? null : end.after.toImageState().user();
        boolean root = user != null && (user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:"));
        // Installing or running gosu and the like: the entrypoint starts as root and steps down.
        boolean stepsDown = lint.steps().stream().anyMatch(s -> s.commands.stream().anyMatch(c -> STEP_DOWN.contains(c.name())
                        || c.args().stream().anyMatch(STEP_DOWN::contains))
                || (s.is("ENTRYPOINT") || s.is("CMD")) && STEP_DOWN.stream().anyMatch(p -> s.instruction.original().contains(p)));
        boolean setsCommand = lint.steps().stream().anyMatch(s -> s.stage == last && s.immediate()
                && (s.instruction.is("CMD") || s.instruction.is("ENTRYPOINT")));
        java.util.List<String> runs = end.after == null ? null : end.after.runs();
        boolean app = setsCommand && runs != null && !runs.isEmpty() && !isShellOrIdle(runs);
        if (root && app && !stepsDown && !last.windows && !onbuildUser && !"scratch".equals(last.baseImage) && !from.skipped) {
            String script = runs.stream().filter(a -> a.matches(".*(?:\\.sh|entrypoint|start[-a-z]*)$")).findFirst().orElse(null);
            // BusyBox (Alpine) has adduser, not useradd.
            boolean alpine = stageChain(last).anyMatch(s -> s.baseImage != null && s.baseImage.contains("alpine"));
            lint.warn(from, "NoUser", Map.of("unless", script == null ? ""
                    : " (unless the start-up script " + script + " switches to another user, as some do with gosu or su-exec)",
                    "create", alpine ? "RUN adduser -D -u 10001 app" : "RUN useradd --create-home --uid 10001 app"));
        }
    }

    /** A shell or a placeholder (sleep infinity): a base, tool or development image, not an app. */
    private static boolean isShellOrIdle(java.util.List<String> runs) {
        String program = runs.get(0).substring(runs.get(0).lastIndexOf('/') + 1);
        return program.matches("(?:ba|da|a|z)?sh|pwsh|powershell|cmd|python[0-9.]*|node|jshell|irb")
                && (runs.size() == 1 || runs.size() >= 2 && runs.get(1).equals("-l"))
                || program.equals("sleep") || program.equals("tail") && runs.contains("-f");
    }

    private static java.util.stream.Stream<StageState> stageChain(StageState last) {
        return java.util.stream.Stream.iterate(last, java.util.Objects::nonNull, s -> s.parentStage);
    }

    private static Step lastStepOf(Lint lint, StageState stage) {
        Step end = null;
        for (Step s : lint.steps()) {
            if (s.stage == stage && s.after != null) {
                end = s;
            }
        }
        return end;
    }
}
