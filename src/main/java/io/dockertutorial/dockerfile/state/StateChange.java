package io.dockertutorial.dockerfile.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One thing an instruction set or changed in its stage: {@code WORKDIR → /app}, {@code ENV PATH changed},
 * {@code + requirements.txt}. An instruction's changes, in order, are the difference between the state
 * before it and after it; a stage's FROM change plus the changes of its later lines tell the whole story,
 * so an answer that sends changes grows with the file, not with its square.
 *
 * @param kind  what changed
 * @param name  the variable, port or file it is about; {@code null} for settings with one value (WORKDIR, USER…)
 * @param value the new value, at most {@link #MAX_VALUE} characters (longer ones end in …); {@code null}
 *              when it was cleared or is not known
 * @param text  the change in a few words, for people
 */
public record StateChange(Kind kind, String name, String value, String text) {

    /** Longer values are cut here: the full value is in the full state. */
    public static final int MAX_VALUE = 120;

    public enum Kind { STAGE, ARG, ENV, WORKDIR, USER, SHELL, EXPOSE, ENTRYPOINT, CMD, STOPSIGNAL, FILE, FILES }

    /** What the step set or changed, in the order a reader meets it; empty when it changed nothing the walk tracks. */
    public static List<StateChange> of(Step step) {
        List<StateChange> out = new ArrayList<>();
        if (step.after == null) {
            if (step.is("ARG") && !step.skipped) {
                step.expanded.forEach(n -> out.add(new StateChange(Kind.ARG, n, null, "ARG " + n + " for FROM lines")));
            }
            return List.copyOf(out);
        }
        StageState.Snapshot a = step.after;
        StageState.Snapshot b = step.before;
        if (b == null) {
            String base = step.parentStage != null ? step.parentStage.label() : step.image;
            String as = a.stage().name == null ? "" : " AS " + a.stage().name;
            out.add(new StateChange(Kind.STAGE, a.stage().label(), cut(base),
                    "FROM → " + (base == null ? "?" : cut(base)) + as));
            return List.copyOf(out);
        }
        if (step.is("ARG")) {
            for (String name : step.expanded) {
                Var v = a.vars().get(name);
                if (v != null && v.isArg()) {
                    out.add(new StateChange(Kind.ARG, name, cut(v.value()),
                            "ARG " + name + (v.value() == null ? " declared" : " set")));
                }
            }
        }
        for (Var v : a.envInOrder()) {
            Var old = b.vars().get(v.name());
            boolean wasEnv = old != null && old.origin() != Var.Origin.ARG;
            if (!wasEnv || !Objects.equals(old.value(), v.value())) {
                out.add(new StateChange(Kind.ENV, v.name(), cut(v.value()),
                        "ENV " + v.name() + (wasEnv ? " changed" : " set")));
            }
        }
        setting(out, Kind.WORKDIR, b.workdir(), a.workdir());
        setting(out, Kind.USER, b.user(), a.user());
        if (!Objects.equals(b.shell(), a.shell())) {
            out.add(new StateChange(Kind.SHELL, null, cut(argv(a.shell())), "SHELL → " + cut(argv(a.shell()))));
        }
        command(out, Kind.ENTRYPOINT, b.entrypointKnown(), b.entrypoint(), a.entrypointKnown(), a.entrypoint());
        command(out, Kind.CMD, b.cmdKnown(), b.cmd(), a.cmdKnown(), a.cmd());
        setting(out, Kind.STOPSIGNAL, b.stopSignal(), a.stopSignal());
        for (String port : a.exposed()) {
            if (!b.exposed().contains(port)) {
                out.add(new StateChange(Kind.EXPOSE, port, null, "EXPOSE " + port));
            }
        }
        for (String file : a.files().keySet()) {
            if (!b.files().containsKey(file)) {
                out.add(new StateChange(Kind.FILE, cut(file), null, "+ " + cut(file)));
            }
        }
        if (a.filesOpen() && !b.filesOpen()) {
            boolean copy = step.is("COPY") || step.is("ADD");
            out.add(new StateChange(Kind.FILES, null, null,
                    copy ? "+ the files of the build context" : "+ files the command creates without naming them"));
        }
        return List.copyOf(out);
    }

    private static void setting(List<StateChange> out, Kind kind, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(new StateChange(kind, null, cut(after), kind + " → " + (after == null ? "?" : cut(after))));
        }
    }

    private static void command(List<StateChange> out, Kind kind, boolean knownBefore, List<String> before,
                                boolean knownAfter, List<String> after) {
        if (knownBefore == knownAfter && Objects.equals(before, after)) {
            return;
        }
        String v = after == null ? null : cut(argv(after));
        out.add(new StateChange(kind, null, v, kind + (after == null ? knownAfter ? " cleared" : " not known" : " set")));
    }

    /** An argv as JSON-like text: {@code ["node", "server.js"]}. */
    static String argv(List<String> argv) {
        if (argv == null) {
            return null;
        }
        StringBuilder s = new StringBuilder("[");
        for (String a : argv) {
            s.append(s.length() > 1 ? ", " : "").append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append(']').toString();
    }

    /** At most {@link #MAX_VALUE} characters, never cutting a character in two. */
    static String cut(String s) {
        if (s == null || s.length() <= MAX_VALUE) {
            return s;
        }
        int end = MAX_VALUE - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
