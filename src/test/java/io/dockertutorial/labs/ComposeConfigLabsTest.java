package io.dockertutorial.labs;

import io.dockertutorial.compose.ComposeAnalysis;
import io.dockertutorial.compose.ComposeExplainer;
import io.dockertutorial.compose.ComposeTextExplainer;
import io.dockertutorial.compose.checks.Finding;
import io.dockertutorial.compose.model.PortSpec;
import io.dockertutorial.compose.model.Project;
import io.dockertutorial.compose.syntax.Interpolation;
import io.dockertutorial.markdown.CodeFence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Compose file of the course (Compose fences in {@code content/*.md}, compose files in
 * {@code content/examples/}) is accepted by {@code docker compose config} of the labs' CLI (no daemon needed), and
 * what the explainer says it runs (services, images, published ports with their host address, networks, mounts,
 * named volumes, depends_on conditions) is what {@code docker compose config --format json} says. Also: the
 * explainer's errors are files Compose refuses, and its obsolete-version warning is one Compose prints.
 * Override files (compose.NAME.yaml beside a compose.yaml, and lesson fences that show one) are fragments:
 * Compose must accept them merged onto their compose.yaml. Services behind profiles count (--profile "*").
 */
class ComposeConfigLabsTest {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```([^\\n]*)\\n(.*?)^```\\s*$");
    private final ComposeExplainer explainer = new ComposeExplainer();
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path work;

    /**
     * One Compose file; {@code base} is the compose.yaml an override file (compose.override.yaml,
     * compose.prod.yaml …) is merged onto, null for a whole file.
     */
    record ComposeFile(String where, String text, Path folder, Path base) {
        ComposeFile(String where, String text, Path folder) {
            this(where, text, folder, null);
        }
    }

    /** An example's override file: compose.NAME.yaml beside a compose.yaml, which Compose merges it onto. */
    private static Path baseOf(Path file) {
        Path base = file.resolveSibling("compose.yaml");
        return !file.getFileName().toString().equals("compose.yaml") && Files.isRegularFile(base) ? base : null;
    }

    /** The example file a lesson's fence shows (same name, same text), or null. */
    private static Path exampleShown(String title, String text) throws IOException {
        if (title == null || !title.strip().matches("compose\\.[\\w-]+\\.ya?ml")) {
            return null;
        }
        try (Stream<Path> all = Files.walk(Path.of("content/examples"))) {
            for (Path f : all.filter(p -> p.getFileName().toString().equals(title.strip())).toList()) {
                if (Files.readString(f).equals(text)) {
                    return f;
                }
            }
        }
        return null;
    }

    static List<ComposeFile> courseFiles() throws IOException {
        List<ComposeFile> files = new ArrayList<>();
        try (Stream<Path> lessons = Files.list(Path.of("content"))) {
            for (Path md : lessons.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = FENCE.matcher(Files.readString(md));
                int n = 0;
                while (m.find()) {
                    n++;
                    CodeFence fence = CodeFence.parse(m.group(1), m.group(2), n);
                    if (ComposeTextExplainer.isCompose(fence)) {
                        Path shown = exampleShown(fence.title(), m.group(2));
                        Path base = shown == null ? null : baseOf(shown);
                        files.add(new ComposeFile(md.getFileName() + " fence " + n, m.group(2),
                                base == null ? null : shown.getParent(), base));
                    }
                }
            }
        }
        try (Stream<Path> all = Files.walk(Path.of("content/examples"))) {
            for (Path f : all.filter(p -> p.getFileName().toString().matches("(?:docker-)?compose(?:\\.[\\w-]+)?\\.ya?ml"))
                    .sorted().toList()) {
                files.add(new ComposeFile(f.toString(), Files.readString(f), f.getParent(), baseOf(f)));
            }
        }
        return files;
    }

    @Test
    void everyComposeFileOfTheCourseIsAcceptedAndRunsWhatTheExplainerSays() throws IOException {
        DockerEngine engine = DockerEngine.get();
        List<ComposeFile> files = courseFiles();
        assertThat(files).as("the course has Compose files").hasSizeGreaterThanOrEqualTo(3);
        for (ComposeFile f : files) {
            Map<String, String> env = requiredVariables(f.text());
            ComposeAnalysis a = explainer.explain(f.text(), env);
            assertThat(a.errors()).as(f.where()).isEmpty();
            assertThat(a.findings()).as("%s has no findings (the course's Compose files are not deliberately flawed)", f.where())
                    .isEmpty();
            JsonNode config = config(engine, f, env);
            if (f.base() != null) {
                // An override file alone is a fragment: Compose accepts it merged onto its compose.yaml, and
                // what the merge runs is the merge's business (the explainer reads one file).
                System.out.println("labs: compose config accepts " + f.where() + " merged onto " + f.base());
                continue;
            }
            Map<String, Object> runs = fromConfig(config);
            if (a.project().name() == null) {
                // Without name: Compose names the project after its folder, which the file cannot tell
                // (a stack file for docker stack deploy may not have name:, lesson 20).
                runs.remove("name");
            }
            assertThat(explained(a.project())).as("%s: what the explainer says it runs", f.where()).isEqualTo(runs);
            System.out.println("labs: compose config agrees with the explainer for " + f.where());
        }
    }

    @Test
    void theExplainersErrorsAreFilesComposeRefusesAndItsValidFilesAreAccepted() throws IOException {
        DockerEngine engine = DockerEngine.get();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("unknown key", "services:\n  web:\n    image: nginx:1.30\n    portz: [\"80\"]\n");
        cases.put("bad condition", "services:\n  a:\n    image: nginx:1.30\n    depends_on:\n      b:\n        condition: service_ready\n  b:\n    image: nginx:1.30\n");
        cases.put("bad interpolation", "services:\n  a:\n    image: nginx:1.30\n    command: [\"echo\", \"${1abc}\"]\n");
        cases.put("restart no", "services:\n  a:\n    image: nginx:1.30\n    restart: no\n");
        cases.put("anchors and merge", "x-base: &base\n  image: nginx:1.30\nservices:\n  a:\n    <<: *base\n    ports: [\"127.0.0.1:8080:80\"]\n");
        cases.put("long ports", "services:\n  a:\n    image: nginx:1.30\n    ports:\n      - target: 80\n        host_ip: 127.0.0.1\n        published: \"8081\"\n");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            ComposeAnalysis a = explainer.explain(c.getValue());
            boolean explainerRefuses = !a.errors().isEmpty() || a.findings().stream().anyMatch(f -> f.severity().equals("error"));
            Processes.Result r = run(engine, new ComposeFile(c.getKey(), c.getValue(), null), Map.of());
            assertThat(!r.ok()).as("%s: Compose refuses it exactly when the explainer says so (%s)", c.getKey(), r.output())
                    .isEqualTo(explainerRefuses);
            if (r.ok()) {
                assertThat(explained(a.project())).as(c.getKey()).isEqualTo(fromConfig(read(r)));
            }
        }
        ComposeAnalysis versioned = explainer.explain("version: \"3.8\"\nservices:\n  a:\n    image: nginx:1.30\n");
        assertThat(versioned.findings()).extracting(Finding::rule).containsExactly("compose-version-obsolete");
        Processes.Result r = run(engine, new ComposeFile("version", "version: \"3.8\"\nservices:\n  a:\n    image: nginx:1.30\n", null), Map.of());
        assertThat(r.ok()).isTrue();
        assertThat(r.output()).contains("`version` is obsolete");
    }

    /** A value for every variable the file requires (${X:?…}), as a learner's .env would give. */
    private static Map<String, String> requiredVariables(String text) {
        Map<String, String> env = new HashMap<>();
        for (String line : text.split("\n")) {
            for (Interpolation.Use u : Interpolation.parse(line).uses()) {
                if (u.operator() != null && u.operator().contains("?")) {
                    env.put(u.name(), "lab-value-of-" + u.name().toLowerCase());
                }
            }
        }
        return env;
    }

    private Path lastOutput;

    private Processes.Result run(DockerEngine engine, ComposeFile f, Map<String, String> vars) throws IOException {
        Path dir = Files.createTempDirectory(work, "compose");
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, f.text());
        lastOutput = dir.resolve("config.json");
        Map<String, String> env = new HashMap<>(engine.env());
        env.putAll(vars);
        List<String> command = new ArrayList<>(List.of(dockerOf(engine), "compose"));
        if (f.base() != null) {
            command.addAll(List.of("-f", f.base().toAbsolutePath().toString()));
        }
        // Every profile: the explainer describes every service the file defines, profiles or not.
        command.addAll(List.of("-f", file.toString(), "--profile", "*",
                "--project-directory", (f.folder() == null ? dir : f.folder().toAbsolutePath()).toString(),
                "config", "--format", "json", "--output", lastOutput.toString()));
        return Processes.run(command, env, dir, Duration.ofSeconds(60));
    }

    private JsonNode config(DockerEngine engine, ComposeFile f, Map<String, String> env) throws IOException {
        Processes.Result r = run(engine, f, env);
        assertThat(r.ok()).as("docker compose config accepts %s:\n%s", f.where(), r.output()).isTrue();
        return read(r);
    }

    private JsonNode read(Processes.Result r) throws IOException {
        return json.readTree(Files.readString(lastOutput));
    }

    private static String dockerOf(DockerEngine engine) {
        String path = engine.env().get("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (Files.isExecutable(Path.of(dir, "docker"))) {
                    return Path.of(dir, "docker").toString();
                }
            }
        }
        return "docker";
    }

    /** The facts both sides state, in one comparable form. */
    private static Map<String, Object> explained(Project p) {
        Map<String, Object> out = new TreeMap<>();
        if (p.name() != null) {
            out.put("name", p.name());
        }
        p.services().forEach((name, s) -> {
            Map<String, Object> svc = new TreeMap<>();
            svc.put("image", s.image());
            svc.put("ports", s.ports().stream().map(ComposeConfigLabsTest::port).toList());
            svc.put("networks", new java.util.TreeSet<>(s.networks()));
            svc.put("depends_on", new TreeMap<>(s.dependsOn()));
            svc.put("mounts", s.mounts().stream().map(m -> mount(m.type(), m.type().equals("volume") ? m.source() : null,
                    m.target(), m.readOnly())).toList());
            out.put("service " + name, svc);
        });
        out.put("volumes", new java.util.TreeSet<>(p.volumes()));
        out.put("networks", new java.util.TreeSet<>(p.networks()));
        return out;
    }

    private static Map<String, Object> fromConfig(JsonNode c) {
        Map<String, Object> out = new TreeMap<>();
        out.put("volumes", new java.util.TreeSet<>(c.path("volumes").propertyNames()));
        out.put("networks", new java.util.TreeSet<>(c.path("networks").propertyNames()));
        for (String name : c.path("services").propertyNames()) {
            JsonNode s = c.path("services").path(name);
            Map<String, Object> svc = new TreeMap<>();
            svc.put("image", s.hasNonNull("image") ? s.get("image").asString() : null);
            List<String> ports = new ArrayList<>();
            for (JsonNode p : s.path("ports")) {
                ports.add(port(new PortSpec(p.hasNonNull("host_ip") ? p.get("host_ip").asString() : null,
                        p.hasNonNull("published") ? p.get("published").asString() : null, p.path("target").asInt(),
                        p.path("protocol").asString("tcp"))));
            }
            svc.put("ports", ports);
            svc.put("networks", new java.util.TreeSet<>(s.path("networks").propertyNames()));
            Map<String, String> deps = new TreeMap<>();
            for (String d : s.path("depends_on").propertyNames()) {
                deps.put(d, s.path("depends_on").path(d).path("condition").asString());
            }
            svc.put("depends_on", deps);
            List<Map<String, Object>> mounts = new ArrayList<>();
            for (JsonNode v : s.path("volumes")) {
                String type = v.path("type").asString();
                mounts.add(mount(type, type.equals("volume") && v.hasNonNull("source") ? v.get("source").asString() : null,
                        v.path("target").asString(), v.path("read_only").asBoolean(false)));
            }
            svc.put("mounts", mounts);
            out.put("service " + name, svc);
        }
        if (c.hasNonNull("name") && !c.get("name").asString().startsWith("compose")) {
            out.put("name", c.get("name").asString());
        }
        return out;
    }

    private static String port(PortSpec p) {
        return (p.hostIp() == null ? "*" : p.hostIp()) + ":" + (p.published() == null ? "?" : p.published()) + "->"
                + p.target() + "/" + p.protocol();
    }

    private static Map<String, Object> mount(String type, String source, String target, boolean readOnly) {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", type);
        m.put("source", source);
        m.put("target", target);
        m.put("read_only", readOnly);
        return m;
    }

}
