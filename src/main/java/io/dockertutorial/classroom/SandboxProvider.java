package io.dockertutorial.classroom;

import java.util.List;
import java.util.Optional;

/**
 * What the terminal and the teacher page need from a sandbox. One provider today (a rootless Docker Engine
 * per learner on this machine, {@link Sandboxes}); another (pods under a sandboxed runtime on a cluster)
 * can implement the same three calls.
 */
interface SandboxProvider {

    /** The command that starts the learner's login shell on a PTY; empty while the sandbox is not ready. */
    Optional<List<String>> shellCommand(Learner learner);

    /** Wipes the learner's sandbox and makes a fresh one. */
    void reset(Learner learner);

    /** Removes the learner and the sandbox; returns what could not be removed (empty: nothing left). */
    List<String> remove(Learner learner);
}
