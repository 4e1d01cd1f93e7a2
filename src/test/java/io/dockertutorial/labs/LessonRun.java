package io.dockertutorial.labs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One lesson's lab blocks, run as a learner would: in a fresh copy of the lesson's example project,
 * in page order, in one shell session (the working directory, variables and functions carry over
 * from command to command; each command gets its own time limit).
 */
final class LessonRun implements AutoCloseable {

    /**
     * Runs one command with the session's state and saves the state again when the command ends.
     * The state is a script: {@code cd} to the working directory plus {@code declare} lines.
     */
    private static final String SESSION = """
            LAB_STATE="$1"; LAB_COMMAND="$2"
            source "$LAB_STATE" >/dev/null 2>&1
            lab_save() {
              local lab_rc=$? lab_var
              { printf 'cd %q\\n' "$PWD"
                for lab_var in $(compgen -v); do
                  case "$lab_var" in
                    BASH*|COLUMNS|COMP_*|DIRSTACK|EPOCH*|EUID|FUNCNAME|GROUPS|HIST*|HOSTNAME|HOSTTYPE|IFS|\\
                    LINENO|LINES|MACHTYPE|OPTERR|OPTIND|OSTYPE|PIPESTATUS|PPID|PS4|PWD|OLDPWD|RANDOM|\\
                    SECONDS|SHELLOPTS|SHLVL|SRANDOM|UID|_|LAB_*|lab_*) ;;
                    *) declare -p "$lab_var" 2>/dev/null ;;
                  esac
                done
                declare -f
              } > "$LAB_STATE.new" 2>/dev/null && mv -f "$LAB_STATE.new" "$LAB_STATE"
              exit $lab_rc
            }
            trap lab_save EXIT
            source "$LAB_COMMAND"
            """;

    private final LabLesson lesson;
    private final DockerEngine engine;
    private final Path root;
    private final Path workdir;
    private final Path state;
    private final Snapshot before;
    private final boolean swarmBefore;
    private int commands;

    LessonRun(LabLesson lesson, DockerEngine engine) {
        this.lesson = lesson;
        this.engine = engine;
        try {
            root = Files.createTempDirectory("labs-");
            String name = lesson.project() != null ? lesson.project().getFileName().toString()
                    : lesson.slug().toLowerCase(Locale.ROOT);
            workdir = root.resolve(name);
            if (lesson.project() != null) {
                if (!Files.isDirectory(lesson.project())) {
                    throw new IllegalStateException(lesson.source() + " names project " + lesson.project()
                            + ", which is not a folder");
                }
                copy(lesson.project(), workdir);
            } else {
                Files.createDirectories(workdir);
            }
            Files.writeString(root.resolve("session.sh"), SESSION);
            state = root.resolve("state.sh");
            Files.writeString(state, "cd '" + workdir.toString().replace("'", "'\\''") + "'\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A run interrupted half-way (a killed JVM, a timeout) leaves containers, networks and volumes
        // under the lesson's names, and the next run would fail on them ("network with name … already
        // exists"): remove them before the first step, as the safety net does after the last.
        if (initsSwarm() && engine.own() && swarmActive()) {
            leaveSwarm();
        }
        swarmBefore = swarmActive();
        removeOwned(Snapshot.take(engine), Snapshot.EMPTY, false);
        before = Snapshot.take(engine);
        // The build cache is keyed by content, not by "the previous build": a rerun of a lesson would
        // find the files it changes already cached and report CACHED where a learner sees a rebuild.
        // On the private engine each building lesson starts without the cache of earlier runs: records
        // unused for 10 minutes go (what other builds are using right now, on a shared engine, stays).
        boolean builds = lesson.blocks().stream().flatMap(b -> b.commands().stream())
                .anyMatch(c -> c.contains("docker build") || c.contains("docker buildx") || c.contains("compose"));
        if (builds && engine.own() && Boolean.parseBoolean(System.getProperty("labs.prune-build-cache", "true"))) {
            engine.docker(Duration.ofMinutes(2), "builder", "prune", "-af", "--filter", "until=10m");
        }
    }

    /** What a block did: its combined output and, when it failed, why. */
    record Outcome(String output, String failure) {
        boolean passed() {
            return failure == null;
        }
    }

    Outcome run(LabBlock block) {
        StringBuilder output = new StringBuilder();
        List<String> cmds = block.commands();
        if (cmds.isEmpty()) {
            return new Outcome("", "the block has no '$ ' command lines");
        }
        for (int k = 0; k < cmds.size(); k++) {
            String command = cmds.get(k);
            boolean last = k == cmds.size() - 1;
            Processes.Result r = command(command, Duration.ofSeconds(block.timeoutSeconds()));
            output.append(r.output());
            if (r.timedOut()) {
                return new Outcome(output.toString(), "`" + firstLine(command) + "` did not finish within "
                        + block.timeoutSeconds() + " s (lab-timeout)\n" + r.tail(15));
            }
            int wanted = last && block.exit() != null ? block.exit() : 0;
            if (r.exit() != wanted) {
                return new Outcome(output.toString(), "`" + firstLine(command) + "` exited " + r.exit()
                        + (wanted != 0 ? ", expected " + wanted + " (lab-exit)" : "") + "\n" + r.tail(15));
            }
        }
        if (block.expect() != null) {
            Pattern expected;
            try {
                expected = Pattern.compile(block.expect());
            } catch (java.util.regex.PatternSyntaxException e) {
                return new Outcome(output.toString(), "lab-expect is not a valid regex: " + e.getDescription());
            }
            if (!expected.matcher(output).find()) {
                return new Outcome(output.toString(), "the output does not contain /" + block.expect()
                        + "/ (lab-expect); it ends with:\n" + tail(output.toString(), 15) + keepWhole(block, output));
            }
        }
        return new Outcome(output.toString(), null);
    }

    private Processes.Result command(String command, Duration timeout) {
        Path file = root.resolve("command-" + (++commands) + ".sh");
        try {
            Files.writeString(file, command + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>(engine.env());
        env.put("TERM", "dumb");
        return Processes.run(List.of("bash", "--noprofile", "--norc", root.resolve("session.sh").toString(),
                state.toString(), file.toString()), env, workdir, timeout);
    }

    /**
     * The safety net: removes what the lesson left behind under the names it uses (containers,
     * networks, volumes, and images it built) and returns what it found, for the report.
     */
    List<String> cleanUp() {
        List<String> leftovers = new ArrayList<>();
        if (!swarmBefore && swarmActive()) {
            // Swarm mode left on changes what every later lesson sees (docker network ls, ingress).
            leftovers.add("swarm mode");
            leaveSwarm();
        }
        leftovers.addAll(removeOwned(Snapshot.take(engine), before, true));
        return leftovers;
    }

    /** Whether the lesson puts the engine into swarm mode (lesson 20). */
    private boolean initsSwarm() {
        return lesson.blocks().stream().flatMap(b -> b.commands().stream()).anyMatch(c -> c.contains("docker swarm init"));
    }

    private boolean swarmActive() {
        Processes.Result r = engine.docker(Duration.ofSeconds(30), "info", "--format", "{{.Swarm.LocalNodeState}}");
        return !r.output().strip().equals("inactive");
    }

    /**
     * Leaves swarm mode as the lesson's own clean-up does: {@code --force} (the last manager), then the
     * docker_gwbridge network, which leaving keeps. Only for a swarm this run (or an interrupted run of the
     * same lesson on the private engine) started.
     */
    private void leaveSwarm() {
        engine.docker(Duration.ofSeconds(60), "swarm", "leave", "--force");
        engine.docker(Duration.ofSeconds(30), "network", "rm", "docker_gwbridge");
    }

    /**
     * Removes the containers, networks and volumes in {@code now} but not in {@code except} that
     * belong to this lesson (named in its steps, or Compose's names for its project), and with
     * {@code images} the images it built; returns what it removed (images not included: learners may
     * keep them). Before a run images stay, but for those of the lesson's local registry: the stand-ins carry
     * names the lesson mentions.
     */
    private List<String> removeOwned(Snapshot now, Snapshot except, boolean images) {
        String text = String.join("\n", lesson.blocks().stream().flatMap(b -> b.commands().stream()).toList());
        String project = workdir.getFileName().toString();
        List<String> leftovers = new ArrayList<>();
        for (var kind : List.of("container", "network", "volume")) {
            for (String name : now.names(kind)) {
                if (!except.names(kind).contains(name) && (mentioned(text, name)
                        || name.startsWith(project + "-") || name.startsWith(project + "_"))) {
                    leftovers.add(kind + " " + name);
                    remove(kind, name);
                }
            }
        }
        for (String image : now.names("image")) {
            String repository = image.substring(0, image.lastIndexOf(':'));
            // Before a run only images pushed to the lesson's own local registry go: no stand-in is named so, and
            // a leftover local 127.0.0.1:5001/ci-build:latest served lesson 19's first build as its cache although
            // the new registry was empty (seen on Engine 28.5.2's docker driver).
            boolean ownRegistry = repository.startsWith("127.0.0.1:") || repository.startsWith("localhost:");
            if (!images && !ownRegistry) {
                continue;
            }
            if (!except.names("image").contains(image) && (mentioned(text, repository) || repository.startsWith(project + "-"))) {
                // Images may stay (learners keep them); the safety net removes them without a failure.
                engine.docker(Duration.ofSeconds(60), "image", "rm", "-f", image);
            }
        }
        return leftovers;
    }

    private void remove(String kind, String name) {
        Duration limit = Duration.ofSeconds(60);
        switch (kind) {
            case "container" -> engine.docker(limit, "rm", "-f", "-v", name);
            case "network" -> engine.docker(limit, "network", "rm", name);
            default -> engine.docker(limit, "volume", "rm", "-f", name);
        }
    }

    private static boolean mentioned(String text, String name) {
        return Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w-])").matcher(text).find();
    }

    /** The names of the engine's containers, networks, volumes and images (repo:tag) at one moment. */
    record Snapshot(Map<String, Set<String>> names) {
        static final Snapshot EMPTY = new Snapshot(Map.of("container", Set.of(), "network", Set.of(),
                "volume", Set.of(), "image", Set.of()));

        static Snapshot take(DockerEngine engine) {
            Duration limit = Duration.ofSeconds(30);
            return new Snapshot(Map.of(
                    "container", lines(engine.docker(limit, "ps", "-a", "--format", "{{.Names}}")),
                    "network", lines(engine.docker(limit, "network", "ls", "--format", "{{.Name}}")),
                    "volume", lines(engine.docker(limit, "volume", "ls", "--format", "{{.Name}}")),
                    "image", lines(engine.docker(limit, "image", "ls", "--format", "{{.Repository}}:{{.Tag}}"))));
        }

        Set<String> names(String kind) {
            return names.get(kind);
        }

        private static Set<String> lines(Processes.Result r) {
            Set<String> set = new HashSet<>();
            for (String line : r.output().split("\n")) {
                if (!line.isBlank() && !line.contains("<none>")) {
                    set.add(line.strip());
                }
            }
            return set;
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a lesson for
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String firstLine(String command) {
        int nl = command.indexOf('\n');
        return nl < 0 ? command : command.substring(0, nl) + " …";
    }

    /** The whole output of a step whose lab-expect failed, in target/labs-failures/ (CI keeps the log short). */
    private static String keepWhole(LabBlock block, CharSequence output) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "labs-failures"));
            Path file = dir.resolve(block.where().replaceAll("[^A-Za-z0-9._-]", "_") + ".txt");
            Files.writeString(file, output, StandardCharsets.UTF_8);
            return "\n(the whole output: " + file + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String output, int lines) {
        return new Processes.Result(0, output, false, Duration.ZERO).tail(lines);
    }
}
