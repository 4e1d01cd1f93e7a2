package io.dockertutorial.budget;

/**
 * An analysis refused because the text is beyond a budget (time, instructions, size of the answer). The
 * message is for the visitor and starts with "too complex: "; the web layer answers 422 with it.
 */
public final class TooComplexException extends RuntimeException {

    public TooComplexException(String reason) {
        super("too complex: " + reason, null, false, false);
    }
}
