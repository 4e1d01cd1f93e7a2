package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.BuildWalk;
import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.List;
import java.util.Map;

/** What a rule sees: the walked build, and where it reports. */
public record Lint(BuildWalk walk, Findings findings) {

    void warn(Step step, String rule, Map<String, ?> values) {
        findings.warn(step.instruction, rule, step.line(), values);
    }

    Catalog catalog() {
        return findings.catalog();
    }

    LintOptions options() {
        return findings.options();
    }

    List<Step> steps() {
        return walk.steps;
    }

    List<StageState> stages() {
        return walk.stages;
    }

    /** The step of an instruction. */
    Step stepOf(Instruction i) {
        for (Step s : walk.steps) {
            if (s.instruction == i) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a step of this build: line " + i.startLine());
    }
}
