package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One build stage while the walk goes through it: the image configuration so far and what the
 * rules need to know about the stage. {@link #snapshot()} freezes it after each instruction.
 */
public final class StageState {

    public final int index;
    public final String name;
    public final Instruction from;
    /** The base image as written after expansion, or {@code null} when the stage continues another stage. */
    public String baseImage;
    public StageState parentStage;
    /** The base image's configuration is known (a listed image, scratch, or a stage of this file). */
    public boolean baseKnown;
    public boolean windows;
    public boolean noShell;

    final Map<String, Var> env = new LinkedHashMap<>();
    final Map<String, Var> args = new LinkedHashMap<>();
    String workdir;
    boolean absoluteWorkdir;
    String user;
    int userLine;
    List<String> shell;
    int shellLine;
    List<String> entrypoint;
    List<String> cmd;
    boolean entrypointKnown;
    boolean cmdKnown;
    /** CMD was set in this stage (ENTRYPOINT then keeps it instead of resetting it). */
    boolean cmdSet;
    String stopSignal;
    final Set<String> exposed = new LinkedHashSet<>();
    /** Files known to exist, path (as written) to where they came from. */
    final Map<String, String> files = new LinkedHashMap<>();
    boolean copiedAll;
    /** A RUN may have created files the engine cannot name (an archive unpacked, a build, a clone). */
    boolean filesUncertain;

    // What the stage-wide rules read.
    public final Set<StageState> needs = new HashSet<>();
    public final Map<String, List<Instruction>> singletons = new LinkedHashMap<>();
    public Instruction lastUser;
    public int copyAllLine;
    public boolean targetedCopy;

    StageState(int index, String name, Instruction from) {
        this.index = index;
        this.name = name;
        this.from = from;
    }

    /** Starts from a base image's configuration, or from nothing known. */
    void startFrom(BaseImages.Config config, String image) {
        baseImage = image;
        baseKnown = config != null;
        windows = config != null && config.windows();
        shell = windows ? List.of("cmd", "/S", "/C") : List.of("/bin/sh", "-c");
        if (config == null) {
            return;
        }
        config.env().forEach((k, v) -> env.put(k, Var.base(k, v, image)));
        workdir = config.workdir();
        user = config.user();
        entrypoint = config.entrypoint();
        cmd = config.cmd();
        entrypointKnown = config.commandKnown();
        cmdKnown = config.commandKnown();
        stopSignal = config.stopSignal();
        exposed.addAll(config.exposed());
        noShell = config.noShell();
    }

    /** Continues from an earlier stage's result. */
    void startFrom(StageState parent) {
        parentStage = parent;
        baseKnown = parent.baseKnown;
        windows = parent.windows;
        noShell = parent.noShell;
        env.putAll(parent.env);
        args.putAll(parent.args);
        workdir = parent.workdir;
        absoluteWorkdir = parent.absoluteWorkdir;
        user = parent.user;
        shell = parent.shell;
        entrypoint = parent.entrypoint;
        cmd = parent.cmd;
        entrypointKnown = parent.entrypointKnown;
        cmdKnown = parent.cmdKnown;
        stopSignal = parent.stopSignal;
        exposed.addAll(parent.exposed);
        shellLine = parent.shellLine;
        files.putAll(parent.files);
        copiedAll = parent.copiedAll;
        filesUncertain = parent.filesUncertain;
        lastUser = parent.lastUser;
        needs.add(parent);
    }

    public String label() {
        return name != null ? name : String.valueOf(index);
    }

    /** The variables visible to instructions: ARGs and ENVs, an ENV winning over an ARG of the same name. */
    Map<String, Var> visible() {
        Map<String, Var> all = new LinkedHashMap<>(args);
        all.putAll(env);
        return all;
    }

    Snapshot snapshot() {
        // Ordered copies: Map.copyOf iterates in an order that changes from one JVM start to the next, and the
        // "after this line" lists (files, variables) must read the same on every server, in the file's order.
        return new Snapshot(this, ordered(visible()), workdir, absoluteWorkdir, user, userLine, shell,
                shellLine, entrypoint, cmd, entrypointKnown, cmdKnown, cmdSet, stopSignal, List.copyOf(exposed),
                ordered(files), copiedAll || filesUncertain, List.copyOf(env.values()));
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The stage as it stood after one instruction; {@code filesOpen}: files the engine cannot name may exist. */
    public record Snapshot(StageState stage, Map<String, Var> vars, String workdir, boolean absoluteWorkdir, String user,
                    int userLine, List<String> shell, int shellLine, List<String> entrypoint, List<String> cmd,
                    boolean entrypointKnown, boolean cmdKnown, boolean cmdSet, String stopSignal, List<String> exposed,
                    Map<String, String> files, boolean filesOpen, List<Var> envInOrder) {

        public boolean knows(String name) {
            return vars.containsKey(name);
        }

        /** The argv of process 1 for {@code docker run IMAGE}, or {@code null} when it is not known. */
        public List<String> runs() {
            if (!entrypointKnown || !cmdKnown) {
                return null;
            }
            List<String> argv = new ArrayList<>();
            if (entrypoint != null) {
                argv.addAll(entrypoint);
            }
            if (cmd != null) {
                argv.addAll(cmd);
            }
            return argv;
        }

        public ImageState toImageState() {
            boolean known = stage.baseKnown;
            Map<String, String> envOut = new LinkedHashMap<>();
            for (Var v : envInOrder) {
                envOut.put(v.name(), v.value());
            }
            String userOut = user != null ? user : known ? "root" : null;
            String workdirOut = workdir != null ? workdir : known ? "/" : null;
            return new ImageState(stage.label(), workdirOut, userOut, shell, java.util.Collections.unmodifiableMap(envOut),
                    exposed, entrypointKnown ? entrypoint : null, cmdKnown ? cmd : null, runs(),
                    stopSignal != null ? stopSignal : known ? "SIGTERM" : null);
        }
    }
}
