package io.dockertutorial.dockerfile.state;

/**
 * A variable as one point of the build sees it, and where it comes from.
 *
 * @param value  its value, or {@code null} when it is declared without one or its value is not known
 * @param line   the line of this file that set it; 0 when it comes from the base image or Docker
 * @param image  for {@link Origin#BASE_IMAGE}, the image that sets it
 */
public record Var(String name, String value, Origin origin, int line, String image) {

    public enum Origin { ENV, ARG, BASE_IMAGE, BUILTIN }

    static Var env(String name, String value, int line) {
        return new Var(name, value, Origin.ENV, line, null);
    }

    static Var arg(String name, String value, int line) {
        return new Var(name, value, Origin.ARG, line, null);
    }

    static Var base(String name, String value, String image) {
        return new Var(name, value, Origin.BASE_IMAGE, 0, image);
    }

    public boolean isArg() {
        return origin == Origin.ARG;
    }
}
