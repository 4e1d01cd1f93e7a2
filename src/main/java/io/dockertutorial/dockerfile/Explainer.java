package io.dockertutorial.dockerfile;

import io.dockertutorial.dockerfile.Analysis.CommandNote;
import io.dockertutorial.dockerfile.Analysis.Explained;
import io.dockertutorial.dockerfile.Analysis.FlagNote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains and lints a Dockerfile: parses it, walks its stages keeping track of build arguments,
 * environment variables, the working directory and the files copied so far, and for every
 * instruction writes what it does (from the {@link Catalog}) and what is wrong with it. Plain Java;
 * thread-safe; linear in the size of the file.
 */
public final class Explainer {

    /** Build-time arguments Docker defines itself; they never make UndefinedVar fire. */
    static final Set<String> BUILTIN_ARGS = Set.of("TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
            "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT", "TARGETSTAGE",
            "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY",
            "no_proxy", "ALL_PROXY", "all_proxy", "BUILDKIT_CACHE_MOUNT_NS", "BUILDKIT_CONTEXT_KEEP_GIT_DIR",
            "BUILDKIT_INLINE_CACHE", "BUILDKIT_MULTI_PLATFORM", "BUILDKIT_SANDBOX_HOSTNAME", "BUILDKIT_SYNTAX",
            "SOURCE_DATE_EPOCH");
    /** Variables every image has in its environment. */
    static final Map<String, String> IMAGE_ENV = Map.of(
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    /** Checks BuildKit runs while dispatching a stage, so only for the stages the build needs. */
    private static final Set<String> DISPATCH_RULES = Set.of("UndefinedVar", "LegacyKeyValueFormat",
            "WorkdirRelativePath", "CopyIgnoredFile");
    private static final Pattern INLINE_CHECK = Pattern.compile("^check\\s*=\\s*skip\\s*=\\s*(\\S+)");
    private static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(?:^|_)(?:apikey|auth|credential|credentials|key|password|pass|passwd|pword|secret|token)(?:_|$)");
    private static final Set<String> SECRET_EXCEPTIONS = Set.of("public", "file", "path", "name", "url", "version");

    private final DockerfileParser parser = new DockerfileParser();
    private final Catalog catalog;

    public Explainer() {
        this(Catalog.get());
    }

    public Explainer(Catalog catalog) {
        this.catalog = catalog;
    }

    public Analysis explain(String text) {
        return explain(text, LintOptions.DEFAULTS);
    }

    /** Explains and lints; the file's own {@code # check=} directive applies unless {@code options} give one. */
    public Analysis explain(String text, LintOptions options) {
        ParsedDockerfile parsed = parser.parse(text);
        String directive = parsed.directives().check();
        LintOptions effective = options.checkGiven() || directive == null ? options : options.withCheck(directive);
        return new Run(parsed, effective).analyse();
    }

    /** A variable as seen at one point of the file. */
    private record Var(String name, String value, String kind, int line) {
    }

    /** One build stage while it is being walked. */
    private static final class Stage {
        final int index;
        final String name;
        final int fromLine;
        final Map<String, Var> env = new LinkedHashMap<>();
        final Set<String> declaredArgs = new HashSet<>();
        final Set<String> copied = new HashSet<>();
        boolean copiedAll;
        String workdir;
        boolean absoluteWorkdir;
        Instruction lastUser;
        Instruction previous;
        int copyAllLine;
        boolean targetedCopy;
        final Map<String, List<Instruction>> singletons = new HashMap<>();
        final Set<Stage> needs = new HashSet<>();
        boolean customShell;

        Stage(int index, String name, int fromLine) {
            this.index = index;
            this.name = name;
            this.fromLine = fromLine;
        }
    }

    private final class Run {
        final ParsedDockerfile parsed;
        final LintOptions options;
        final List<Warning> warnings = new ArrayList<>();
        final List<ParseError> errors = new ArrayList<>();
        final Map<Instruction, List<Warning>> warningsOf = new IdentityHashMap<>();
        final Map<Instruction, List<ParseError>> errorsOf = new IdentityHashMap<>();
        final Map<Instruction, List<String>> sentences = new IdentityHashMap<>();
        final Map<Instruction, List<CommandNote>> commandsOf = new IdentityHashMap<>();
        final Map<Instruction, Stage> stageOf = new IdentityHashMap<>();
        final Map<String, Var> globalArgs = new LinkedHashMap<>();
        /** The global ARGs' defaults as written, without --build-arg values. */
        final Map<String, Var> globalDefaults = new LinkedHashMap<>();
        final List<Stage> stages = new ArrayList<>();
        final Map<String, Stage> stagesByName = new HashMap<>();
        Stage stage;

        Run(ParsedDockerfile parsed, LintOptions options) {
            this.parsed = parsed;
            this.options = options;
        }

        Analysis analyse() {
            errors.addAll(parsed.errors());
            for (ParseError e : parsed.emptyContinuations()) {
                warn(null, "NoEmptyContinuation", e.endLine(), Map.of());
            }
            checkCasing();
            boolean seenFrom = false;
            for (Instruction i : parsed.instructions()) {
                if (!i.isKnown()) {
                    unknown(i);
                    continue;
                }
                if (!seenFrom && !i.is("FROM") && !i.is("ARG")) {
                    error(i, "FirstInstructionNotFrom", Map.of());
                }
                seenFrom |= i.is("FROM");
                if (missingArgument(i)) {
                    continue;
                }
                switch (i.keyword()) {
                    case "FROM" -> from(i);
                    case "ARG" -> arg(i);
                    case "ENV" -> env(i);
                    case "LABEL" -> label(i);
                    case "RUN" -> run(i);
                    case "CMD", "ENTRYPOINT" -> command(i);
                    case "COPY", "ADD" -> copy(i);
                    case "WORKDIR" -> workdir(i);
                    case "USER" -> user(i);
                    case "EXPOSE" -> expose(i);
                    case "VOLUME" -> simpleExpand(i, "paths", "paths");
                    case "STOPSIGNAL" -> simpleExpand(i, "signal", "signal");
                    case "MAINTAINER" -> warn(i, "MaintainerDeprecated", i.startLine(), Map.of("value", i.rest()));
                    case "HEALTHCHECK" -> healthcheck(i);
                    case "SHELL" -> shell(i);
                    case "ONBUILD" -> onbuild(i);
                    default -> {
                    }
                }
                if (stage != null) {
                    stageOf.put(i, stage);
                    if (i.is("CMD") || i.is("ENTRYPOINT") || i.is("HEALTHCHECK")) {
                        stage.singletons.computeIfAbsent(i.keyword(), k -> new ArrayList<>()).add(i);
                    }
                    if (!i.is("FROM")) {
                        stage.previous = i;
                    }
                }
            }
            finishStages();
            describeDefinitions();
            dropUnreachable();
            applyInlineSkips();
            return build();
        }

        // ---------- shared helpers ----------

        void warn(Instruction i, String rule, int line, Map<String, ?> values) {
            Catalog.RuleDoc doc = catalog.rule(rule);
            if (doc.experimental() && !options.experimental(rule)) {
                return;
            }
            if (options.skipped(rule)) {
                return;
            }
            Severity severity = options.errorOnWarnings() && doc.severity() == Severity.WARNING ? Severity.ERROR
                    : doc.severity();
            Warning w = new Warning(rule, severity, line, Catalog.fill(doc.message(), values),
                    Catalog.fill(doc.fix(), values), doc.url());
            warnings.add(w);
            if (i != null) {
                warningsOf.computeIfAbsent(i, k -> new ArrayList<>()).add(w);
            }
        }

        void error(Instruction i, String rule, Map<String, ?> values) {
            Catalog.RuleDoc doc = catalog.rule(rule);
            String message = Catalog.fill(doc.message(), values) + ". " + Catalog.fill(doc.fix(), values);
            ParseError e = new ParseError(i.startLine(), i.endLine(), message);
            errors.add(e);
            errorsOf.computeIfAbsent(i, k -> new ArrayList<>()).add(e);
        }

        void say(Instruction i, String sentence) {
            if (sentence != null && !sentence.isBlank()) {
                sentences.computeIfAbsent(i, k -> new ArrayList<>()).add(sentence);
            }
        }

        String detail(Instruction i, String key, Map<String, ?> values) {
            Catalog.InstructionDoc doc = catalog.instruction(i.effective().keyword());
            return doc == null ? null : doc.detail(key, values);
        }

        void unknown(Instruction i) {
            String suggestion = closestKeyword(i.keyword());
            String hint = suggestion == null ? "" : "; did you mean " + suggestion + "?";
            error(i, "UnknownInstruction", Map.of("written", i.written(), "hint", hint));
        }

        boolean missingArgument(Instruction i) {
            boolean missing = i.arguments().isEmpty() && i.inner() == null && !i.is("ONBUILD") || i.is("ONBUILD") && i.inner() == null;
            if ((i.is("COPY") || i.is("ADD")) && i.heredocs().isEmpty() && i.arguments().size() < 2) {
                missing = true;
            }
            if (i.is("COPY") || i.is("ADD")) {
                missing &= i.heredocs().isEmpty();
            }
            if (i.is("RUN") && !i.heredocs().isEmpty()) {
                missing = false;
            }
            if (!missing) {
                return false;
            }
            boolean alreadyReported = parsed.errors().stream().anyMatch(e -> e.line() == i.startLine());
            if (!alreadyReported) {
                Catalog.InstructionDoc doc = catalog.instruction(i.keyword());
                error(i, "MissingArgument", Map.of("keyword", i.keyword(), "what", doc.needs(), "example", doc.example()));
            }
            if (i.is("FROM")) {
                startStage(i, null);
            }
            return true;
        }

        /** The variables visible at this point: stage env, or global ARGs before the first FROM. */
        Map<String, Var> scope() {
            return stage == null ? globalArgs : stage.env;
        }

        String lookup(Map<String, Var> scope, String name) {
            Var v = scope.get(name);
            return v == null ? null : v.value();
        }

        /** Expands one word as BuildKit would, reporting UndefinedVar for names defined nowhere. */
        String expand(Instruction i, String word, Set<String> usedOut) {
            if (word == null || word.indexOf('$') < 0) {
                return word;
            }
            Map<String, Var> scope = scope();
            try {
                ShellLex.Expansion x = new ShellLex(parsed.directives().escape()).processWord(word, n -> lookup(scope, n));
                usedOut.addAll(x.used());
                for (String name : x.unset()) {
                    if (BUILTIN_ARGS.contains(name) || (stage != null && stage.declaredArgs.contains(name))
                            || options.buildArgs().containsKey(name)) {
                        continue;
                    }
                    String hint = catalog.rule("UndefinedVar").hints().get(name);
                    if (hint == null) {
                        String similar = closest(name, scope.keySet());
                        hint = similar == null ? "" : " Did you mean $" + similar + "?";
                    }
                    warn(i, "UndefinedVar", i.startLine(), Map.of("name", name, "hint", hint));
                }
                return x.value();
            } catch (ShellLex.ShellSyntaxException e) {
                ParseError err = new ParseError(i.startLine(), i.endLine(), "cannot expand " + word + ": " + e.getMessage());
                errors.add(err);
                errorsOf.computeIfAbsent(i, k -> new ArrayList<>()).add(err);
                return word;
            }
        }

        void explainVariables(Instruction i, Set<String> names, boolean shell) {
            Map<String, Var> scope = scope();
            for (String name : names) {
                Var v = scope.get(name);
                String sentence;
                if (v != null && v.kind().equals("ARG")) {
                    sentence = catalog.phrase("variable_arg", Map.of("name", name, "line", v.line(),
                            "value", valueSuffix(v.value())));
                } else if (v != null && v.kind().equals("ENV")) {
                    sentence = catalog.phrase("variable_env", Map.of("name", name, "line", v.line(),
                            "value", valueSuffix(v.value())));
                } else if (v != null) {
                    sentence = catalog.phrase("variable_image", Map.of("name", name));
                } else if (BUILTIN_ARGS.contains(name)) {
                    sentence = catalog.phrase("variable_builtin", Map.of("name", name));
                } else if (stage != null && stage.declaredArgs.contains(name)) {
                    sentence = catalog.phrase("variable_arg", Map.of("name", name, "line", "above", "value", ""));
                } else {
                    sentence = catalog.phrase(shell ? "variable_shell" : "variable_undefined", Map.of("name", name));
                }
                say(i, sentence);
            }
        }

        String valueSuffix(String value) {
            return value == null || value.isEmpty() ? "" : catalog.phrase("value_suffix", Map.of("value", value));
        }

        // ---------- instructions ----------

        void startStage(Instruction i, String name) {
            stage = new Stage(stages.size(), name, i.startLine());
            IMAGE_ENV.forEach((k, v) -> stage.env.put(k, new Var(k, v, "IMAGE", 0)));
            stages.add(stage);
            stageOf.put(i, stage);
        }

        void from(Instruction i) {
            List<String> args = i.arguments();
            String image = args.get(0);
            String name = null;
            if (args.size() >= 3 && args.get(1).equalsIgnoreCase("as")) {
                name = args.get(2);
                boolean fromUpper = i.written().equals(i.written().toUpperCase(Locale.ROOT));
                boolean fromLower = i.written().equals(i.written().toLowerCase(Locale.ROOT));
                String as = args.get(1);
                if ((fromUpper && !as.equals("AS")) || (fromLower && !as.equals("as"))) {
                    warn(i, "FromAsCasing", i.startLine(), Map.of("as", as, "from", i.written()));
                }
            }
            // Image names expand with the global ARGs only.
            Set<String> used = new LinkedHashSet<>();
            String expanded = image;
            if (image.indexOf('$') >= 0) {
                try {
                    ShellLex.Expansion x = new ShellLex(parsed.directives().escape())
                            .processWord(image, n -> options.buildArgs().containsKey(n) ? options.buildArgs().get(n)
                                    : lookup(globalArgs, n));
                    expanded = x.value();
                    used.addAll(x.used());
                    for (String n : x.unset()) {
                        if (!BUILTIN_ARGS.contains(n) && !globalArgs.containsKey(n)) {
                            String similar = closest(n, globalArgs.keySet());
                            warn(i, "UndefinedArgInFrom", i.startLine(), Map.of("name", n,
                                    "hint", similar == null ? "" : " Did you mean $" + similar + "?"));
                        }
                    }
                    // BuildKit judges the defaults written in the Dockerfile, not --build-arg values.
                    String withDefaults = new ShellLex(parsed.directives().escape())
                            .processWord(image, n -> lookup(globalDefaults, n)).value();
                    if (!validImageRef(withDefaults) && x.unset().stream().noneMatch(BUILTIN_ARGS::contains)) {
                        warn(i, "InvalidDefaultArgInFrom", i.startLine(), Map.of("image", image));
                    }
                } catch (ShellLex.ShellSyntaxException e) {
                    errors.add(new ParseError(i.startLine(), i.endLine(), "cannot expand " + image + ": " + e.getMessage()));
                }
                say(i, detail(i, "variables", Map.of("vars", String.join(", ", used))));
            }
            String platform = i.flag("platform");
            if (platform != null) {
                if (platform.equals("$TARGETPLATFORM") || platform.equals("${TARGETPLATFORM}")) {
                    warn(i, "RedundantTargetPlatform", i.startLine(), Map.of("value", platform));
                } else if (!platform.contains("$") && !nameMentionsPlatform(name, platform)) {
                    warn(i, "FromPlatformFlagConstDisallowed", i.startLine(), Map.of("value", platform));
                }
                if (platform.indexOf('$') >= 0) {
                    try {
                        ShellLex.Expansion x = new ShellLex(parsed.directives().escape())
                                .processWord(platform, n -> options.buildArgs().containsKey(n) ? options.buildArgs().get(n)
                                        : lookup(globalArgs, n));
                        for (String n : x.unset()) {
                            if (!BUILTIN_ARGS.contains(n) && !globalArgs.containsKey(n)) {
                                String similar = closest(n, union(globalArgs.keySet(), BUILTIN_ARGS));
                                warn(i, "UndefinedArgInFrom", i.startLine(), Map.of("name", n,
                                        "hint", similar == null ? "" : " Did you mean $" + similar + "?"));
                            }
                        }
                    } catch (ShellLex.ShellSyntaxException e) {
                        errors.add(new ParseError(i.startLine(), i.endLine(), "cannot expand " + platform + ": " + e.getMessage()));
                    }
                }
            }
            Stage parent = stagesByName.get(expanded.toLowerCase(Locale.ROOT));
            startStage(i, name);
            if (name != null) {
                if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                    warn(i, "StageNameCasing", i.startLine(), Map.of("name", name, "lower", name.toLowerCase(Locale.ROOT)));
                }
                String key = name.toLowerCase(Locale.ROOT);
                if (key.equals("scratch") || key.equals("context")) {
                    warn(i, "ReservedStageName", i.startLine(), Map.of("name", name));
                }
                Stage first = stagesByName.get(key);
                if (first != null) {
                    warn(i, "DuplicateStageName", i.startLine(), Map.of("name", name, "first", first.fromLine));
                } else {
                    stagesByName.put(key, stage);
                }
                say(i, detail(i, "stage", Map.of("stage", name)));
            }
            if (parent != null) {
                stage.needs.add(parent);
                stage.env.putAll(parent.env);
                stage.declaredArgs.addAll(parent.declaredArgs);
                stage.customShell = parent.customShell;
                stage.workdir = parent.workdir;
                stage.absoluteWorkdir = parent.absoluteWorkdir;
                stage.copiedAll = parent.copiedAll;
                stage.copied.addAll(parent.copied);
                stage.lastUser = parent.lastUser;
                say(i, detail(i, "from_stage", Map.of("stage", parent.name, "line", parent.fromLine)));
                return;
            }
            explainImage(i, expanded);
        }

        void explainImage(Instruction i, String image) {
            if (image.equals("scratch")) {
                say(i, detail(i, "scratch", Map.of()));
                return;
            }
            ImageRef ref = ImageRef.parse(image);
            say(i, detail(i, "image", Map.of("image", ref.repository())));
            if (ref.digest() != null) {
                say(i, detail(i, "digest", Map.of("digest", ref.digest())));
            } else if (ref.tag() == null) {
                say(i, detail(i, "no_tag", Map.of()));
            } else {
                say(i, detail(i, "tag", Map.of("tag", ref.tag())));
            }
            if (ref.tag() != null) {
                // The variants we can explain are the variant_* entries of instructions.yml (alpine3.22 is alpine).
                for (String part : ref.tag().split("-")) {
                    String variant = part.replaceFirst("^(alpine)[0-9.]*$", "$1");
                    say(i, detail(i, "variant_" + variant, Map.of()));
                }
            }
            if (image.indexOf('$') < 0) {
                if (ref.digest() == null && (ref.tag() == null || ref.tag().equals("latest"))) {
                    warn(i, "LatestTag", i.startLine(), Map.of("image", image,
                            "what", ref.tag() == null ? "no tag (Docker takes latest)" : "the tag latest",
                            "example", catalog.exampleTag(ref.shortName())));
                }
                if (ref.tag() != null) {
                    String version = ref.tag().split("-", -1)[0];
                    Map<String, String> eol = endOfLife(ref.shortName(), version);
                    if (eol != null) {
                        warn(i, "EndOfLifeImage", i.startLine(), Map.of("name", ref.shortName(), "version",
                                eolVersion(ref.shortName(), version), "date", eol.get("date"),
                                "suggestion", eol.get("suggestion")));
                    }
                }
            }
        }

        Map<String, String> endOfLife(String image, String version) {
            for (String candidate : versionCandidates(version)) {
                Map<String, String> eol = catalog.endOfLife(image, candidate);
                if (eol != null) {
                    return eol;
                }
            }
            return null;
        }

        String eolVersion(String image, String version) {
            for (String candidate : versionCandidates(version)) {
                if (catalog.endOfLife(image, candidate) != null) {
                    return candidate;
                }
            }
            return version;
        }

        List<String> versionCandidates(String version) {
            List<String> out = new ArrayList<>();
            out.add(version);
            String[] parts = version.split("\\.", -1);
            if (parts.length >= 2) {
                out.add(parts[0] + "." + parts[1]);
            }
            out.add(parts[0]);
            return out;
        }

        void arg(Instruction i) {
            List<String> keys = new ArrayList<>();
            for (String word : i.arguments()) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                String value = null;
                if (eq >= 0) {
                    Set<String> used = new LinkedHashSet<>();
                    value = stripQuotes(expand(i, word.substring(eq + 1), used));
                    explainVariables(i, used, false);
                }
                if (stage == null) {
                    globalDefaults.put(name, new Var(name, value, "ARG", i.startLine()));
                }
                if (options.buildArgs().containsKey(name)) {
                    value = options.buildArgs().get(name);
                }
                keys.add(name);
                secretCheck(i, "ARG", name);
                if (stage == null) {
                    globalArgs.put(name, new Var(name, value, "ARG", i.startLine()));
                } else {
                    stage.declaredArgs.add(name);
                    if (value == null && globalArgs.containsKey(name)) {
                        value = globalArgs.get(name).value();
                    }
                    // Declared without a value it is still known (empty unless --build-arg sets it).
                    stage.env.put(name, new Var(name, value, "ARG", i.startLine()));
                }
            }
            say(i, detail(i, "names", Map.of("keys", String.join(", ", keys))));
            if (stage == null && !keys.isEmpty()) {
                say(i, detail(i, "global", Map.of("name", keys.get(0))));
            }
        }

        void env(Instruction i) {
            List<String> a = i.arguments();
            List<String> keys = new ArrayList<>();
            Set<String> used = new LinkedHashSet<>();
            List<Var> pending = new ArrayList<>();
            for (int k = 0; k + 2 < a.size() + 1 && k + 1 < a.size(); k += 3) {
                String name = a.get(k);
                String value = stripQuotes(expand(i, a.get(k + 1), used));
                keys.add(name + "=" + value);
                secretCheck(i, "ENV", name);
                pending.add(new Var(name, value, "ENV", i.startLine()));
                if (k + 2 < a.size() && a.get(k + 2).isEmpty()) {
                    warn(i, "LegacyKeyValueFormat", i.startLine(), Map.of("keyword", "ENV", "key", name, "value", a.get(k + 1)));
                    say(i, detail(i, "legacy", Map.of()));
                }
            }
            if (stage != null) {
                pending.forEach(v -> stage.env.put(v.name(), v));
            }
            say(i, detail(i, "pairs", Map.of("keys", String.join(", ", keys))));
            explainVariables(i, used, false);
        }

        void label(Instruction i) {
            List<String> a = i.arguments();
            List<String> keys = new ArrayList<>();
            Set<String> used = new LinkedHashSet<>();
            for (int k = 0; k + 1 < a.size(); k += 3) {
                keys.add(stripQuotes(expand(i, a.get(k), used)));
                expand(i, a.get(k + 1), used);
                if (k + 2 < a.size() && a.get(k + 2).isEmpty()) {
                    warn(i, "LegacyKeyValueFormat", i.startLine(), Map.of("keyword", "LABEL", "key", a.get(k), "value", a.get(k + 1)));
                }
            }
            say(i, detail(i, "pairs", Map.of("keys", String.join(", ", keys))));
            explainVariables(i, used, false);
        }

        void secretCheck(Instruction i, String keyword, String name) {
            Matcher m = SECRET.matcher(name);
            if (!m.find()) {
                return;
            }
            for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
                if (SECRET_EXCEPTIONS.contains(part)) {
                    return;
                }
            }
            warn(i, "SecretsUsedInArgOrEnv", i.startLine(), Map.of("keyword", keyword, "name", name));
        }

        void run(Instruction i) {
            Instruction effective = i.effective();
            String mount = effective.flag("mount");
            if (mount != null && stage != null) {
                Matcher from = Pattern.compile("(?:^|,)from=([^,]+)").matcher(mount);
                if (from.find() && stagesByName.containsKey(from.group(1).toLowerCase(Locale.ROOT))) {
                    stage.needs.add(stagesByName.get(from.group(1).toLowerCase(Locale.ROOT)));
                }
            }
            if (effective.json()) {
                say(i, detail(i, "exec_form", Map.of("program", effective.arguments().get(0))));
                return;
            }
            String script = effective.arguments().isEmpty() ? "" : effective.arguments().get(0);
            List<String> commandTexts = new ArrayList<>(ShellCommands.split(script));
            if (!effective.heredocs().isEmpty()) {
                List<String> names = effective.heredocs().stream().map(Heredoc::name).toList();
                say(i, detail(i, "heredoc", Map.of("names", String.join(", ", names), "first", names.get(0))));
                for (Heredoc h : effective.heredocs()) {
                    for (String line : h.content().split("\n")) {
                        commandTexts.addAll(ShellCommands.split(line));
                    }
                }
            } else {
                say(i, detail(i, "shell_form", Map.of("command", abbreviate(script, 90))));
            }
            int chained = ShellCommands.countAnd(script);
            if (chained > 0) {
                say(i, detail(i, "chain", Map.of("count", chained + 1)));
            }
            explainCommands(i, commandTexts);
            explainVariables(i, shellVariables(script), true);
            if (i.inner() == null) {
                lintRun(i, script, commandTexts);
            }
        }

        void explainCommands(Instruction i, List<String> commandTexts) {
            List<CommandNote> notes = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String command : commandTexts) {
                String core = ShellCommands.core(command);
                if (core.isEmpty()) {
                    continue;
                }
                for (Catalog.CommandDoc doc : catalog.commands()) {
                    if (doc.match().matcher(core).lookingAt()) {
                        if (seen.add(doc.text())) {
                            notes.add(new CommandNote(abbreviate(command.strip(), 80), doc.text()));
                        }
                        break;
                    }
                }
            }
            commandsOf.put(i, notes);
        }

        void lintRun(Instruction i, String script, List<String> commands) {
            boolean update = false;
            boolean install = false;
            boolean cleaned = false;
            for (String command : commands) {
                String core = ShellCommands.core(command);
                if (core.matches("apt-get\\s+(?:-\\S+\\s+)*update\\b.*")) {
                    update = true;
                }
                if (core.matches("apt-get\\s+(?:-\\S+\\s+)*install\\b.*")) {
                    install = true;
                    if (!core.matches(".*(?:\\s-[a-zA-Z]*y[a-zA-Z]*\\b|--yes\\b|--assume-yes\\b|\\s-qq\\b).*")) {
                        warn(i, "AptGetYes", i.startLine(), Map.of());
                    }
                    if (!core.contains("--no-install-recommends")) {
                        warn(i, "AptNoRecommends", i.startLine(), Map.of());
                    }
                }
                if (core.matches("rm\\s+-\\w+\\s+/var/lib/apt/lists.*")) {
                    cleaned = true;
                }
                if (core.matches("cd\\s+\\S+.*")) {
                    warn(i, "CdInRun", i.startLine(), Map.of("path", core.substring(3).strip().split("\\s", -1)[0]));
                }
                if (core.matches("(?:python[0-9.]*\\s+-m\\s+)?pip[0-9.]*\\s+(?:.*\\s)?install\\b.*")
                        && !core.contains("--no-cache-dir") && !String.valueOf(i.flag("mount")).contains("type=cache")
                        && !scope().containsKey("PIP_NO_CACHE_DIR")) {
                    warn(i, "PipNoCacheDir", i.startLine(), Map.of());
                }
                Matcher req = Pattern.compile("\\s-r\\s+(\\S+)|--requirement[= ](\\S+)").matcher(core);
                if (core.contains("pip") && req.find()) {
                    String file = req.group(1) != null ? req.group(1) : req.group(2);
                    if (!isAvailable(i, file)) {
                        warn(i, "FileNotCopiedYet", i.startLine(), Map.of("file", file));
                    }
                }
                Matcher migrations = Pattern.compile("manage\\.py\\s+(makemigrations|migrate)\\b").matcher(core);
                if (migrations.find()) {
                    Map<String, String> hints = catalog.rule("MigrationsAtBuild").hints();
                    warn(i, "MigrationsAtBuild", i.startLine(), Map.of("why", hints.get(migrations.group(1) + "_why"),
                            "fix", hints.get(migrations.group(1) + "_fix")));
                }
                if (core.matches("(?:curl|wget)\\s.*\\|\\s*(?:sudo\\s+)?(?:ba|z)?sh\\b.*")) {
                    warn(i, "CurlPipeShell", i.startLine(), Map.of());
                }
            }
            if (script.matches("(?s).*(?:curl|wget)\\s[^|;&]*\\|\\s*(?:sudo\\s+)?(?:ba|z)?sh\\b.*")
                    && commands.stream().noneMatch(c -> c.contains("|"))) {
                warn(i, "CurlPipeShell", i.startLine(), Map.of());
            }
            if (update && install && !cleaned && !String.valueOf(i.flag("mount")).contains("/var/lib/apt")) {
                warn(i, "AptListsNotCleaned", i.startLine(), Map.of());
            }
            if (update && !install) {
                warn(i, "AptUpdateAlone", i.startLine(), Map.of());
            }
            if (stage != null && stage.previous != null && stage.previous.is("RUN") && i.comments().isEmpty()
                    && stage.previous.endLine() + 1 >= i.startLine() - 1) {
                warn(i, "ConsecutiveRuns", i.startLine(), Map.of());
            }
            Catalog.DependencyInstall dependencies = stage == null || stage.copyAllLine == 0 || stage.targetedCopy ? null
                    : catalog.dependencyInstalls().stream().filter(d -> d.match().matcher(script).find()).findFirst()
                    .orElse(null);
            if (dependencies != null) {
                Instruction copyAll = parsed.instructions().stream().filter(x -> x.startLine() == stage.copyAllLine)
                        .findFirst().orElse(i);
                warn(copyAll, "CopyAllBeforeInstall", stage.copyAllLine, Map.of("line", i.startLine(),
                        "files", dependencies.files()));
                stage.copyAllLine = 0;
            }
        }

        boolean isAvailable(Instruction i, String file) {
            if (stage == null || stage.copiedAll || file.contains("$")) {
                return true;
            }
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (stage.copied.contains(base) || stage.copied.contains(file)) {
                return true;
            }
            String mount = i.flag("mount");
            return mount != null && (mount.contains("type=bind") || mount.contains(base));
        }

        void command(Instruction i) {
            Instruction e = i.effective();
            if (e.json()) {
                List<String> a = e.arguments();
                if (a.isEmpty()) {
                    return;
                }
                String program = a.get(0);
                boolean wrapper = a.size() >= 3 && program.matches("(?:/bin/|/usr/bin/)?(?:ba|da)?sh") && a.get(1).equals("-c");
                if (wrapper) {
                    say(i, detail(i, "shell_wrapper", Map.of("program", program + " -c")));
                    String inner = a.get(2).strip();
                    boolean execs = inner.startsWith("exec ") || inner.contains("; exec ") || inner.contains("&& exec ");
                    if (execs) {
                        devServer(i, inner);
                        return;
                    }
                    if (!inner.matches(".*[|&;<>$`*?(){}\\[\\]\"'\\\\].*") && !inner.isBlank()) {
                        String suggested = "\"" + String.join("\", \"", inner.strip().split("\\s+")) + "\"";
                        warn(i, "ShellWrapperEntrypoint", i.startLine(), Map.of("program", inner.strip().split("\\s+", -1)[0],
                                "keyword", i.is("ENTRYPOINT") ? "CMD" : i.keyword(), "suggested", suggested));
                    } else {
                        warn(i, "ShellWrapperEntrypoint", i.startLine(), Map.of("program", "your program",
                                "keyword", i.keyword(), "suggested", "\"program\", \"arg\""));
                    }
                    devServer(i, inner);
                } else {
                    say(i, detail(i, "exec_form", Map.of("program", program)));
                    devServer(i, String.join(" ", a));
                }
            } else {
                String command = e.arguments().isEmpty() ? "" : e.arguments().get(0);
                say(i, detail(i, "shell_form", Map.of("command", abbreviate(command, 90))));
                if (i.inner() == null && (stage == null || !stage.customShell)) {
                    warn(i, "JSONArgsRecommended", i.startLine(), Map.of("keyword", i.keyword()));
                }
                devServer(i, command);
                explainVariables(i, shellVariables(command), true);
            }
        }

        void devServer(Instruction i, String command) {
            Map<String, String> fixes = catalog.rule("DevServer").hints();
            for (Map.Entry<String, String> e : fixes.entrySet()) {
                String needle = e.getKey();
                if (command.replaceAll("\\s+", " ").contains(needle)) {
                    String server = catalog.rule("DevServer").servers().getOrDefault(needle, needle);
                    warn(i, "DevServer", i.startLine(), Map.of("server", server, "fix", e.getValue()));
                    return;
                }
            }
        }

        void copy(Instruction i) {
            Instruction e = i.effective();
            List<String> a = e.arguments();
            Set<String> used = new LinkedHashSet<>();
            List<String> expanded = new ArrayList<>();
            for (String arg : a) {
                expanded.add(i.inner() == null ? expand(i, arg, used) : arg);
            }
            for (String flag : List.of("chown", "chmod", "from")) {
                String v = e.flag(flag);
                if (v != null && i.inner() == null) {
                    expand(i, v, used);
                }
            }
            if (!e.heredocs().isEmpty() && expanded.size() >= 1) {
                List<String> names = e.heredocs().stream().map(h -> "<<" + h.name()).toList();
                List<String> sources = new ArrayList<>(names);
                sources.addAll(expanded.subList(0, Math.max(0, expanded.size() - 1)).stream()
                        .filter(s -> !s.startsWith("<<")).toList());
                say(i, detail(i, "copy", Map.of("sources", String.join(", ", sources),
                        "destination", displayDest(expanded.get(expanded.size() - 1)))));
            } else if (expanded.size() >= 2) {
                List<String> sources = expanded.subList(0, expanded.size() - 1);
                String dest = expanded.get(expanded.size() - 1);
                if (sources.size() == 1 && sources.get(0).equals(".") && (dest.equals(".") || dest.equals("./"))) {
                    say(i, detail(i, "dot_dot", Map.of()));
                } else {
                    say(i, detail(i, "copy", Map.of("sources", String.join(", ", sources), "destination", displayDest(dest))));
                }
                String from = e.flag("from");
                if (from != null) {
                    Stage s = stagesByName.get(from.toLowerCase(Locale.ROOT));
                    if (s == null && from.matches("\\d+") && Integer.parseInt(from) < stages.size()) {
                        s = stages.get(Integer.parseInt(from));
                    }
                    if (s != null) {
                        if (stage != null) {
                            stage.needs.add(s);
                        }
                        say(i, detail(i, "from_stage", Map.of("stage", from, "line", s.fromLine)));
                    } else {
                        say(i, detail(i, "from_image", Map.of("stage", from)));
                    }
                } else if (stage != null && i.inner() == null) {
                    for (String src : sources) {
                        if (src.equals(".") || src.equals("./") || src.equals("*") || src.equals("./*")) {
                            if (!stage.copiedAll) {
                                stage.copyAllLine = i.startLine();
                            }
                            stage.copiedAll = true;
                        } else {
                            String clean = src.endsWith("/") ? src.substring(0, src.length() - 1) : src;
                            stage.copied.add(clean.substring(clean.lastIndexOf('/') + 1));
                            stage.copied.add(clean);
                            if (!stage.copiedAll) {
                                stage.targetedCopy = true;
                            }
                        }
                    }
                }
                if (i.is("ADD") && i.inner() == null) {
                    boolean plain = sources.stream().noneMatch(s -> s.matches("(?i)^(?:https?|git)://.*|.*\\.git$|^git@.*"
                            + "|.*\\.(?:tar|tgz|tar\\.gz|tar\\.bz2|tbz2|tar\\.xz|txz|tar\\.zst)$"));
                    if (plain && e.flag("checksum") == null && e.flag("keep-git-dir") == null) {
                        warn(i, "AddInsteadOfCopy", i.startLine(), Map.of());
                    }
                    for (String s : sources) {
                        if (s.matches("(?i)^https?://.*")) {
                            say(i, detail(i, "url", Map.of("source", s)));
                        }
                    }
                }
                if (from == null && i.inner() == null) {
                    for (String src : sources) {
                        boolean root = src.equals(".") || src.equals("./");
                        if (root ? options.dockerignore().excludesEverything() : options.dockerignore().excludes(src)) {
                            warn(i, "CopyIgnoredFile", i.startLine(), Map.of("source", src, "keyword", i.keyword()));
                        }
                    }
                }
            }
            explainVariables(i, used, false);
        }

        String displayDest(String dest) {
            if (dest.isEmpty()) {
                return "\"\" (an empty path, which means the working directory)";
            }
            if ((dest.equals(".") || dest.equals("./")) && stage != null && stage.workdir != null) {
                return dest + " (the working directory, " + stage.workdir + ")";
            }
            return dest;
        }

        void workdir(Instruction i) {
            Set<String> used = new LinkedHashSet<>();
            String path = expand(i, i.arguments().get(0), used);
            boolean absolute = path.startsWith("/") || path.matches("^[A-Za-z]:[\\\\/].*") || path.startsWith("$");
            if (stage != null) {
                if (!absolute) {
                    if (!stage.absoluteWorkdir) {
                        warn(i, "WorkdirRelativePath", i.startLine(), Map.of("path", path));
                    }
                    String base = stage.workdir == null ? "/" : stage.workdir;
                    say(i, detail(i, "relative", Map.of("path", path, "base", base)));
                    stage.workdir = (base.endsWith("/") ? base : base + "/") + path;
                } else {
                    stage.workdir = path;
                    stage.absoluteWorkdir = true;
                }
            }
            say(i, detail(i, "path", Map.of("path", stage != null && stage.workdir != null ? stage.workdir : path)));
            explainVariables(i, used, false);
        }

        void user(Instruction i) {
            Set<String> used = new LinkedHashSet<>();
            String user = expand(i, i.arguments().get(0), used);
            if (stage != null) {
                stage.lastUser = i;
            }
            String name = user.split(":", -1)[0];
            say(i, name.equals("root") || name.equals("0") ? detail(i, "root", Map.of())
                    : detail(i, "user", Map.of("user", user)));
            explainVariables(i, used, false);
        }

        void expose(Instruction i) {
            Set<String> used = new LinkedHashSet<>();
            List<String> ports = new ArrayList<>();
            for (String raw : i.arguments()) {
                String port = expand(i, raw, used);
                ports.add(port);
                if (port.contains(":")) {
                    String fixed = port.substring(port.lastIndexOf(':') + 1);
                    warn(i, "ExposeInvalidFormat", i.startLine(), Map.of("port", port, "fixed", fixed));
                }
                int slash = port.indexOf('/');
                if (slash >= 0 && !port.substring(slash).equals(port.substring(slash).toLowerCase(Locale.ROOT))) {
                    warn(i, "ExposeProtoCasing", i.startLine(), Map.of("port", port, "lower", port.toLowerCase(Locale.ROOT)));
                }
            }
            say(i, detail(i, "ports", Map.of("ports", String.join(", ", ports))));
            explainVariables(i, used, false);
        }

        void simpleExpand(Instruction i, String detailKey, String placeholder) {
            Set<String> used = new LinkedHashSet<>();
            List<String> values = new ArrayList<>();
            for (String raw : i.arguments()) {
                values.add(expand(i, raw, used));
            }
            say(i, detail(i, detailKey, Map.of(placeholder, String.join(", ", values))));
            explainVariables(i, used, false);
        }

        void healthcheck(Instruction i) {
            String type = i.arguments().get(0);
            if (type.equalsIgnoreCase("NONE")) {
                say(i, detail(i, "none", Map.of()));
                return;
            }
            say(i, detail(i, "timing", Map.of(
                    "interval", Durations.words(i.flag("interval"), "30s"),
                    "timeout", Durations.words(i.flag("timeout"), "30s"),
                    "retries", i.flag("retries") == null ? "3" : i.flag("retries"),
                    "start_period", Durations.words(i.flag("start-period"), "0s"))));
        }

        void shell(Instruction i) {
            if (!i.json()) {
                ParseError e = new ParseError(i.startLine(), i.endLine(),
                        "SHELL must be written in JSON form, e.g. SHELL [\"/bin/bash\", \"-c\"]");
                errors.add(e);
                errorsOf.computeIfAbsent(i, k -> new ArrayList<>()).add(e);
                return;
            }
            say(i, detail(i, "shell", Map.of("program", String.join(" ", i.arguments()))));
            if (stage != null) {
                stage.customShell = true;
            }
        }

        void onbuild(Instruction i) {
            Instruction inner = i.inner();
            say(i, detail(i, "inner", Map.of("inner", inner.original().strip())));
            if (inner.is("RUN")) {
                run(i);
            } else if (inner.is("CMD") || inner.is("ENTRYPOINT")) {
                command(i);
            } else if (inner.is("COPY") || inner.is("ADD")) {
                copy(i);
            }
        }

        // ---------- whole-file rules ----------

        void checkCasing() {
            int upper = 0;
            int lower = 0;
            for (Instruction i : parsed.instructions()) {
                if (!i.isKnown()) {
                    continue;
                }
                if (i.written().equals(i.written().toUpperCase(Locale.ROOT))) {
                    upper++;
                } else if (i.written().equals(i.written().toLowerCase(Locale.ROOT))) {
                    lower++;
                }
            }
            boolean upperWins = upper >= lower;
            for (Instruction i : parsed.instructions()) {
                if (!i.isKnown()) {
                    continue;
                }
                boolean isUpper = i.written().equals(i.written().toUpperCase(Locale.ROOT));
                boolean isLower = i.written().equals(i.written().toLowerCase(Locale.ROOT));
                if (upperWins ? !isUpper : !isLower) {
                    warn(i, "ConsistentInstructionCasing", i.startLine(), Map.of("written", i.written(),
                            "this", isLower ? "lower" : isUpper ? "upper" : "mixed", "other", upperWins ? "upper" : "lower",
                            "expected", upperWins ? i.keyword() : i.keyword().toLowerCase(Locale.ROOT)));
                }
            }
        }

        void finishStages() {
            for (Stage s : stages) {
                for (Map.Entry<String, List<Instruction>> e : s.singletons.entrySet()) {
                    List<Instruction> list = e.getValue();
                    for (int k = 0; k < list.size() - 1; k++) {
                        warn(list.get(k), "MultipleInstructionsDisallowed", list.get(k).startLine(),
                                Map.of("keyword", e.getKey(), "last", list.get(list.size() - 1).startLine()));
                    }
                }
            }
            if (stages.isEmpty()) {
                return;
            }
            Stage last = stages.get(stages.size() - 1);
            Instruction from = parsed.instructions().stream().filter(x -> x.startLine() == last.fromLine).findFirst().orElse(null);
            if (last.lastUser == null) {
                String image = from == null || from.arguments().isEmpty() ? "" : from.arguments().get(0);
                boolean scratch = image.equals("scratch");
                if (!scratch && from != null && !catalog.runsAsNonRoot(image)) {
                    warn(from, "NoUser", last.fromLine, Map.of());
                }
            } else {
                String name = last.lastUser.arguments().isEmpty() ? "" : last.lastUser.arguments().get(0).split(":", -1)[0];
                if (name.equals("root") || name.equals("0")) {
                    warn(last.lastUser, "UserRoot", last.lastUser.startLine(), Map.of());
                }
            }
            List<Instruction> entrypoints = last.singletons.getOrDefault("ENTRYPOINT", List.of());
            if (!entrypoints.isEmpty() && last.singletons.getOrDefault("CMD", List.of()).isEmpty()) {
                Instruction ep = entrypoints.get(entrypoints.size() - 1);
                boolean wrapperScript = ep.json() && !ep.arguments().isEmpty()
                        && ep.arguments().get(0).matches(".*(?:entrypoint|docker-entrypoint|tini|dumb-init).*");
                if (!wrapperScript) {
                    warn(ep, "EntrypointForDefaultCommand", ep.startLine(), Map.of());
                }
            }
        }

        /** BuildKit only dispatches the stages the target needs; its dispatch-time checks skip the others. */
        void dropUnreachable() {
            if (stages.isEmpty()) {
                return;
            }
            Set<Stage> reachable = new HashSet<>();
            java.util.ArrayDeque<Stage> todo = new java.util.ArrayDeque<>();
            todo.add(stages.get(stages.size() - 1));
            while (!todo.isEmpty()) {
                Stage s = todo.pop();
                if (reachable.add(s)) {
                    todo.addAll(s.needs);
                }
            }
            for (Stage s : stages) {
                if (reachable.contains(s)) {
                    continue;
                }
                Instruction from = parsed.instructions().stream().filter(x -> x.startLine() == s.fromLine)
                        .findFirst().orElse(null);
                for (Map.Entry<Instruction, List<Warning>> e : warningsOf.entrySet()) {
                    if (stageOf.get(e.getKey()) == s) {
                        e.getValue().removeIf(w -> {
                            boolean drop = DISPATCH_RULES.contains(w.rule());
                            if (drop) {
                                warnings.remove(w);
                            }
                            return drop;
                        });
                    }
                }
                if (from != null) {
                    warn(from, "UnusedStage", s.fromLine, Map.of("name", s.name == null ? String.valueOf(s.index) : s.name));
                }
            }
        }

        /** {@code # check=skip=Rule} in the comment right above an instruction applies to it alone. */
        void applyInlineSkips() {
            for (Map.Entry<Instruction, List<Warning>> e : warningsOf.entrySet()) {
                Set<String> skip = new HashSet<>();
                for (String comment : e.getKey().comments()) {
                    Matcher m = INLINE_CHECK.matcher(comment);
                    if (m.find()) {
                        for (String r : m.group(1).split(",")) {
                            skip.add(r.strip());
                        }
                    }
                }
                if (skip.isEmpty()) {
                    continue;
                }
                e.getValue().removeIf(w -> {
                    boolean drop = skip.contains("all") || skip.contains(w.rule());
                    if (drop) {
                        warnings.remove(w);
                    }
                    return drop;
                });
            }
        }

        /** The experimental InvalidDefinitionDescription: a comment right above ARG or FROM … AS names it. */
        void describeDefinitions() {
            List<String> lines = parsed.lines();
            for (Instruction i : parsed.instructions()) {
                String name;
                if (i.is("ARG") && !i.arguments().isEmpty()) {
                    String first = i.arguments().get(0);
                    name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
                } else if (i.is("FROM") && i.arguments().size() >= 3 && i.arguments().get(1).equalsIgnoreCase("as")) {
                    name = i.arguments().get(2);
                } else {
                    continue;
                }
                int above = i.startLine() - 1;
                if (above < 1 || !DockerfileParser.isComment(lines.get(above - 1)) || above <= parsed.directives().lastLine()) {
                    continue;
                }
                int top = above;
                while (top > 1 && DockerfileParser.isComment(lines.get(top - 2)) && top - 1 > parsed.directives().lastLine()) {
                    top--;
                }
                String text = lines.get(top - 1).strip().substring(1).strip();
                if (text.startsWith("check=")) {
                    continue;
                }
                String firstWord = text.isEmpty() ? "" : text.split("\\s+", -1)[0];
                if (!firstWord.equals(name)) {
                    warn(i, "InvalidDefinitionDescription", i.startLine(), Map.of("keyword", i.keyword(), "name", name));
                }
            }
        }

        // ---------- result ----------

        Analysis build() {
            List<Explained> explained = new ArrayList<>();
            Stage current = null;
            for (Instruction i : parsed.instructions()) {
                Stage s = stageOf.get(i);
                if (s != null) {
                    current = s;
                }
                Catalog.InstructionDoc doc = catalog.instruction(i.keyword());
                List<FlagNote> flags = new ArrayList<>();
                Catalog.InstructionDoc flagDoc = catalog.instruction(i.effective().keyword());
                for (String f : i.effective().flags()) {
                    String body = f.startsWith("--") ? f.substring(2) : f;
                    int eq = body.indexOf('=');
                    String name = eq < 0 ? body : body.substring(0, eq);
                    String value = eq < 0 ? null : body.substring(eq + 1);
                    Catalog.FlagDoc fd = flagDoc == null ? null : flagDoc.flags().get(name.toLowerCase(Locale.ROOT));
                    if (fd != null) {
                        flags.add(new FlagNote(name, value, fd.summary(), fd.explanation()));
                    } else {
                        String message = catalog.phrase("flag_unknown", Map.of("name", name, "keyword", i.effective().keyword()));
                        flags.add(new FlagNote(name, value, message, null));
                    }
                }
                List<String> said = new ArrayList<>(sentences.getOrDefault(i, List.of()));
                if (i.is("ONBUILD")) {
                    said.add(0, catalog.phrase("onbuild_note", Map.of()));
                }
                String comment = i.comments().isEmpty() ? null : String.join("\n", i.comments());
                Stage st = i.isKnown() && current != null && (i.startLine() >= current.fromLine) ? current : null;
                explained.add(new Explained(i, st == null ? null : st.name, st == null ? -1 : st.index,
                        doc == null ? "Not a Dockerfile instruction." : doc.summary(),
                        String.join(" ", said), List.copyOf(flags), List.copyOf(commandsOf.getOrDefault(i, List.of())),
                        comment, List.copyOf(warningsOf.getOrDefault(i, List.of())),
                        List.copyOf(errorsOf.getOrDefault(i, List.of())), doc == null ? Catalog.REFERENCE : doc.docsUrl()));
            }
            warnings.sort(Comparator.comparingInt(Warning::line));
            errors.sort(Comparator.comparingInt(ParseError::line));
            return new Analysis(parsed, List.copyOf(explained), List.copyOf(warnings), List.copyOf(errors));
        }
    }

    // ---------- small pure helpers ----------

    /** The names of the {@code $VAR} / {@code ${VAR}} references in a shell command, in order. */
    static Set<String> shellVariables(String command) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = SHELL_VAR.matcher(command);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String stripQuotes(String s) {
        if (s != null && s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    static boolean validImageRef(String ref) {
        return !ref.isEmpty() && !ref.endsWith(":") && !ref.endsWith("@") && !ref.startsWith(":")
                && !ref.startsWith("/") && !ref.contains("::") && !ref.contains(" ");
    }

    static boolean nameMentionsPlatform(String stageName, String platform) {
        if (stageName == null) {
            return false;
        }
        String name = stageName.toLowerCase(Locale.ROOT);
        for (String part : platform.toLowerCase(Locale.ROOT).split("/")) {
            if (!part.isEmpty() && name.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    static String closestKeyword(String word) {
        return closest(word.toUpperCase(Locale.ROOT), Instruction.KEYWORDS);
    }

    /** The candidate within edit distance 2 (case-insensitive), or {@code null}. */
    static String closest(String word, java.util.Collection<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            if (c.equals(word)) {
                continue;
            }
            int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
