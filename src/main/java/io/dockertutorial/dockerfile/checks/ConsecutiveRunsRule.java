package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;

import java.util.List;
import java.util.Map;

/** ConsecutiveRuns (hadolint DL3059): a RUN right after another RUN of the same stage, with no comment between. */
final class ConsecutiveRunsRule implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        if (!step.instruction.is("RUN") || step.stage == null || !step.instruction.comments().isEmpty()) {
            return;
        }
        List<Step> steps = lint.steps();
        int at = step.index;
        Step previous = at > 0 ? steps.get(at - 1) : null;
        if (previous != null && previous.stage == step.stage && previous.instruction.is("RUN")
                && previous.instruction.endLine() + 1 >= step.line() - 1) {
            lint.warn(step, "ConsecutiveRuns", Map.of());
        }
    }
}
