package io.dockertutorial.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A learner's memory, task and CPU caps, made by root: cgroup v1 groups {@code dtsbx/NAME} under the
 * memory, pids, cpu and cpuacct hierarchies, or one group {@code dtsbx/NAME} on a cgroup v2 host. Everything
 * the learner starts (daemon, containers, shell) is put in them before it runs, so the caps cover all of it.
 */
final class Cgroups {

    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final List<String> V1 = List.of("memory", "pids", "cpu", "cpuacct");
    private static final String PARENT = "dtsbx";

    private Cgroups() {
    }

    static boolean v2() {
        return Files.exists(ROOT.resolve("cgroup.controllers"));
    }

    static List<String> problems() {
        List<String> out = new ArrayList<>();
        if (v2()) {
            try {
                String controllers = Files.readString(ROOT.resolve("cgroup.controllers"));
                for (String c : List.of("memory", "pids", "cpu")) {
                    if (!controllers.contains(c)) {
                        out.add("cgroup v2 has no " + c + " controller: the per-learner " + c + " cap cannot be set");
                    }
                }
                Files.createDirectories(ROOT.resolve(PARENT));
                Files.writeString(ROOT.resolve(PARENT).resolve("cgroup.subtree_control"), "+memory +pids +cpu");
            } catch (IOException e) {
                out.add("cannot make the cgroup v2 group " + ROOT.resolve(PARENT) + ": " + e.getMessage());
            }
            return out;
        }
        for (String c : V1) {
            Path dir = ROOT.resolve(c);
            if (!Files.isDirectory(dir)) {
                out.add("cgroup v1 controller " + c + " is not mounted at " + dir + ": the per-learner cap cannot be set");
                continue;
            }
            try {
                Files.createDirectories(dir.resolve(PARENT));
            } catch (IOException e) {
                out.add("cannot create " + dir.resolve(PARENT) + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** Makes the learner's groups with their caps; returns the {@code cgroup.procs} files to join. */
    static List<Path> create(String name, ClassroomProperties props) throws IOException {
        long memory = ClassroomProperties.bytes(props.memory());
        long quota = props.cpuPercent() * 1000L;
        if (v2()) {
            Path g = ROOT.resolve(PARENT).resolve(name);
            Files.createDirectories(g);
            Files.writeString(g.resolve("memory.max"), Long.toString(memory));
            Files.writeString(g.resolve("memory.swap.max"), "0");
            Files.writeString(g.resolve("pids.max"), Integer.toString(props.pids()));
            Files.writeString(g.resolve("cpu.max"), quota + " 100000");
            return List.of(g.resolve("cgroup.procs"));
        }
        List<Path> procs = new ArrayList<>();
        for (String c : V1) {
            Path g = ROOT.resolve(c).resolve(PARENT).resolve(name);
            Files.createDirectories(g);
            switch (c) {
                case "memory" -> {
                    Files.writeString(g.resolve("memory.limit_in_bytes"), Long.toString(memory));
                    Path swap = g.resolve("memory.memsw.limit_in_bytes");
                    if (Files.exists(swap)) {
                        Files.writeString(swap, Long.toString(memory));
                    }
                }
                case "pids" -> Files.writeString(g.resolve("pids.max"), Integer.toString(props.pids()));
                case "cpu" -> {
                    Files.writeString(g.resolve("cpu.cfs_period_us"), "100000");
                    Files.writeString(g.resolve("cpu.cfs_quota_us"), Long.toString(quota));
                }
                default -> { }
            }
            procs.add(g.resolve("cgroup.procs"));
        }
        return procs;
    }

    /** The pids of everything in the learner's groups (the pids group on v1). */
    static List<Long> pids(String name) {
        Path procs = v2() ? ROOT.resolve(PARENT).resolve(name).resolve("cgroup.procs")
                : ROOT.resolve("pids").resolve(PARENT).resolve(name).resolve("cgroup.procs");
        try {
            return Files.readAllLines(procs).stream().filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    record Usage(long memoryBytes, long tasks, long cpuNanos) {
    }

    static Usage usage(String name) {
        if (v2()) {
            Path g = ROOT.resolve(PARENT).resolve(name);
            long cpu = 0;
            for (String line : lines(g.resolve("cpu.stat"))) {
                if (line.startsWith("usage_usec ")) {
                    cpu = Long.parseLong(line.substring(11).strip()) * 1000;
                }
            }
            return new Usage(number(g.resolve("memory.current")), number(g.resolve("pids.current")), cpu);
        }
        return new Usage(number(ROOT.resolve("memory").resolve(PARENT).resolve(name).resolve("memory.usage_in_bytes")),
                number(ROOT.resolve("pids").resolve(PARENT).resolve(name).resolve("pids.current")),
                number(ROOT.resolve("cpuacct").resolve(PARENT).resolve(name).resolve("cpuacct.usage")));
    }

    /** Removes the learner's groups (they must be empty: kill first). */
    static boolean remove(String name) {
        boolean ok = true;
        List<Path> groups = v2() ? List.of(ROOT.resolve(PARENT).resolve(name))
                : V1.stream().map(c -> ROOT.resolve(c).resolve(PARENT).resolve(name)).toList();
        for (Path g : groups) {
            try {
                Files.deleteIfExists(g);   // rmdir: a cgroup's files go with it
            } catch (IOException e) {
                ok = false;
            }
        }
        return ok;
    }

    /** Removes the empty {@code dtsbx} parent groups (classroom mode stopping). */
    static void removeParents() {
        List<Path> parents = v2() ? List.of(ROOT.resolve(PARENT)) : V1.stream().map(c -> ROOT.resolve(c).resolve(PARENT)).toList();
        for (Path p : parents) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // not empty (a learner's group is left): kept, and reported by Sandboxes.wipe
            }
        }
    }

    static boolean exists(String name) {
        return v2() ? Files.isDirectory(ROOT.resolve(PARENT).resolve(name))
                : V1.stream().anyMatch(c -> Files.isDirectory(ROOT.resolve(c).resolve(PARENT).resolve(name)));
    }

    private static List<String> lines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long number(Path p) {
        try {
            return Long.parseLong(Files.readString(p).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
