package io.dockertutorial.classroom;

import java.nio.file.Path;

/** Where a seat's things live: every name, id and path is derived from the seat number, never from input. */
record Seats(ClassroomProperties props) {

    String user(int seat) {
        return String.format("dtsbx%02d", seat);
    }

    int uid(int seat) {
        return props.uidBase() + seat - 1;
    }

    long subid(int seat) {
        return props.subidBase() + (long) (seat - 1) * 65536;
    }

    Path home(int seat) {
        return props.home().resolve("homes").resolve(user(seat));
    }

    Path runtime(int seat) {
        return props.home().resolve("run").resolve(user(seat));
    }

    Path socket(int seat) {
        return runtime(seat).resolve("docker.sock");
    }

    Path disk(int seat) {
        return props.home().resolve("disks").resolve(user(seat) + ".img");
    }

    Path log(int seat) {
        return props.home().resolve("logs").resolve(user(seat) + ".log");
    }

    Path bin() {
        return props.home().resolve("engine/bin");
    }

    Path images() {
        return props.home().resolve("images");
    }

    String path() {
        return bin() + ":/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
    }
}
