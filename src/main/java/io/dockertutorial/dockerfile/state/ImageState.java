package io.dockertutorial.dockerfile.state;

import java.util.List;
import java.util.Map;

/**
 * The image's configuration right after one instruction, in its stage: what {@code docker inspect}
 * would show if the build stopped there. {@code null} means "not known" (the base image is not one the
 * engine knows), except for {@code entrypoint} and {@code cmd}, where it also means "none".
 *
 * @param stage      the stage's name, or its index when it has none
 * @param user       the user commands and the container run as ({@code root} when none is set)
 * @param shell      the shell that wraps shell-form RUN, CMD and ENTRYPOINT
 * @param env        the environment, name to value (a value is {@code null} when only its existence is known)
 * @param runs       the argv process 1 gets from {@code docker run IMAGE} without arguments; {@code null} when unknown
 * @param stopSignal the signal {@code docker stop} sends
 */
public record ImageState(String stage, String workdir, String user, List<String> shell, Map<String, String> env,
                         List<String> exposed, List<String> entrypoint, List<String> cmd, List<String> runs,
                         String stopSignal) {
}
