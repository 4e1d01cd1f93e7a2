package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParseError;

import java.util.List;
import java.util.Map;

/**
 * Where the build walk reports what stops a build. The walk only names the problem (a rule id of
 * {@code rules.yml} with its values, or a plain message); the checks stage words and files it.
 */
public interface BuildErrors {

    /** The parser's errors, reported once before the walk starts. */
    void addParseErrors(List<ParseError> errors);

    /**
     * An error worded by rule {@code rule} of rules.yml; the instruction's own facts from the catalog
     * ({@code what} it needs, an {@code example}) fill the placeholders the walk leaves open.
     */
    void error(Instruction i, String rule, Map<String, ?> values);

    /** An error in plain words. */
    void error(Instruction i, String message);
}
