package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.List;
import java.util.Map;

/** MultipleInstructionsDisallowed (hadolint DL4003/DL4004): only the last CMD, ENTRYPOINT, HEALTHCHECK of a stage counts. */
final class SingleInstructionRules implements Rule {

    @Override
    public void finish(Lint lint) {
        for (StageState s : lint.stages()) {
            for (Map.Entry<String, List<Instruction>> e : s.singletons.entrySet()) {
                List<Instruction> list = e.getValue();
                for (int k = 0; k < list.size() - 1; k++) {
                    lint.findings().warn(list.get(k), "MultipleInstructionsDisallowed", Map.of("keyword", e.getKey(),
                            "last", list.get(list.size() - 1).startLine()));
                }
            }
        }
    }
}
