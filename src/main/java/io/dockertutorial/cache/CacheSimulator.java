package io.dockertutorial.cache;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.dockerfile.syntax.Dockerignore;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import io.dockertutorial.cache.CachePrediction.Outcome;
import io.dockertutorial.cache.CachePrediction.Step;
import io.dockertutorial.cache.CacheStages.Stage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Predicts which instructions miss BuildKit's cache on the next build after some files of the build
 * context changed (and, optionally, some build arguments), the previous build having been complete with
 * the same base images. The rules, from BuildKit's solver and Dockerfile frontend:
 * <ul>
 * <li>A step's cache key is its own definition plus the key of the step below it, so once a step misses,
 * every later step of its stage misses too.</li>
 * <li>COPY and ADD also hash the content of the files they take (after {@code .dockerignore}); a
 * {@code RUN --mount=type=bind} hashes the files it mounts. Nothing else looks at file contents: a RUN is
 * reused while its command text, its environment and the layer below are unchanged.</li>
 * <li>{@code COPY --from=stage} hashes the files it takes from that stage's result.</li>
 * <li>Every build argument declared with ARG in a stage is in the environment of each later RUN of that
 * stage; ENV, WORKDIR, USER, CMD and the like only change the image configuration and are no steps.</li>
 * <li>Only the stages the target needs (through FROM, {@code COPY --from}, {@code RUN --mount from=}) are built.</li>
 * </ul>
 * Plain Java, no Spring; one instance may be shared.
 */
public final class CacheSimulator {

    /**
     * What differs from the last build.
     *
     * @param context      the files of the build context (relative paths)
     * @param dockerignore the text of {@code .dockerignore}, or {@code null}
     * @param changed      the files that changed, were added or removed
     * @param target       the stage to build ({@code --target}), or {@code null} for the last one
     * @param changedArgs  build arguments given a new value ({@code --build-arg NAME=…})
     * @param sameOutput   stages known to produce byte-for-byte the same files even though steps in them run
     *                     again (a compiler that ignores the changed file): what {@code COPY --from} takes from
     *                     them is unchanged; or {@code stage:line}, only what the step on that line takes from the
     *                     stage (another file of it may have changed). Nobody can know this before building; the
     *                     labs learn it from the engine.
     */
    public record Change(Collection<String> context, String dockerignore, Collection<String> changed, String target,
                         Collection<String> changedArgs, Collection<String> sameOutput) {

        public Change {
            context = context == null ? List.of() : List.copyOf(context);
            changed = changed == null ? List.of() : List.copyOf(changed);
            changedArgs = changedArgs == null ? List.of() : List.copyOf(changedArgs);
            sameOutput = sameOutput == null ? List.of() : List.copyOf(sameOutput);
        }

        public Change(Collection<String> context, String dockerignore, Collection<String> changed, String target,
                      Collection<String> changedArgs) {
            this(context, dockerignore, changed, target, changedArgs, List.of());
        }
    }

    /** {@code --target} names no stage of the Dockerfile. */
    public static final class UnknownTargetException extends Exception {
        public UnknownTargetException(String target) {
            super("The Dockerfile has no stage named '" + target + "' to use as the target.");
        }
    }

    public CachePrediction predict(ParsedDockerfile parsed, Change change) throws UnknownTargetException {
        return new Run(parsed, change).predict();
    }

    /** One prediction's working state. */
    private static final class Run {
        private final ParsedDockerfile parsed;
        private final Change change;
        private final ContextFiles files;
        private final CacheStages graph;
        private final Map<Integer, Step> steps = new HashMap<>();

        Run(ParsedDockerfile parsed, Change change) {
            this.parsed = parsed;
            this.change = change;
            this.files = new ContextFiles(change.context(), Dockerignore.parse(change.dockerignore()), change.changed());
            this.graph = new CacheStages(parsed, change.changedArgs());
        }

        CachePrediction predict() throws UnknownTargetException {
            for (Instruction arg : graph.globals) {
                String first = graph.declareGlobal(arg);
                put(arg, Outcome.SETTING, first == null ? null : "arg-changed-global",
                        first == null ? Map.of() : Map.of("arg", first));
            }
            for (Stage s : graph.stages) {
                graph.resolveBase(s);
            }
            Stage target = graph.target(change.target());
            if (target != null) {
                graph.markNeeded(target);
            }
            for (Stage s : graph.stages) {
                if (s.needed) {
                    evaluate(s);
                } else {
                    skip(s, target);
                }
            }
            List<Step> ordered = new ArrayList<>();
            for (Instruction i : parsed.instructions()) {
                Step s = steps.get(i.startLine());
                ordered.add(s != null ? s : new Step(i, Outcome.SETTING, null, Map.of()));
            }
            return new CachePrediction(List.copyOf(ordered), target == null ? null : target.label());
        }

        private void skip(Stage s, Stage target) {
            Map<String, String> values = Map.of("stage", s.label(), "target", target == null ? "" : target.label());
            put(s.from, Outcome.NOT_BUILT, "stage-not-needed", values);
            for (Instruction i : s.body) {
                Deadline.check();
                Set<String> hit = new TreeSet<>();
                if ((i.is("COPY") || i.is("ADD")) && i.flag("from") == null && i.arguments().size() > 1) {
                    for (String src : i.arguments().subList(0, i.arguments().size() - 1)) {
                        hit.addAll(files.changedAmong(files.taken(graph.expand(src, graph.globalValues).value())));
                    }
                }
                if (hit.isEmpty()) {
                    put(i, Outcome.NOT_BUILT, "stage-not-needed", values);
                } else {
                    Map<String, String> v = new HashMap<>(values);
                    v.put("file", CopyEvidence.list(hit));
                    put(i, Outcome.NOT_BUILT, "copy-not-built", v);
                }
            }
        }

        // --- one stage, instruction by instruction ----------------------------------------------------

        private void evaluate(Stage s) {
            if (s.done || s.evaluating) {
                return;
            }
            s.evaluating = true;
            from(s);
            for (Instruction i : s.body) {
                Deadline.check();
                Instruction x = i.effective();
                if (i.inner() != null) {
                    put(i, Outcome.SETTING, null, Map.of());
                } else if (x.is("ARG")) {
                    arg(s, i);
                } else if (x.is("ENV")) {
                    env(s, i);
                } else if (x.is("WORKDIR")) {
                    workdir(s, i);
                } else if (x.is("RUN")) {
                    run(s, i);
                } else if (x.is("COPY") || x.is("ADD")) {
                    copy(s, i);
                } else {
                    put(i, Outcome.SETTING, null, Map.of());
                }
            }
            s.evaluating = false;
            s.done = true;
        }

        private void from(Stage s) {
            if (s.base != null) {
                evaluate(s.base);
                s.changedVars = new LinkedHashMap<>(s.base.changedVars);
                s.values = new HashMap<>(s.base.values);
                s.kinds = new HashMap<>(s.base.kinds);
                if (s.base.firstMiss > 0) {
                    miss(s, s.from, "base-stage-changed", Map.of("stage", s.base.label()));
                } else {
                    put(s.from, Outcome.CACHED, "base-stage-same", Map.of("stage", s.base.label()));
                }
                return;
            }
            String arg = CacheStages.first(s.imageVars, graph.globalChanged);
            if (arg != null) {
                miss(s, s.from, "base-image-arg", Map.of("image", s.image, "arg", arg));
            } else {
                put(s.from, Outcome.CACHED, "base-image", Map.of("image", s.image));
            }
        }

        private void arg(Stage s, Instruction i) {
            String first = null;
            for (String word : i.arguments()) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                boolean changed = graph.changedArgs.contains(name);
                String value = null;
                if (eq >= 0) {
                    CacheStages.Expanded v = graph.expand(word.substring(eq + 1), s.values);
                    value = v.value();
                    changed |= CacheStages.intersects(v.used(), s.changedVars.keySet());
                } else if (graph.globalValues.containsKey(name) || graph.globalChanged.contains(name)) {
                    // ARG NAME without a value takes the global ARG's value.
                    value = graph.globalValues.get(name);
                    changed |= graph.globalChanged.contains(name);
                }
                if (value != null || changed) {
                    s.values.put(name, value == null ? "" : value);
                }
                s.kinds.put(name, "ARG");
                if (changed) {
                    s.changedVars.put(name, i.startLine());
                    first = first == null ? name : first;
                } else {
                    s.changedVars.remove(name);
                }
            }
            put(i, Outcome.SETTING, first == null ? null : "arg-changed", first == null ? Map.of() : Map.of("arg", first));
        }

        private void env(Stage s, Instruction i) {
            List<String> a = i.arguments();
            String first = null;
            String cause = null;
            for (int k = 0; k + 1 < a.size(); k += 3) {
                String name = a.get(k);
                CacheStages.Expanded v = graph.expand(a.get(k + 1), s.values);
                s.values.put(name, v.value());
                s.kinds.put(name, "ENV");
                String used = CacheStages.first(v.used(), s.changedVars.keySet());
                if (used != null) {
                    s.changedVars.put(name, i.startLine());
                    if (first == null) {
                        first = name;
                        cause = used;
                    }
                } else {
                    s.changedVars.remove(name);
                }
            }
            put(i, Outcome.SETTING, first == null ? null : "env-changed",
                    first == null ? Map.of() : Map.of("name", first, "arg", cause));
        }

        private void workdir(Stage s, Instruction i) {
            if (s.firstMiss > 0) {
                afterMiss(s, i);
                return;
            }
            CacheStages.Expanded path = graph.expand(i.arguments().isEmpty() ? "" : i.arguments().get(0), s.values);
            String var = CacheStages.first(path.used(), s.changedVars.keySet());
            if (var != null) {
                miss(s, i, "workdir-var", varValues(s, var));
            } else {
                put(i, Outcome.CACHED, "workdir-same", Map.of("path", path.value()));
            }
        }

        private void run(Stage s, Instruction i) {
            if (s.firstMiss > 0) {
                afterMiss(s, i);
                return;
            }
            if (!s.changedVars.isEmpty()) {
                String var = s.changedVars.keySet().iterator().next();
                miss(s, i, "run-var", varValues(s, var));
                return;
            }
            for (Mount m : Mount.of(i)) {
                if (!m.type().equals("bind") && !m.type().equals("cache")) {
                    continue;
                }
                if (m.from() == null) {
                    if (!m.type().equals("bind")) {
                        continue;
                    }
                    Set<String> hit = files.changedAmong(files.taken(m.source()));
                    if (!hit.isEmpty()) {
                        miss(s, i, "bind-changed", Map.of("file", String.join(", ", hit)));
                        return;
                    }
                } else {
                    Stage dep = graph.stageByName(m.from(), s.index);
                    if (dep != null) {
                        evaluate(dep);
                        if (dep.firstMiss > 0 && !sameOutput(dep, i)) {
                            miss(s, i, "bind-stage-changed", Map.of("stage", dep.label()));
                            return;
                        }
                    }
                }
            }
            put(i, Outcome.CACHED, "run-same", Map.of());
        }

        private void copy(Stage s, Instruction i) {
            String keyword = i.keyword();
            List<String> words = i.arguments();
            List<String> sources = words.size() > 1 ? words.subList(0, words.size() - 1) : List.of();
            Set<String> used = new LinkedHashSet<>();
            List<String> local = new ArrayList<>();
            boolean remote = false;
            for (String src : sources) {
                if (src.startsWith("<<")) {
                    continue; // a here-document: its text is in the Dockerfile itself
                }
                CacheStages.Expanded e = graph.expand(src, s.values);
                used.addAll(e.used());
                if (CopyEvidence.isRemote(e.value())) {
                    remote = true;
                } else {
                    local.add(e.value());
                }
            }
            if (!words.isEmpty()) {
                used.addAll(graph.expand(words.get(words.size() - 1), s.values).used());
            }
            for (String flag : List.of("chown", "chmod")) {
                String v = i.flag(flag);
                if (v != null) {
                    used.addAll(graph.expand(v, s.values).used());
                }
            }
            String var = CacheStages.first(used, s.changedVars.keySet());

            // What the files it takes say.
            String reason;
            Map<String, String> values;
            boolean sourceChanged;
            String fromRef = i.flag("from");
            if (fromRef != null && !fromRef.isEmpty()) {
                String ref = graph.expand(fromRef, graph.globalValues).value();
                Stage dep = graph.stageByName(ref, s.index);
                if (dep != null) {
                    evaluate(dep);
                    boolean same = dep.firstMiss > 0 && sameOutput(dep, i);
                    sourceChanged = dep.firstMiss > 0 && !same;
                    reason = sourceChanged ? "copy-from-stage-changed" : same ? "copy-from-stage-same-output" : "copy-from-stage-same";
                    values = Map.of("stage", dep.label(), "keyword", keyword, "line", String.valueOf(dep.firstMiss));
                } else {
                    sourceChanged = false;
                    reason = "copy-from-image";
                    values = Map.of("image", ref, "keyword", keyword);
                }
            } else {
                CopyEvidence evidence = CopyEvidence.fromContext(files, local, remote, keyword);
                sourceChanged = evidence.changed();
                reason = evidence.reason();
                values = evidence.values();
            }
            boolean link = i.flag("link") != null && !"false".equalsIgnoreCase(i.flag("link"))
                    && i.flag("chmod") == null;
            if (s.firstMiss > 0) {
                if (link && !sourceChanged && var == null) {
                    // --link copies onto an empty layer whose cache key leaves out the layers below, but
                    // stacking it onto the new layers is work of this step: the build reports it as run.
                    put(i, Outcome.REBUILT, "copy-link", Map.of("line", String.valueOf(s.firstMiss)));
                } else {
                    afterMiss(s, i);
                }
            } else if (var != null) {
                miss(s, i, "copy-var", varValues(s, var));
            } else if (sourceChanged) {
                miss(s, i, reason, values);
            } else {
                put(i, Outcome.CACHED, reason, values);
            }
        }

        private boolean sameOutput(Stage dep, Instruction i) {
            String step = dep.label() + ":" + i.startLine();
            return change.sameOutput().stream().anyMatch(n -> n.equalsIgnoreCase(dep.label()) || n.equalsIgnoreCase(step));
        }

        private Map<String, String> varValues(Stage s, String var) {
            return Map.of("name", var, "kind", s.kinds.getOrDefault(var, "ARG"),
                    "line", String.valueOf(s.changedVars.getOrDefault(var, 0)));
        }

        private void miss(Stage s, Instruction i, String reason, Map<String, String> values) {
            if (s.firstMiss == 0) {
                s.firstMiss = i.startLine();
            }
            put(i, Outcome.REBUILT, reason, values);
        }

        private void afterMiss(Stage s, Instruction i) {
            put(i, Outcome.REBUILT, "after-miss", Map.of("line", String.valueOf(s.firstMiss)));
        }

        private void put(Instruction i, Outcome outcome, String reason, Map<String, String> values) {
            steps.put(i.startLine(), new Step(i, outcome, reason, values));
        }

    }
}