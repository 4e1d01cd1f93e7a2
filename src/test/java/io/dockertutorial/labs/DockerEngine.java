package io.dockertutorial.labs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Docker Engine the labs use: the one {@code DOCKER_HOST} names (or the default socket) when it
 * answers, else the private engine of {@code labs/engine.sh}, started on demand.
 *
 * <p>System properties: {@code labs.standins} ({@code true} by default for the private engine,
 * {@code false} for a teacher's own engine: images then come from the engine's registries);
 * {@code labs.engine} ({@code labs/engine.sh}).
 */
final class DockerEngine {

    private static DockerEngine instance;

    private final Map<String, String> env;
    private final String description;
    private final boolean own;
    private final Map<List<String>, String> helps = new ConcurrentHashMap<>();

    private DockerEngine(Map<String, String> env, String description, boolean own) {
        this.env = Map.copyOf(env);
        this.description = description;
        this.own = own;
    }

    /** The engine, found or started once per test run. */
    static synchronized DockerEngine get() {
        if (instance == null) {
            instance = find();
        }
        return instance;
    }

    private static DockerEngine find() {
        Path script = Path.of(System.getProperty("labs.engine", "labs/engine.sh")).toAbsolutePath();
        String host = System.getenv("DOCKER_HOST");
        Map<String, String> privateEnv = engineEnv(script);
        String privateHost = privateEnv.get("DOCKER_HOST");
        boolean own = false;
        Map<String, String> env = new HashMap<>();
        if (host != null && !host.isBlank() && !host.equals(privateHost)) {
            env.put("DOCKER_HOST", host);
        } else if (host == null && answers(Map.of("DOCKER_HOST", "unix:///var/run/docker.sock"))) {
            env.put("DOCKER_HOST", "unix:///var/run/docker.sock");
        } else {
            own = true;
        }
        if (!own && !answers(env)) {
            throw new IllegalStateException("DOCKER_HOST=" + env.get("DOCKER_HOST") + " does not answer `docker version`");
        }
        boolean standins = Boolean.parseBoolean(System.getProperty("labs.standins", String.valueOf(own)));
        if (own || standins) {
            // Idempotent: starts the private engine if needed and builds the stand-ins that are missing.
            List<String> command = List.of("bash", script.toString(), own ? "up" : "images");
            Map<String, String> scriptEnv = new HashMap<>();
            if (!own) {
                // Into a teacher's engine, stand-ins only fill in tags it does not have.
                scriptEnv.put("LABS_DOCKER_HOST", env.get("DOCKER_HOST"));
                scriptEnv.put("LABS_KEEP_EXISTING", "1");
            }
            System.out.println("labs: " + String.join(" ", command));
            Processes.Result up = Processes.run(command, scriptEnv, null, Duration.ofMinutes(30));
            System.out.println(up.output().strip());
            if (!up.ok()) {
                throw new IllegalStateException("labs/engine.sh " + command.get(2) + " failed:\n" + up.tail(30));
            }
        }
        if (own) {
            env.putAll(privateEnv);
        }
        if (!answers(env)) {
            throw new IllegalStateException("the engine at " + env.get("DOCKER_HOST") + " does not answer");
        }
        DockerEngine engine = new DockerEngine(env, "", own);
        String versions;
        if (own) {
            // "Docker Engine 28.5.2+dfsg4 (sid), buildx 0.29.1, Compose 2.40.3", plus a loud note on a fallback.
            versions = Processes.run(List.of("bash", script.toString(), "version"), Map.of(), null,
                    Duration.ofSeconds(60)).output().strip();
        } else {
            versions = "Docker Engine " + engine.docker(Duration.ofSeconds(30), "version", "-f", "{{.Server.Version}}").output().strip()
                    + ", buildx " + engine.docker(Duration.ofSeconds(30), "buildx", "version").output().strip().replaceAll("^\\S+ (\\S+).*", "$1")
                    + ", Compose " + engine.docker(Duration.ofSeconds(30), "compose", "version", "--short").output().strip();
        }
        String description = versions + (own ? ", private engine (labs/engine.sh) " : ", engine ") + env.get("DOCKER_HOST")
                + (standins ? ", stand-in images" : ", images from its registries");
        System.out.println("labs: " + description);
        return new DockerEngine(engine.env, description, own);
    }

    /** The engine's one-line description when a lab has used it in this JVM, else {@code null}. */
    static synchronized String describeIfUsed() {
        return instance == null ? null : instance.describe();
    }

    /** The variables {@code labs/engine.sh env} prints (DOCKER_HOST, DOCKER_CONFIG, PATH). */
    private static Map<String, String> engineEnv(Path script) {
        Map<String, String> env = new LinkedHashMap<>();
        if (!Files.isRegularFile(script)) {
            return env;
        }
        Processes.Result printed = Processes.run(List.of("bash", script.toString(), "env"), Map.of(), null,
                Duration.ofSeconds(30));
        for (String line : printed.output().split("\n")) {
            if (line.startsWith("export ") && line.contains("=")) {
                String name = line.substring(7, line.indexOf('='));
                String value = line.substring(line.indexOf('=') + 1).replace("$PATH", System.getenv("PATH"));
                env.put(name, value);
            }
        }
        return env;
    }

    private static boolean answers(Map<String, String> env) {
        return Processes.run(List.of("docker", "version", "-f", "{{.Server.Version}}"), env, null,
                Duration.ofSeconds(20)).ok();
    }

    /** What a lab's shell needs to reach this engine: DOCKER_HOST and, for the private one, its CLI. */
    Map<String, String> env() {
        return env;
    }

    String describe() {
        return description;
    }

    /** Whether this is the labs' private engine (started by labs/engine.sh), not a teacher's own. */
    boolean own() {
        return own;
    }

    /** Runs the engine's CLI; commands look up {@code docker} on the engine's PATH. */
    Processes.Result docker(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(env.containsKey("PATH") ? which("docker") : "docker");
        command.addAll(Arrays.asList(args));
        return Processes.run(command, env, null, timeout);
    }

    /** Like {@link #docker} but fails the test with the command's output when it does not exit 0. */
    String dockerOk(Duration timeout, String... args) {
        Processes.Result r = docker(timeout, args);
        if (!r.ok()) {
            throw new AssertionError("docker " + String.join(" ", args) + " "
                    + (r.timedOut() ? "timed out" : "exited " + r.exit()) + ":\n" + r.tail(20));
        }
        return r.output();
    }

    /** {@code docker PATH… --help}, cached: the real CLI's commands and flags for static checks. */
    String help(List<String> path) {
        return helps.computeIfAbsent(List.copyOf(path), p -> {
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            return docker(Duration.ofSeconds(30), args.toArray(String[]::new)).output();
        });
    }

    private String which(String name) {
        for (String dir : env.get("PATH").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return name;
    }
}
