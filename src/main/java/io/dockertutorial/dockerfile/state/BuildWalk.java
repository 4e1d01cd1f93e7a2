package io.dockertutorial.dockerfile.state;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.Names;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import io.dockertutorial.dockerfile.syntax.ShellLex;
import io.dockertutorial.dockerfile.syntax.ShellScript;
import io.dockertutorial.dockerfile.syntax.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one pass over a Dockerfile: for every instruction, the build state it sees and the state it
 * leaves (stage, base, workdir, user, shell, ENV and ARG with their origin, ports, entrypoint and
 * cmd, stop signal, files known to exist). Reports only what stops a build (unknown instructions,
 * missing arguments, bad expansions); the lint rules read the steps afterwards.
 */
public final class BuildWalk {

    /** Build-time arguments Docker defines itself. */
    public static final Set<String> BUILTIN_ARGS = Set.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
            "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETSTAGE",
            "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY",
            "no_proxy", "ALL_PROXY", "all_proxy", "BUILDKIT_CACHE_MOUNT_NS", "BUILDKIT_CONTEXT_KEEP_GIT_DIR",
            "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM", "BUILDKIT_SANDBOX_HOSTNAME", "BUILDKIT_SYNTAX",
            "SOURCE_DATE_EPOCH");
    /**
     * BuildKit's automatic platform arguments as FROM sees them on a default build, for an example
     * platform (linux/amd64): they are set by BuildKit for the target (or build) platform, never empty.
     */
    public static final Map<String, String> PLATFORM_EXAMPLES = Map.of("TARGETPLATFORM", "linux/amd64", "TARGETOS", "linux",
            "TARGETARCH", "amd64", "TARGETVARIANT", "", "BUILDPLATFORM", "linux/amd64", "BUILDOS", "linux",
            "BUILDARCH", "amd64", "BUILDVARIANT", "");

    public final ParsedDockerfile parsed;
    /** Build arguments given from outside ({@code --build-arg}). */
    final Map<String, String> buildArgs;
    final BuildErrors findings;
    final BaseImages images;
    public final List<Step> steps = new ArrayList<>();
    public final List<StageState> stages = new ArrayList<>();
    /** Stages by lower-case name; the first of duplicate names. */
    public final Map<String, StageState> stagesByName = new HashMap<>();
    /** Which of the stages so far a reference names. */
    final StageReferences stageReferences = new StageReferences(stages, stagesByName);
    public final Map<String, Var> globalArgs = new LinkedHashMap<>();
    /** The global ARGs' defaults as written, without --build-arg values. */
    final Map<String, Var> globalDefaults = new LinkedHashMap<>();
    private final Snapshots snapshots = new Snapshots();
    private StageState stage;

    public BuildWalk(ParsedDockerfile parsed, Map<String, String> buildArgs, BuildErrors findings, BaseImages images) {
        this.parsed = parsed;
        this.buildArgs = Map.copyOf(buildArgs);
        this.findings = findings;
        this.images = images;
    }

    public BuildWalk walk() {
        findings.addParseErrors(parsed.errors());
        boolean seenFrom = false;
        boolean reported = false;
        for (Instruction i : parsed.instructions()) {
            Deadline.check();
            Step step = new Step(i, stage);
            step.index = steps.size();
            steps.add(step);
            step.before = stage == null || i.is("FROM") ? null : snapshots.before(stage);
            if (!i.isKnown()) {
                String suggestion = Names.closest(i.keyword().toUpperCase(Locale.ROOT), Instruction.KEYWORDS);
                findings.error(i, "UnknownInstruction", Map.of("written", i.written(),
                        "hint", suggestion == null ? "" : "; did you mean " + suggestion + "?"));
                step.skipped = true;
                continue;
            }
            if (!seenFrom && !i.is("FROM") && !i.is("ARG") && !reported) {
                findings.error(i, "FirstInstructionNotFrom", Map.of());
                reported = true;
            }
            seenFrom |= i.is("FROM");
            if (missingArgument(step)) {
                step.skipped = true;
            } else {
                dispatch(step);
            }
            if (stage != null) {
                if (i.is("CMD") || i.is("ENTRYPOINT") || i.is("HEALTHCHECK")) {
                    stage.singletons.computeIfAbsent(i.keyword(), k -> new ArrayList<>()).add(i);
                }
                step.after = snapshots.after(stage);
            }
        }
        return this;
    }

    private void dispatch(Step step) {
        Instruction i = step.instruction;
        switch (i.keyword()) {
            case "FROM" -> from(step);
            case "ARG" -> arg(step);
            case "ENV" -> env(step);
            case "LABEL", "VOLUME", "STOPSIGNAL" -> expandAll(step);
            case "RUN" -> RunEffects.apply(this, step);
            case "CMD", "ENTRYPOINT" -> command(step);
            case "COPY", "ADD" -> CopyEffects.apply(this, step);
            case "WORKDIR" -> workdir(step);
            case "USER" -> user(step);
            case "EXPOSE" -> expose(step);
            case "SHELL" -> shell(step);
            case "ONBUILD" -> onbuild(step);
            default -> {
            }
        }
        if (i.is("STOPSIGNAL") && stage != null && !step.expanded.isEmpty()) {
            stage.stopSignal = step.expanded.get(0);
        }
    }

    private boolean missingArgument(Step step) {
        Instruction i = step.instruction;
        boolean copy = i.is("COPY") || i.is("ADD");
        // CMD [] and ENTRYPOINT [] are complete: they clear what the base image set.
        boolean missing = i.is("ONBUILD") ? i.inner() == null : i.arguments().isEmpty() && i.inner() == null && !i.json();
        if (copy) {
            missing = i.heredocs().isEmpty() && i.arguments().size() < 2;
        }
        if (i.is("RUN") && !i.heredocs().isEmpty()) {
            missing = false;
        }
        if (!missing) {
            return false;
        }
        if (parsed.errors().stream().noneMatch(e -> e.line() == i.startLine())) {
            findings.error(i, "MissingArgument", Map.of("keyword", i.keyword()));
        }
        if (i.is("FROM")) {
            startStage(step, null);
            stage.startFrom(null, null);
        }
        return true;
    }

    // ---------- expansion ----------

    /** The variables visible here: the stage's ARGs and ENVs, or the global ARGs before the first FROM. */
    Map<String, Var> scope() {
        return stage == null ? globalArgs : stage.visible();
    }

    StageState stage() {
        return stage;
    }

    /** Expands one word as BuildKit would, noting the names it uses and those defined nowhere. */
    String expand(Step step, String word) {
        if (word == null || word.indexOf('$') < 0) {
            return word;
        }
        Map<String, Var> scope = scope();
        Function<String, String> lookup = name -> {
            Var v = scope.get(name);
            if (v != null) {
                // A base image variable whose value depends on the tag stays a reference, and so does an
                // automatic platform argument the stage declares: BuildKit fills it, it is never empty.
                return v.value() == null && (!v.isArg() || PLATFORM_EXAMPLES.containsKey(name)) ? "${" + name + "}" : v.value();
            }
            if (stage != null && !stage.baseKnown && !BUILTIN_ARGS.contains(name)
                    && !buildArgs.containsKey(name)) {
                step.maybeFromBase.add(name);
                return "${" + name + "}";
            }
            return null;
        };
        try {
            ShellLex.Expansion x = new ShellLex(parsed.directives().escape()).processWord(word, lookup);
            step.used.addAll(x.used());
            for (String name : x.unset()) {
                if (!BUILTIN_ARGS.contains(name) && !(stage != null && stage.args.containsKey(name))
                        && !buildArgs.containsKey(name)) {
                    step.undefined.add(name);
                }
            }
            return x.value();
        } catch (ShellLex.ShellSyntaxException e) {
            findings.error(step.instruction, "cannot expand " + word + ": " + e.getMessage());
            return word;
        }
    }

    /** Expands with the global ARGs only, as FROM does; {@code undefined} collects names no ARG defines. */
    String expandGlobal(Step step, String word, Map<String, Var> args, List<String> undefined) {
        try {
            ShellLex.Expansion x = new ShellLex(parsed.directives().escape()).processWord(word,
                    n -> args == globalArgs && buildArgs.containsKey(n) ? buildArgs.get(n)
                            : args.get(n) != null && args.get(n).value() != null ? args.get(n).value()
                            : args == globalArgs ? PLATFORM_EXAMPLES.get(n) : null);
            step.used.addAll(x.used());
            if (undefined != null) {
                x.unset().stream().filter(n -> !BUILTIN_ARGS.contains(n) && !globalArgs.containsKey(n))
                        .forEach(undefined::add);
            }
            if (args == globalDefaults && x.unset().stream().anyMatch(BUILTIN_ARGS::contains)) {
                return null;
            }
            return x.value();
        } catch (ShellLex.ShellSyntaxException e) {
            findings.error(step.instruction, "cannot expand " + word + ": " + e.getMessage());
            return word;
        }
    }

    private void expandAll(Step step) {
        for (String word : step.instruction.arguments()) {
            step.expanded.add(Texts.stripQuotes(expand(step, word)));
        }
    }

    // ---------- instructions ----------

    private void startStage(Step step, String name) {
        stage = new StageState(stages.size(), name, step.instruction);
        stages.add(stage);
        if (name != null) {
            stagesByName.putIfAbsent(name.toLowerCase(Locale.ROOT), stage);
        }
        step.stage = stage;
    }

    private void from(Step step) {
        List<String> args = step.instruction.arguments();
        String image = args.get(0);
        String name = args.size() >= 3 && args.get(1).equalsIgnoreCase("as") ? args.get(2) : null;
        String expanded = image;
        if (image.indexOf('$') >= 0) {
            expanded = expandGlobal(step, image, globalArgs, step.undefinedInFrom);
            String withDefaults = expandGlobal(step, image, globalDefaults, null);
            step.invalidDefaultImage = withDefaults != null && !Texts.validImageRef(withDefaults);
        }
        String platform = step.instruction.flag("platform");
        if (platform != null && platform.indexOf('$') >= 0) {
            expandGlobal(step, platform, globalArgs, step.undefinedInFrom);
        }
        step.image = expanded;
        StageState parent = stagesByName.get(expanded.toLowerCase(Locale.ROOT));
        startStage(step, name);
        List<StageState> candidates = image.indexOf('$') >= 0 ? stageReferences.shaped(image, stage) : List.of();
        step.parentStage = parent;
        // FROM base-$TARGETOS may build on any stage its shape matches (another platform, another --build-arg).
        stage.needs.addAll(candidates);
        step.fromCandidates = candidates;
        if (parent != null) {
            stage.startFrom(parent);
        } else {
            stage.startFrom(images.lookup(expanded), expanded);
            stage.windows |= images.looksWindows(expanded) || parsed.directives().escape() == '`';
            if (stage.windows) {
                stage.shell = List.of("cmd", "/S", "/C");
            }
        }
    }

    private void arg(Step step) {
        for (String word : step.instruction.arguments()) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            String value = eq < 0 ? null : Texts.stripQuotes(expand(step, word.substring(eq + 1)));
            if (stage == null) {
                globalDefaults.put(name, Var.arg(name, value, step.line()));
            }
            if (buildArgs.containsKey(name)) {
                value = buildArgs.get(name);
            }
            if (stage == null) {
                globalArgs.put(name, Var.arg(name, value, step.line()));
            } else {
                if (value == null && globalArgs.containsKey(name)) {
                    value = globalArgs.get(name).value();
                }
                stage.args.put(name, Var.arg(name, value, step.line()));
            }
            step.expanded.add(name);
        }
    }

    private void env(Step step) {
        List<String> a = step.instruction.arguments();
        List<Var> pending = new ArrayList<>();
        for (int k = 0; k + 1 < a.size(); k += 3) {
            String value = Texts.stripQuotes(expand(step, a.get(k + 1)));
            pending.add(Var.env(a.get(k), value, step.line()));
            step.expanded.add(a.get(k) + "=" + value);
        }
        if (stage != null) {
            pending.forEach(v -> {
                stage.env.remove(v.name());
                stage.env.put(v.name(), v);
            });
        }
    }

    private void command(Step step) {
        Instruction e = step.effective();
        List<String> argv;
        if (e.json()) {
            argv = e.arguments();
        } else {
            step.script = e.arguments().isEmpty() ? "" : e.arguments().get(0);
            step.commands.addAll(ShellScript.parse(step.script));
            argv = new ArrayList<>(stage == null ? List.of("/bin/sh", "-c") : stage.shell);
            argv.add(step.script);
        }
        if (stage == null || !step.immediate()) {
            return;
        }
        // CMD [] and ENTRYPOINT [] leave nothing: docker inspect shows null (checked on the engine).
        argv = argv.isEmpty() ? null : argv;
        if (e.is("ENTRYPOINT")) {
            stage.entrypoint = argv == null ? null : List.copyOf(argv);
            stage.entrypointKnown = true;
            if (!stage.cmdSet) {
                stage.cmd = null;
                stage.cmdKnown = true;
            }
        } else {
            stage.cmd = argv == null ? null : List.copyOf(argv);
            stage.cmdKnown = true;
            stage.cmdSet = true;
        }
    }

    private void workdir(Step step) {
        String path = Texts.stripQuotes(expand(step, step.instruction.arguments().get(0)));
        step.expanded.add(path);
        if (stage == null) {
            return;
        }
        boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*") || path.startsWith("$")
                || path.startsWith("\\");
        if (absolute) {
            stage.workdir = path;
            stage.absoluteWorkdir = true;
        } else {
            String base = stage.workdir == null ? (stage.baseKnown ? "/" : null) : stage.workdir;
            stage.workdir = base == null ? null : (base.endsWith("/") ? base : base + "/") + path;
        }
    }

    private void user(Step step) {
        String user = expand(step, step.instruction.arguments().get(0));
        step.expanded.add(user);
        if (stage != null) {
            stage.user = user;
            stage.userLine = step.line();
            stage.lastUser = step.instruction;
        }
    }

    private void expose(Step step) {
        for (String raw : step.instruction.arguments()) {
            String port = expand(step, raw);
            step.expanded.add(port);
            if (stage != null && !port.contains(":") && !port.isEmpty()) {
                String p = port.toLowerCase(Locale.ROOT);
                stage.exposed.add(p.contains("/") ? p : p + "/tcp");
            }
        }
    }

    private void shell(Step step) {
        Instruction i = step.instruction;
        if (!i.json()) {
            findings.error(i, "SHELL must be written in JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"]");
            return;
        }
        if (stage != null && !i.arguments().isEmpty()) {
            stage.shell = List.copyOf(i.arguments());
            stage.shellLine = step.line();
        }
    }

    private void onbuild(Step step) {
        Instruction inner = step.instruction.inner();
        if (inner.is("RUN")) {
            RunEffects.apply(this, step);
        } else if (inner.is("CMD") || inner.is("ENTRYPOINT")) {
            command(step);
        } else if (inner.is("COPY") || inner.is("ADD")) {
            CopyEffects.apply(this, step);
        }
    }
}
