package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Texts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BuildKit builds only the stages the target needs, and runs its dispatch-time checks only there:
 * those findings are withdrawn for the other stages. The stages a default build skips get one
 * UnusedStage note for the whole file (a note, since such stages are often built on purpose with
 * {@code --target}). The graph follows FROM, COPY --from and RUN --mount from=, also where the stage
 * name is built from build arguments ({@code FROM base-$TARGETOS}): every stage it can name is needed.
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
        List<StageState> skipped = new ArrayList<>();
        for (StageState s : lint.stages()) {
            if (reachable.contains(s)) {
                continue;
            }
            for (Step step : lint.steps()) {
                if (step.stage == s) {
                    lint.findings().drop(step.instruction, w -> DISPATCH_RULES.contains(w.rule()));
                }
            }
            skipped.add(s);
        }
        if (skipped.isEmpty()) {
            return;
        }
        List<String> names = skipped.stream().map(StageState::label).toList();
        boolean one = names.size() == 1;
        lint.findings().warn(skipped.get(0).from, "UnusedStage", Map.of(
                "names", (one ? "The stage " : "The stages ") + Texts.joinList(names),
                "are", one ? "is" : "are", "it", one ? "it" : "them", "its", one ? "its" : "their",
                "target", one ? names.get(0) : "NAME"));
    }
}
