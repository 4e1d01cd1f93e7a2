package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;

import java.util.Map;

/** BuildKit's WorkdirRelativePath (hadolint DL3000): a relative WORKDIR before any absolute one in the stage. */
final class WorkdirRelativePathRule implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        if (!step.instruction.is("WORKDIR") || step.before == null || step.expanded.isEmpty()) {
            return;
        }
        String path = step.expanded.get(0);
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*") || path.startsWith("$")
                || path.startsWith("\\");
        if (!absolute && !step.before.absoluteWorkdir()) {
            lint.warn(step, "WorkdirRelativePath", Map.of("path", path));
        }
    }
}
