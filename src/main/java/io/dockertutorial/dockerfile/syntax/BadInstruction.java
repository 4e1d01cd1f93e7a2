package io.dockertutorial.dockerfile.syntax;

/** An instruction BuildKit's parser rejects. */
final class BadInstruction extends Exception {
    BadInstruction(String message) {
        super(message);
    }
}
