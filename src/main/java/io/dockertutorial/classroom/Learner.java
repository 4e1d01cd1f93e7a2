package io.dockertutorial.classroom;

import java.time.Instant;

/**
 * One learner in the class. The display name is only a label the learner chose; the Linux user, uid,
 * subuid block and paths come from the seat, which the server allocates.
 */
final class Learner {

    enum State { STARTING, READY, FAILED, REMOVING }

    final String id;            // random, kept in the learner's HTTP session
    final String displayName;
    final int seat;             // 1..max-learners
    final Instant joined = Instant.now();
    volatile Instant sandboxCreated = Instant.now();
    volatile Instant lastActive = Instant.now();
    volatile State state = State.STARTING;
    volatile String problem = "";
    volatile long startMillis = -1;

    Learner(String id, String displayName, int seat) {
        this.id = id;
        this.displayName = displayName;
        this.seat = seat;
    }

    String user() {
        return String.format("dtsbx%02d", seat);
    }

    void touch() {
        lastActive = Instant.now();
    }
}
