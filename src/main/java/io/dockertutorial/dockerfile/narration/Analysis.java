package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Warning;
import io.dockertutorial.dockerfile.state.ImageState;
import io.dockertutorial.dockerfile.state.StateChange;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParseError;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;

import java.util.List;

/**
 * A Dockerfile explained: every instruction with its explanation and its warnings, plus all
 * warnings and errors of the file, in line order.
 */
public record Analysis(ParsedDockerfile parsed, List<Explained> instructions, List<Warning> warnings,
                       List<ParseError> errors) {

    /** One flag of an instruction, explained ({@code value} is {@code null} for a bare flag). */
    public record FlagNote(String name, String value, String summary, String explanation) {
    }

    /** One command inside a RUN, explained, with the flags it uses. */
    public record CommandNote(String command, String explanation, List<FlagNote> flags) {
    }

    /**
     * One instruction, explained.
     *
     * @param stage       the name of its build stage, or {@code null} when the stage has no name
     * @param stageIndex  0-based stage number; -1 for instructions before the first FROM
     * @param explanation what this particular instruction does, in sentences
     * @param comment     the author's comment above it, or {@code null}
     * @param state       the image's configuration after it, in its stage; {@code null} before the first FROM
     * @param change      what it set or changed in its stage's state (a FROM: the new stage), in order
     */
    public record Explained(Instruction instruction, String stage, int stageIndex, String summary,
                            String explanation, List<FlagNote> flags, List<CommandNote> commands, String comment,
                            List<Warning> warnings, List<ParseError> errors, String docsUrl, ImageState state,
                            List<StateChange> change) {
    }
}
