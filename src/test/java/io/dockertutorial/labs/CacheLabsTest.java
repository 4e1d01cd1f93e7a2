package io.dockertutorial.labs;

import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import io.dockertutorial.cache.CachePrediction;
import io.dockertutorial.cache.CachePrediction.Outcome;
import io.dockertutorial.cache.CacheSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache simulator against the real engine: every case builds a project, changes one file (or one build
 * argument), builds again with {@code --progress=plain} and compares the steps BuildKit reports as
 * {@code CACHED} with the simulator's prediction, step by step. The changed content is new on every run
 * (a random nonce), so no earlier run's cache can answer for it. Steps use paths of their own (/cache-lab/…):
 * BuildKit shares identical steps between builds running at the same time, so a concurrent build of the same
 * steps (another lab, possibly with --no-cache) could otherwise decide what this build reports. Uses the labs' engine ({@link DockerEngine})
 * with debian:trixie-slim, python:3.13-slim, golang (1.27, 1.26 or 1.25) and node:24-slim (stand-ins will do);
 * runs only in the {@code labs} profile.
 */
class CacheLabsTest {

    /** One comparison: a project, the file changed between the builds (or a build argument), the target. */
    record Case(String name, Map<String, String> files, String change, String target, String buildArg) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String PY_APP = "print('hello from the app')\n";
    private static final String GO_MAIN = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n";

    private static final List<String> COMPARED = new ArrayList<>();

    /** The Go stand-in's tag: the labs' images follow the Go release the course names. */
    private static final String GOLANG = Stream.of("golang:1.27", "golang:1.26", "golang:1.25")
            .filter(CacheLabsTest::imageExists).findFirst().orElse("golang:1.27");

    private static boolean imageExists(String tag) {
        return docker(List.of("image", "inspect", "--format", "{{.Id}}", tag)).ok();
    }

    static Stream<Case> cases() {
        Map<String, String> python = files(
                "Dockerfile", """
                        FROM python:3.13-slim
                        WORKDIR /app
                        COPY requirements.txt .
                        RUN pip install --no-cache-dir -r requirements.txt
                        COPY . .
                        RUN python -m py_compile app.py
                        CMD ["python", "app.py"]
                        """,
                ".dockerignore", "*.md\n.env\n",
                "requirements.txt", "# no dependencies\n",
                "app.py", PY_APP,
                "README.md", "# the app\n",
                ".env", "TOKEN=none\n");
        Map<String, String> badOrder = new LinkedHashMap<>(python);
        badOrder.put("Dockerfile", """
                FROM python:3.13-slim
                WORKDIR /app
                COPY . .
                RUN pip install --no-cache-dir -r requirements.txt
                CMD ["python", "app.py"]
                """);
        badOrder.remove(".dockerignore");
        Map<String, String> go = files(
                "Dockerfile", ("""
                        FROM GOLANG AS build
                        WORKDIR /cache-lab/src
                        COPY go.mod ./
                        RUN go mod download
                        COPY *.go ./
                        RUN CGO_ENABLED=0 GOTOOLCHAIN=local go build -o /out/app .

                        FROM GOLANG AS test
                        WORKDIR /cache-lab/src
                        COPY . .
                        RUN echo would run the tests

                        FROM debian:trixie-slim
                        COPY --from=build /out/app /usr/local/bin/app
                        COPY config.yml /etc/app.yml
                        CMD ["app"]
                        """).replace("GOLANG", GOLANG),
                "go.mod", "module example.org/app\n\ngo 1.24\n",
                "main.go", GO_MAIN,
                "config.yml", "greeting: hi\n",
                "main_test.go", "package main\n",
                "testdata/input.txt", "input\n");
        Map<String, String> args = files(
                "Dockerfile", """
                        FROM debian:trixie-slim
                        RUN echo before
                        ARG VERSION=1
                        ENV APP_VERSION=$VERSION
                        COPY app.txt /app/
                        WORKDIR /app
                        RUN echo "version $APP_VERSION"
                        """,
                "app.txt", "app\n");
        Map<String, String> mounts = files(
                "Dockerfile", """
                        FROM debian:trixie-slim
                        RUN --mount=type=bind,source=deps.txt,target=/tmp/deps.txt cat /tmp/deps.txt
                        RUN --mount=type=cache,target=/var/cache/thing echo cache mounts are not in the key
                        COPY --link static/ /srv/static/
                        COPY src/ /srv/src/
                        RUN ls /srv
                        """,
                "deps.txt", "one\n",
                "static/site.css", "body {}\n",
                "src/a.txt", "a\n");
        return Stream.of(
                new Case("python: source file", python, "app.py", null, null),
                new Case("python: requirements", python, "requirements.txt", null, null),
                new Case("python: .dockerignored README", python, "README.md", null, null),
                new Case("python: .dockerignored .env", python, ".env", null, null),
                new Case("python: Dockerfile itself is in the context", python, "Dockerfile", null, null),
                new Case("python, COPY . . first: README", badOrder, "README.md", null, null),
                new Case("go multi-stage: source (COPY --from follows the build stage)", go, "main.go", null, null),
                new Case("go multi-stage: config only in the final stage", go, "config.yml", null, null),
                new Case("go multi-stage: test data only in the unused stage", go, "testdata/input.txt", null, null),
                new Case("go multi-stage --target test: test data", go, "testdata/input.txt", "test", null),
                new Case("build argument: RUN after ARG misses, COPY does not", args, null, null, "VERSION"),
                new Case("bind mount source, then COPY --link after a miss", mounts, "deps.txt", null, null),
                new Case("directory COPY", mounts, "src/a.txt", null, null));
    }

    private static Map<String, String> files(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @BeforeAll
    static void engineAnswers() throws Exception {
        Processes.Result version = docker(List.of("version", "--format", "{{.Server.Version}}"));
        assertThat(version.ok()).as("the Docker Engine must answer: " + version.output()).isTrue();
        System.out.println("cache labs: engine " + version.output().strip());
    }

    @AfterAll
    static void report() {
        System.out.println("cache labs: the simulator agreed with the engine in " + COMPARED.size() + " builds:");
        COMPARED.forEach(c -> System.out.println("  - " + c));
        NOT_COMPARED.forEach(c -> System.out.println("  not compared: " + c));
        // These builds share steps with the lessons' projects: left in the build cache, they change what a
        // lesson's build reuses (lesson 19's inline cache came out without its COPY --from step). On the labs'
        // private engine nothing else builds, so the cache goes; on someone's own engine it stays.
        if (DockerEngine.get().own()) {
            DockerEngine.get().docker(Duration.ofMinutes(2), "builder", "prune", "-af");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void simulatorAgreesWithTheEngine(Case c) throws Exception {
        Path dir = Files.createTempDirectory("cache-lab-");
        try {
            c.files().forEach((name, text) -> write(dir.resolve(name), text));
            compare(c.name(), dir, c.change(), c.target(), c.buildArg());
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * The one difference we know of, kept as a check of the rule behind it: {@code COPY --from} hashes the files
     * it takes. A changed {@code _test.go} reruns the build stage, but {@code go build} leaves tests out, so the
     * binary is byte-for-byte the same and BuildKit reuses the final stage. The simulator cannot know what a RUN
     * produces; it predicts a rerun and its reason says "unless that stage produced the same files".
     */
    @Test
    void copyFromComparesFileContentsNotTheStageHistory() throws Exception {
        Case go = cases().filter(c -> c.name().startsWith("go multi-stage: source")).findFirst().orElseThrow();
        Path dir = Files.createTempDirectory("cache-lab-");
        try {
            go.files().forEach((name, text) -> write(dir.resolve(name), text));
            Comparison c = build("go: _test.go changed", dir, "main_test.go", null, null);
            // Before the build the simulator can only say "runs again unless the files come out the same" ...
            assertThat(c.beforeTheBuild().at(14).outcome()).isEqualTo(Outcome.REBUILT);
            assertThat(c.beforeTheBuild().at(14).reason()).isEqualTo("copy-from-stage-changed");
            // ... the engine reran the build stage and reused the final one: go build leaves tests out.
            assertThat(c.engine()).as(c.output()).containsEntry(5, "rebuilt").containsEntry(6, "rebuilt")
                    .containsEntry(14, "cached").containsEntry(15, "cached");
            assertThat(c.sameOutput()).isNotEmpty().allMatch(step -> step.startsWith("build:"));
            c.assertAgree();
        } finally {
            deleteTree(dir);
        }
    }

    /** The course's own example projects: every file of each, changed one at a time. */
    @Test
    void exampleProjects() throws Exception {
        Path examples = Path.of("content/examples");
        assertThat(examples).isDirectory();
        List<Path> projects;
        try (Stream<Path> list = Files.list(examples)) {
            projects = list.filter(p -> Files.isRegularFile(p.resolve("Dockerfile"))).sorted().toList();
        }
        assertThat(projects).as("example projects with a Dockerfile").isNotEmpty();
        int compared = 0;
        for (Path project : projects) {
            List<String> files = listFiles(project);
            Path probe = copy(project, files);
            try {
                String dockerfile = Files.readString(probe.resolve("Dockerfile")).replaceFirst("(?m)\\A# syntax=.*\\n", "");
                Files.writeString(probe.resolve("Dockerfile"), dockerfile);
                Processes.Result build = docker(List.of("build", "--progress=plain", probe.toString()));
                if (!build.ok()) {
                    // Whether the project builds is CourseLabsTest's question; here there is nothing to compare.
                    System.out.println("cache labs: not compared, " + project.getFileName() + " does not build here:\n"
                            + build.tail(8));
                    NOT_COMPARED.add(project.getFileName() + " (does not build on this engine)");
                    continue;
                }
            } finally {
                deleteTree(probe);
            }
            for (String file : representatives(project, files)) {
                Path dir = copy(project, files);
                try {
                    compare(project.getFileName() + ": " + file, dir, file, null, null);
                    compared++;
                } finally {
                    deleteTree(dir);
                }
            }
        }
        assertThat(compared).as("example files compared").isPositive();
    }

    private static final int MAX_FILES_PER_PROJECT = 3;

    /**
     * Up to {@link #MAX_FILES_PER_PROJECT} files whose changes the simulator expects to do different things
     * (each builds for minutes under load): the first file of each distinct set of rebuilt lines, the largest sets first.
     */
    private static List<String> representatives(Path project, List<String> files) throws Exception {
        String dockerfile = Files.readString(project.resolve("Dockerfile"));
        Path ignorePath = project.resolve(".dockerignore");
        String ignore = Files.isRegularFile(ignorePath) ? Files.readString(ignorePath) : null;
        ParsedDockerfile parsed = new DockerfileParser().parse(dockerfile);
        Map<List<Integer>, String> firstByOutcome = new LinkedHashMap<>();
        for (String file : files) {
            if (file.equals("Dockerfile") || file.equals(".dockerignore")) {
                continue;
            }
            CachePrediction p = new CacheSimulator().predict(parsed,
                    new CacheSimulator.Change(files, ignore, List.of(file), null, List.of()));
            firstByOutcome.putIfAbsent(p.lines(Outcome.REBUILT), file);
        }
        return firstByOutcome.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getKey().size(), a.getKey().size()))
                .limit(MAX_FILES_PER_PROJECT).map(Map.Entry::getValue).toList();
    }
    private static final List<String> NOT_COMPARED = new ArrayList<>();

    private static Path copy(Path project, List<String> files) throws IOException {
        Path dir = Files.createTempDirectory("cache-lab-");
        for (String f : files) {
            Path target = dir.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(project.resolve(f), target);
        }
        return dir;
    }

    // ---------------------------------------------------------------------------------------------

    /** What the engine did and what the simulator said, line by line ("cached", "rebuilt", "not built"). */
    record Comparison(String name, Map<Integer, String> engine, Map<Integer, String> simulator,
                      CachePrediction prediction, CachePrediction beforeTheBuild, List<String> sameOutput, String output) {

        void assertAgree() {
            assertThat(engine).as(name + ": engine (left) vs simulator; build output:\n" + output).isEqualTo(simulator);
            COMPARED.add(name + ": rebuilt " + prediction.lines(Outcome.REBUILT) + ", cached "
                    + prediction.lines(Outcome.CACHED)
                    + (prediction.lines(Outcome.NOT_BUILT).isEmpty() ? "" : ", not built " + prediction.lines(Outcome.NOT_BUILT))
                    + (sameOutput.isEmpty() ? "" : " (stage:line " + String.join(", ", sameOutput)
                    + ": the stage ran again but the files that step takes came out the same, COPY --from reused)"));
        }
    }

    /**
     * Builds and compares; a disagreement is tried once more with fresh content. BuildKit shares identical steps
     * with builds running at the same time on the same engine (another lab, maybe with --no-cache), which can make
     * a step of ours run; a real difference shows up twice.
     */
    private static void compare(String name, Path dir, String change, String target, String buildArg) throws Exception {
        Comparison c = build(name, dir, change, target, buildArg);
        if (!c.engine().equals(c.simulator())) {
            System.out.println("cache labs: " + name + " disagreed once, building again:\n" + c.output());
            c = build(name, dir, change, target, buildArg);
        }
        c.assertAgree();
    }

    private static Comparison build(String name, Path dir, String change, String target, String buildArg) throws Exception {
        // The frontend image of a "# syntax=" line cannot be pulled offline; the built-in frontend has the same rules.
        Path dockerfilePath = dir.resolve("Dockerfile");
        String dockerfile = Files.readString(dockerfilePath).replaceFirst("(?m)\\A# syntax=.*\\n", "");
        Files.writeString(dockerfilePath, dockerfile);
        String tag = "cache-lab-" + Integer.toHexString(name.hashCode());
        List<String> build = new ArrayList<>(List.of("build", "--progress=plain", "-t", tag));
        if (target != null) {
            build.addAll(List.of("--target", target));
        }
        List<String> first = new ArrayList<>(build);
        if (buildArg != null) {
            first.addAll(List.of("--build-arg", buildArg + "=first"));
        }
        first.add(dir.toString());
        Processes.Result one = docker(first);
        assertThat(one.ok()).as("first build of " + name + ":\n" + one.tail(40)).isTrue();

        String nonce = UUID.randomUUID().toString();
        List<String> second = new ArrayList<>(build);
        if (buildArg != null) {
            second.addAll(List.of("--build-arg", buildArg + "=" + nonce));
        }
        if (change != null) {
            Path file = dir.resolve(change);
            Files.writeString(file, changed(change, Files.readString(file), nonce));
        }
        second.add(dir.toString());
        Processes.Result two = docker(second);
        assertThat(two.ok()).as("second build of " + name + ":\n" + two.tail(40)).isTrue();

        ParsedDockerfile parsed = new DockerfileParser().parse(Files.readString(dockerfilePath));
        String ignore = Files.isRegularFile(dir.resolve(".dockerignore")) ? Files.readString(dir.resolve(".dockerignore")) : null;
        List<String> context = listFiles(dir);
        List<String> changedFiles = change == null ? List.of() : List.of(change);
        List<String> args = buildArg == null ? List.of() : List.of(buildArg);
        CachePrediction predicted = new CacheSimulator().predict(parsed,
                new CacheSimulator.Change(context, ignore, changedFiles, target, args));
        Map<Integer, Boolean> engine = engineOutcomes(parsed, two.output(), built(predicted));
        // COPY --from compares the files it takes: where the engine reused it although the source stage ran again,
        // what that step takes came out the same (another COPY --from of the same stage may take a changed file).
        // The simulator cannot know that before the build; told which steps, it must agree.
        // Told about one step, the simulator may see the next COPY --from for what it is (no longer after a miss),
        // so this repeats until nothing new is learned.
        List<String> sameOutput = new ArrayList<>();
        CachePrediction beforeTheBuild = predicted;
        for (boolean learned = true; learned; ) {
            learned = false;
            for (CachePrediction.Step st : predicted.steps()) {
                String step = st.values().get("stage") + ":" + st.line();
                if ("copy-from-stage-changed".equals(st.reason()) && Boolean.TRUE.equals(engine.get(st.line()))
                        && !sameOutput.contains(step)) {
                    sameOutput.add(step);
                    learned = true;
                }
            }
            if (learned) {
                predicted = new CacheSimulator().predict(parsed,
                        new CacheSimulator.Change(context, ignore, changedFiles, target, args, sameOutput));
            }
        }
        Map<Integer, String> expected = new TreeMap<>();
        Map<Integer, String> actual = new TreeMap<>();
        for (CachePrediction.Step s : predicted.steps()) {
            boolean fromImage = s.instruction().is("FROM");
            if (s.outcome() == Outcome.SETTING || fromImage) {
                continue; // no step of its own; FROM of an image never says CACHED or runs
            }
            expected.put(s.line(), s.outcome() == Outcome.NOT_BUILT ? "not built" : s.outcome().name().toLowerCase(Locale.ROOT));
            Boolean cached = engine.get(s.line());
            actual.put(s.line(), cached == null ? "not built" : cached ? "cached" : "rebuilt");
        }
        engine.keySet().forEach(line -> actual.putIfAbsent(line, "unexpected step"));
        docker(List.of("image", "rm", tag)); // the build cache stays; only the tag goes
        return new Comparison(name, actual, expected, predicted, beforeTheBuild, sameOutput, steps(two.output()));
    }

    private static java.util.Set<Integer> built(CachePrediction p) {
        java.util.Set<Integer> built = new java.util.HashSet<>();
        p.steps().stream().filter(st -> st.outcome() != Outcome.NOT_BUILT).forEach(st -> built.add(st.line()));
        return built;
    }

    /** Changes a file so that its content is new (never built before) and the project still builds. */
    private static String changed(String name, String text, String nonce) {
        if (name.endsWith(".json")) {
            return text.replaceFirst("\\{", "{\"cacheLabNonce\": \"" + nonce + "\",");
        }
        if (name.endsWith(".go") || name.endsWith("go.mod") || name.endsWith("go.sum")) {
            return text + "\n// " + nonce + "\n";
        }
        if (name.endsWith(".js") || name.endsWith(".css")) {
            return text + "\n/* " + nonce + " */\n";
        }
        return text + "\n# " + nonce + "\n";
    }

    /** {@code #7 [3/5] COPY app.py .} or {@code #9 [build 2/4] RUN go build}. */
    private static final Pattern STEP = Pattern.compile("^#(\\d+) \\[(?:(\\S+) )?(\\d+)/(\\d+)] (.+)$");
    private static final Pattern CACHED = Pattern.compile("^#(\\d+) CACHED$");

    /**
     * Line of each step the engine ran or took from the cache → whether it said CACHED. BuildKit merges identical
     * steps (same op on the same parent, e.g. {@code WORKDIR /src} on the same base in two stages) into one vertex
     * printed under the first stage's name, so a vertex stands for every equivalent step; it is counted for those
     * in stages this build needs ({@code built}).
     */
    private static Map<Integer, Boolean> engineOutcomes(ParsedDockerfile parsed, String output, java.util.Set<Integer> built) {
        Map<String, List<Instruction>> stageSteps = stageSteps(parsed);
        Map<Integer, String> chain = chainKeys(parsed, stageSteps);
        Map<String, List<Integer>> linesOfVertex = new LinkedHashMap<>();
        List<String> cached = new ArrayList<>();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            Matcher step = STEP.matcher(line);
            if (step.matches() && step.group(5).startsWith("FROM ")) {
                // FROM an image never says CACHED or runs; BuildKit may even print it under another build's
                // name when the same base image vertex is shared.
                continue;
            }
            if (step.matches()) {
                String stage = step.group(2) == null ? lastStage(stageSteps) : step.group(2);
                List<Instruction> steps = stageSteps.get(stage);
                int index = Integer.parseInt(step.group(3));
                assertThat(steps).as("stage " + stage + " in the build output").isNotNull();
                assertThat(steps.size()).as("steps of stage " + stage).isEqualTo(Integer.parseInt(step.group(4)));
                int own = steps.get(index - 1).startLine();
                List<Integer> same = chain.entrySet().stream()
                        .filter(e -> e.getValue().equals(chain.get(own)) && built.contains(e.getKey()))
                        .map(Map.Entry::getKey).toList();
                linesOfVertex.putIfAbsent(step.group(1), same.isEmpty() ? List.of(own) : same);
                continue;
            }
            Matcher hit = CACHED.matcher(line);
            if (hit.matches()) {
                cached.add(hit.group(1));
            }
        }
        Map<Integer, Boolean> outcome = new TreeMap<>();
        linesOfVertex.forEach((vertex, lines) -> lines.forEach(l -> outcome.merge(l, cached.contains(vertex), Boolean::logicalAnd)));
        return outcome;
    }

    /** Per step line: its base and the text of every step up to it, which is what makes two steps one vertex. */
    private static Map<Integer, String> chainKeys(ParsedDockerfile parsed, Map<String, List<Instruction>> stageSteps) {
        Map<Integer, String> keys = new TreeMap<>();
        Map<String, String> stageEnd = new LinkedHashMap<>();
        String current = null;
        String stage = null;
        List<String> names = new ArrayList<>(stageSteps.keySet());
        int index = -1;
        for (Instruction i : parsed.instructions()) {
            if (i.is("FROM")) {
                if (stage != null) {
                    stageEnd.put(stage, current);
                }
                index++;
                stage = names.get(index);
                String base = i.arguments().isEmpty() ? "" : i.arguments().get(0).toLowerCase(Locale.ROOT);
                current = stageEnd.containsKey(base) ? stageEnd.get(base) : "FROM " + base;
            } else if (stage != null && stageSteps.get(stage).contains(i)) {
                current = current + "\n" + i.original();
                keys.put(i.startLine(), current);
            }
        }
        return keys;
    }

    /**
     * The steps BuildKit numbers in each stage, by the name it prints ({@code build}, {@code stage-2}): the FROM
     * of an image is step 1 (a FROM of another stage is no step), then each RUN, COPY, ADD and WORKDIR.
     */
    private static Map<String, List<Instruction>> stageSteps(ParsedDockerfile parsed) {
        Map<String, List<Instruction>> stages = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Instruction> current = null;
        for (Instruction i : parsed.instructions()) {
            if (i.is("FROM")) {
                List<String> a = i.arguments();
                String name = a.size() >= 3 && a.get(1).equalsIgnoreCase("AS") ? a.get(2).toLowerCase(Locale.ROOT)
                        : "stage-" + stages.size();
                boolean fromStage = !a.isEmpty() && names.contains(a.get(0).toLowerCase(Locale.ROOT));
                current = new ArrayList<>();
                if (!fromStage) {
                    current.add(i);
                }
                stages.put(name, current);
                names.add(name);
            } else if (current != null && (i.is("RUN") || i.is("COPY") || i.is("ADD") || i.is("WORKDIR"))) {
                current.add(i);
            }
        }
        return stages;
    }

    private static String lastStage(Map<String, List<Instruction>> stages) {
        return new ArrayList<>(stages.keySet()).get(stages.size() - 1);
    }

    private static String steps(String output) {
        StringBuilder out = new StringBuilder();
        for (String line : output.split("\n")) {
            if (STEP.matcher(line.strip()).matches() || CACHED.matcher(line.strip()).matches()) {
                out.append(line.strip()).append('\n');
            }
        }
        return out.toString();
    }

    // --- processes and files ------------------------------------------------------------------------

    /** The labs' engine (DOCKER_HOST, or the private one labs/engine.sh starts). */
    private static Processes.Result docker(List<String> args) {
        return DockerEngine.get().docker(Duration.ofMinutes(10), args.toArray(String[]::new));
    }

    private static List<String> listFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
