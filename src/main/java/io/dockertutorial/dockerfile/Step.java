package io.dockertutorial.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One instruction as the walk met it: the stage state it saw and the state it left, and what the
 * walk learned on the way (expanded words, variables used, names that were not defined). Rules and
 * the narrator read steps; only the walk writes them.
 */
final class Step {

    final Instruction instruction;
    /** Its place among the steps of the walk. */
    int index;
    /** The stage it belongs to; {@code null} before the first FROM. */
    StageState stage;
    /** The state before it; {@code null} for FROM and before the first FROM. */
    StageState.Snapshot before;
    /** The state after it; {@code null} before the first FROM. */
    StageState.Snapshot after;
    /** Not analysed further (unknown keyword, missing arguments). */
    boolean skipped;

    /** The words after expansion, where Docker expands them (not RUN, CMD, ENTRYPOINT). */
    final List<String> expanded = new ArrayList<>();
    /** Variables the instruction's words expand. */
    final Set<String> used = new LinkedHashSet<>();
    /** Names expanded while defined nowhere: BuildKit's UndefinedVar. */
    final List<String> undefined = new ArrayList<>();
    /** Names not defined in this file that the (unknown) base image may set. */
    final Set<String> maybeFromBase = new LinkedHashSet<>();

    // FROM
    String image;
    StageState parentStage;
    /** For a FROM built from variables: the stages of this file whose names it can take. */
    List<StageState> fromCandidates = List.of();
    final List<String> undefinedInFrom = new ArrayList<>();
    boolean invalidDefaultImage;

    // COPY, ADD
    StageState copyFromStage;

    // RUN, CMD, ENTRYPOINT in shell form: the script and its simple commands
    String script;
    final List<ShellCommand> commands = new ArrayList<>();

    Step(Instruction instruction, StageState stage) {
        this.instruction = instruction;
        this.stage = stage;
    }

    /** The instruction that takes effect: the one ONBUILD wraps, else this one. */
    Instruction effective() {
        return instruction.effective();
    }

    boolean is(String keyword) {
        return instruction.effective().is(keyword);
    }

    /** True for instructions that act now (not stored by ONBUILD for a later build). */
    boolean immediate() {
        return instruction.inner() == null;
    }

    int line() {
        return instruction.startLine();
    }
}
