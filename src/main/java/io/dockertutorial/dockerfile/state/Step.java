package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ShellCommand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One instruction as the walk met it: the stage state it saw and the state it left, and what the
 * walk learned on the way (expanded words, variables used, names that were not defined). Rules and
 * the narrator read steps; only the walk writes them.
 */
public final class Step {

    public final Instruction instruction;
    /** Its place among the steps of the walk. */
    public int index;
    /** The stage it belongs to; {@code null} before the first FROM. */
    public StageState stage;
    /** The state before it; {@code null} for FROM and before the first FROM. */
    public StageState.Snapshot before;
    /** The state after it; {@code null} before the first FROM. */
    public StageState.Snapshot after;
    /** Not analysed further (unknown keyword, missing arguments). */
    public boolean skipped;

    /** The words after expansion, where Docker expands them (not RUN, CMD, ENTRYPOINT). */
    public final List<String> expanded = new ArrayList<>();
    /** Variables the instruction's words expand. */
    public final Set<String> used = new LinkedHashSet<>();
    /** Names expanded while defined nowhere: BuildKit's UndefinedVar. */
    public final List<String> undefined = new ArrayList<>();
    /** Names not defined in this file that the (unknown) base image may set. */
    public final Set<String> maybeFromBase = new LinkedHashSet<>();

    // FROM
    public String image;
    public StageState parentStage;
    /** For a FROM built from variables: the stages of this file whose names it can take. */
    public List<StageState> fromCandidates = List.of();
    public final List<String> undefinedInFrom = new ArrayList<>();
    public boolean invalidDefaultImage;

    // COPY, ADD
    public StageState copyFromStage;

    // RUN, CMD, ENTRYPOINT in shell form: the script and its simple commands
    public String script;
    public final List<ShellCommand> commands = new ArrayList<>();

    Step(Instruction instruction, StageState stage) {
        this.instruction = instruction;
        this.stage = stage;
    }

    /** The instruction that takes effect: the one ONBUILD wraps, else this one. */
    public Instruction effective() {
        return instruction.effective();
    }

    public boolean is(String keyword) {
        return instruction.effective().is(keyword);
    }

    /** True for instructions that act now (not stored by ONBUILD for a later build). */
    public boolean immediate() {
        return instruction.inner() == null;
    }

    public int line() {
        return instruction.startLine();
    }
}
