package io.dockertutorial.dockerfile.state;

import io.dockertutorial.budget.TooComplexException;

/**
 * The state kept before and after every instruction, under a budget: nothing changes a stage between one
 * instruction's end and the next one's start, so those share one snapshot, and the variables and files all
 * snapshots hold together are counted.
 */
final class Snapshots {

    /**
     * Variables and files all snapshots hold together, at most: every instruction keeps the state after it, so
     * a stage of thousands of ENV lines would need millions of entries (and the memory of a small server).
     */
    static final long MAX_STATE_ENTRIES = 600_000;

    private long stateEntries;
    private StageState.Snapshot lastAfter;

    /** The state an instruction of {@code stage} starts from: the last one's, when it was of the same stage. */
    StageState.Snapshot before(StageState stage) {
        return lastAfter != null && lastAfter.stage() == stage ? lastAfter : counted(stage.snapshot());
    }

    /** The state {@code stage} is in after an instruction. */
    StageState.Snapshot after(StageState stage) {
        lastAfter = counted(stage.snapshot());
        return lastAfter;
    }

    private StageState.Snapshot counted(StageState.Snapshot s) {
        stateEntries += s.vars().size() + s.files().size() + s.envInOrder().size();
        if (stateEntries > MAX_STATE_ENTRIES) {
            throw new TooComplexException("the build's state grows too large to follow line by line (more than "
                    + MAX_STATE_ENTRIES / 1000 + " thousand variables and files over all instructions)");
        }
        return s;
    }
}
