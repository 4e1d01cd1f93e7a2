package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * BuildKit builds only the stages the target needs, and runs its dispatch-time checks only there:
 * those findings are withdrawn for the other stages, which get UnusedStage (a note, since such a
 * stage may well be built on purpose with {@code --target}).
 */
final class UnusedStageRule implements Rule {

    private static final Set<String> DISPATCH_RULES = Set.of("UndefinedVar", "LegacyKeyValueFormat",
            "WorkdirRelativePath", "CopyIgnoredFile");

    @Override
    public void finish(Lint lint) {
        if (lint.stages().isEmpty()) {
            return;
        }
        Set<StageState> reachable = new HashSet<>();
        ArrayDeque<StageState> todo = new ArrayDeque<>();
        todo.add(lint.stages().get(lint.stages().size() - 1));
        while (!todo.isEmpty()) {
            StageState s = todo.pop();
            if (reachable.add(s)) {
                todo.addAll(s.needs);
            }
        }
        for (StageState s : lint.stages()) {
            if (reachable.contains(s)) {
                continue;
            }
            for (Step step : lint.steps()) {
                if (step.stage == s) {
                    lint.findings().drop(step.instruction, w -> DISPATCH_RULES.contains(w.rule()));
                }
            }
            lint.findings().warn(s.from, "UnusedStage", Map.of("name", s.label()));
        }
    }
}
