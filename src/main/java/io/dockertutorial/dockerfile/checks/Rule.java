package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;

/**
 * A lint rule (or a small family of them): reads the steps of the build walk and reports through
 * {@link Lint}. Its words live in rules.yml under the same id; it is registered in {@link Rules}.
 */
interface Rule {

    /** Looks at one instruction, after the walk has seen the whole file. */
    default void check(Step step, Lint lint) {
    }

    /** Looks at the whole build once, after {@link #check} has seen every step. */
    default void finish(Lint lint) {
    }
}
