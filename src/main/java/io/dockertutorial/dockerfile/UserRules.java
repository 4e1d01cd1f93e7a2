package io.dockertutorial.dockerfile;

import java.util.Map;

/**
 * Who the container runs as: NoUser (the final image runs as root because nothing, neither this file
 * nor a base image the engine knows, chose a user) and UserRoot (hadolint DL3002).
 */
final class UserRules implements Rule {

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
        if (root && !last.windows && !onbuildUser && !"scratch".equals(last.baseImage) && !from.skipped) {
            lint.warn(from, "NoUser", Map.of());
        }
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
