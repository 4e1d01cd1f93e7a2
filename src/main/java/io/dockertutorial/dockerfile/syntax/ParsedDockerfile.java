package io.dockertutorial.dockerfile.syntax;

import java.util.List;

/**
 * What the parser returns for any text, never throwing: the directives, the instructions in order,
 * the syntax errors (the parse goes on after each), and BuildKit's parse-time warnings
 * (empty continuation lines).
 *
 * @param lines the physical lines of the input, without line endings
 */
public record ParsedDockerfile(Directives directives, List<Instruction> instructions, List<ParseError> errors,
                               List<ParseError> emptyContinuations, List<String> lines) {
}
