package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.List;
import java.util.Map;

/**
 * What the next build does with each instruction after some files changed, and why.
 *
 * @param steps  every instruction of the Dockerfile, in order
 * @param target the stage that is built (its name, or its index when unnamed); {@code null} without stages
 */
public record CachePrediction(List<Step> steps, String target) {

    public enum Outcome {
        /** Misses the cache: runs again. */
        REBUILT,
        /** Reused from the cache ({@code CACHED} in the build output). */
        CACHED,
        /** In a stage the target does not need: BuildKit never builds it. */
        NOT_BUILT,
        /** Only sets the image's configuration (ENV, CMD, …) or a build argument: no step of its own. */
        SETTING
    }

    /**
     * @param reason the key of the teaching text in {@code cache/reasons.yml}, or {@code null} when there is
     *               nothing worth saying (a setting that did not change)
     * @param values what the text's placeholders stand for ({@code file}, {@code line}, {@code stage}, …)
     */
    public record Step(Instruction instruction, Outcome outcome, String reason, Map<String, String> values) {

        public int line() {
            return instruction.startLine();
        }
    }

    public List<Integer> lines(Outcome outcome) {
        return steps.stream().filter(s -> s.outcome() == outcome).map(Step::line).toList();
    }

    public Step at(int line) {
        return steps.stream().filter(s -> s.line() == line).findFirst().orElse(null);
    }
}
