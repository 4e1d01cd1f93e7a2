package io.dockertutorial.classroom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One row of the teacher's table: a learner, the sandbox's state and what it uses now. */
record TeacherRows(int seat, String name, String user, String state, String problem, String memory,
                   String tasks, String cpu, String disk, String started, String idle) {

    static List<TeacherRows> of(Classroom classroom) {
        Seats seats = classroom.sandboxes().seats();
        return classroom.sandboxes().all().stream().map(l -> {
            Cgroups.Usage u = Cgroups.usage(l.user());
            return new TeacherRows(l.seat, l.displayName, l.user(), l.state.name().toLowerCase(), l.problem,
                    u.memoryBytes() < 0 ? "–" : mib(u.memoryBytes()),
                    u.tasks() < 0 ? "–" : Long.toString(u.tasks()),
                    u.cpuNanos() < 0 ? "–" : String.format("%.1f s", u.cpuNanos() / 1e9),
                    disk(seats, l.seat),
                    l.startMillis < 0 ? "–" : String.format("%.1f s", l.startMillis / 1000.0),
                    ago(l.lastActive));
        }).toList();
    }

    static String limits(ClassroomProperties p) {
        return "Each learner: memory " + p.memory() + ", " + p.pids() + " tasks, " + p.cpuPercent()
                + " % of a core, disk " + p.disk() + "; removed after " + p.idle().toMinutes() + " min idle or "
                + p.lifetime().toMinutes() + " min in all.";
    }

    private static String disk(Seats seats, int seat) {
        try {
            var store = java.nio.file.Files.getFileStore(seats.home(seat));
            if (!LearnerAccounts.mounted(seats.home(seat))) {
                return "–";
            }
            return mib(store.getTotalSpace() - store.getUnallocatedSpace()) + " of " + mib(store.getTotalSpace());
        } catch (java.io.IOException e) {
            return "–";
        }
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }

    private static String ago(Instant t) {
        long s = Duration.between(t, Instant.now()).toSeconds();
        return s < 60 ? s + " s ago" : (s / 60) + " min ago";
    }
}
