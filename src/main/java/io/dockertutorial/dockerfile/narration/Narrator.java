package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Catalog;
import io.dockertutorial.dockerfile.state.BuildWalk;
import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.state.Var;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.Texts;
import io.dockertutorial.dockerfile.syntax.WindowsScript;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what each instruction does, from the same steps and build state the rules read: the
 * sentences of the explanation and the notes on the commands inside RUN. Facts and wording come from
 * instructions.yml, phrases.yml and commands.yml.
 */
final class Narrator {

    private static final Pattern ASSIGNED = Pattern.compile(
            "(?:^|[;&|\\s(`])(?:export\\s+|local\\s+|readonly\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)\\+?="
                    + "|\\bfor\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\b|\\bread\\s+(?:-\\w+\\s+)*([A-Za-z_][A-Za-z0-9_]*)");

    private final Catalog catalog;
    private final CommandCatalog commands;
    private final BuildWalk walk;

    Narrator(Catalog catalog, CommandCatalog commands, BuildWalk walk) {
        this.catalog = catalog;
        this.commands = commands;
        this.walk = walk;
    }

    /** The explanation sentences of one step. */
    List<String> sentences(Step step) {
        List<String> out = new ArrayList<>();
        if (step.skipped) {
            return out;
        }
        Instruction i = step.instruction;
        switch (i.keyword()) {
            case "FROM" -> FromStory.tell(this, step, out);
            case "ARG" -> {
                say(out, step, "names", Map.of("keys", String.join(", ", step.expanded)));
                if (step.stage == null && !step.expanded.isEmpty()) {
                    say(out, step, "global", Map.of("name", step.expanded.get(0)));
                }
            }
            case "ENV" -> {
                // A value that grows with each line (PATH=/x:$PATH) is cut: the full one is in the state.
                say(out, step, "pairs", Map.of("keys", String.join(", ",
                        step.expanded.stream().map(pair -> Texts.abbreviate(pair, 120)).toList())));
                for (int k = 2; k < i.arguments().size(); k += 3) {
                    if (i.arguments().get(k).isEmpty()) {
                        say(out, step, "legacy", Map.of());
                        break;
                    }
                }
            }
            case "LABEL" -> say(out, step, "pairs", Map.of("keys", labelKeys(step)));
            case "VOLUME" -> say(out, step, "paths", Map.of("paths", String.join(", ", step.expanded)));
            case "STOPSIGNAL" -> say(out, step, "signal", Map.of("signal", String.join(", ", step.expanded)));
            case "WORKDIR" -> workdir(step, out);
            case "USER" -> {
                String name = step.expanded.get(0).split(":", -1)[0];
                say(out, step, name.equals("root") || name.equals("0") ? "root" : "user", Map.of("user", step.expanded.get(0)));
            }
            case "EXPOSE" -> say(out, step, "ports", Map.of("ports", String.join(", ", step.expanded)));
            case "HEALTHCHECK" -> healthcheck(step, out);
            case "SHELL" -> say(out, step, "shell", Map.of("program", String.join(" ", i.arguments())));
            case "ONBUILD" -> {
                say(out, step, "inner", Map.of("inner", i.inner().original().strip()));
                body(step, out);
            }
            default -> body(step, out);
        }
        variables(step, out);
        return out;
    }

    private void body(Step step, List<String> out) {
        Instruction e = step.effective();
        if (e.is("RUN")) {
            RunStory.tell(this, step, out);
        } else if (e.is("CMD") || e.is("ENTRYPOINT")) {
            CommandStory.tell(this, step, out);
        } else if (e.is("COPY") || e.is("ADD")) {
            CopyStory.tell(this, step, out);
        }
    }

    /** The notes on the commands of a RUN, CMD or ENTRYPOINT in shell form. */
    List<Analysis.CommandNote> commandNotes(Step step) {
        if (step.commands.isEmpty()) {
            return List.of();
        }
        if (!WindowsScript.isPosixShell(step.before == null ? null : step.before.shell())) {
            return CommandCatalog.windows().notes(step.commands);
        }
        return commands.notes(step.commands, family(step.stage));
    }

    private static final java.util.regex.Pattern ALPINE = java.util.regex.Pattern.compile(
            "(?i)(?:^|/)(?:alpine|busybox)(?::|$)|:[^/]*alpine");
    private static final java.util.regex.Pattern DEBIAN = java.util.regex.Pattern.compile(
            "(?i)(?:^|/)(?:debian|ubuntu|buildpack-deps)(?::|$)|:[^/]*(?:bookworm|bullseye|buster|trixie|jammy|noble|focal)");

    /** The distribution family of a stage's base image, as far as its name tells: debian, alpine or null. */
    static String family(StageState stage) {
        StageState s = stage;
        for (int guard = 0; s != null && s.parentStage != null && guard < 100; guard++) {
            s = s.parentStage;
        }
        String image = s == null ? null : s.baseImage;
        if (image == null) {
            return null;
        }
        return ALPINE.matcher(image).find() ? "alpine" : DEBIAN.matcher(image).find() ? "debian" : null;
    }

    Set<String> unknownCommands(Step step) {
        if (!WindowsScript.isPosixShell(step.before == null ? null : step.before.shell())) {
            return CommandCatalog.windows().unknown(step.commands);
        }
        return commands.unknown(step.commands);
    }

    void say(List<String> out, Step step, String key, Map<String, ?> values) {
        Catalog.InstructionDoc doc = catalog.instruction(step.effective().keyword());
        String sentence = doc == null ? null : doc.detail(key, values);
        if (sentence != null && !sentence.isBlank()) {
            out.add(sentence);
        }
    }

    String phrase(String key, Map<String, ?> values) {
        return catalog.phrase(key, values);
    }

    Catalog catalog() {
        return catalog;
    }

    BuildWalk walk() {
        return walk;
    }

    private String labelKeys(Step step) {
        List<String> a = step.instruction.arguments();
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < a.size(); k += 3) {
            keys.add(Texts.stripQuotes(a.get(k)));
        }
        return String.join(", ", keys);
    }

    private void workdir(Step step, List<String> out) {
        String path = step.expanded.get(0);
        String now = step.after != null && step.after.workdir() != null ? step.after.workdir() : path;
        boolean relative = !(path.startsWith("/") || path.startsWith("$") || path.startsWith("\\") || path.matches("^[A-Za-z]:[\\\\/].*"));
        if (relative && step.before != null) {
            String base = step.before.workdir() != null ? step.before.workdir() : step.stage.baseKnown ? "/" : "the base image's working directory";
            say(out, step, "relative", Map.of("path", path, "base", base));
        }
        say(out, step, "path", Map.of("path", now));
    }

    private void healthcheck(Step step, List<String> out) {
        Instruction i = step.instruction;
        if (i.arguments().get(0).equalsIgnoreCase("NONE")) {
            say(out, step, "none", Map.of());
            return;
        }
        say(out, step, "timing", Map.of("interval", Durations.words(i.flag("interval"), "30s"),
                "timeout", Durations.words(i.flag("timeout"), "30s"),
                "retries", i.flag("retries") == null ? "3" : i.flag("retries")));
        if (i.flag("start-period") != null) { // without it there is no start period to speak of
            say(out, step, "start_period", Map.of("start_period", Durations.words(i.flag("start-period"), "0s")));
        }
    }

    /** Where each variable the instruction uses comes from. */
    private void variables(Step step, List<String> out) {
        Set<String> names = new LinkedHashSet<>(step.used);
        boolean shell = step.script != null && !step.effective().json();
        Set<String> assigned = new LinkedHashSet<>();
        List<String> shellProgram = step.before == null ? null : step.before.shell();
        if (shell && !WindowsScript.isPosixShell(shellProgram)) {
            names.addAll(Texts.windowsVariables(step.script, WindowsScript.isPowerShell(shellProgram)));
        } else if (shell) {
            names.addAll(Texts.shellVariables(step.script));
            Matcher m = ASSIGNED.matcher(step.script);
            while (m.find()) {
                assigned.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
        Map<String, Var> scope = step.before != null ? step.before.vars()
                : step.stage != null && step.is("FROM") ? walk.globalArgs : walk.globalArgs;
        for (String name : names) {
            Var v = scope.get(name);
            String sentence;
            String example = BuildWalk.PLATFORM_EXAMPLES.get(name);
            if (example != null && (v == null || v.isArg() && v.value() == null)) {
                Map<String, Object> values = Map.of("name", name, "platform", name.startsWith("TARGET") ? "target" : "build",
                        "example", example.isEmpty() ? "v7 on linux/arm/v7, empty on amd64" : example,
                        "line", v == null ? 0 : v.line());
                boolean global = step.is("FROM") || step.stage == null;
                out.add(phrase(v != null ? "variable_platform" : global ? "variable_platform_from"
                        : "variable_platform_undeclared", values));
                continue;
            }
            if (v != null && v.origin() == Var.Origin.ARG) {
                sentence = phrase("variable_arg", Map.of("name", name, "line", v.line(), "value", valueSuffix(v.value())));
            } else if (v != null && v.origin() == Var.Origin.ENV) {
                sentence = phrase("variable_env", Map.of("name", name, "line", v.line(), "value", valueSuffix(v.value())));
            } else if (v != null) {
                sentence = phrase("variable_image", Map.of("name", name, "image", String.valueOf(v.image()),
                        "value", valueSuffix(v.value())));
            } else if (BuildWalk.BUILTIN_ARGS.contains(name)) {
                sentence = phrase("variable_predefined", Map.of("name", name));
            } else if (assigned.contains(name)) {
                sentence = phrase("variable_script", Map.of("name", name));
            } else if (step.maybeFromBase.contains(name)) {
                sentence = phrase("variable_maybe_base", Map.of("name", name));
            } else {
                sentence = phrase(shell ? "variable_shell" : "variable_undefined", Map.of("name", name));
            }
            out.add(sentence);
        }
    }

    private String valueSuffix(String value) {
        return value == null || value.isEmpty() ? "" : phrase("value_suffix", Map.of("value", Texts.abbreviate(value, 120)));
    }
}
