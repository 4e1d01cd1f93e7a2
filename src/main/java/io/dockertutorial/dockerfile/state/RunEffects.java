package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.syntax.Heredoc;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ShellCommand;
import io.dockertutorial.dockerfile.syntax.ShellScript;
import io.dockertutorial.dockerfile.syntax.WindowsScript;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a RUN does to the build state: the stages it mounts, its simple commands, and the files its
 * commands create ({@code curl -o}, {@code wget -O}, redirections, {@code git clone}, {@code mkdir}…).
 */
public final class RunEffects {

    /** Commands that may create files whose names the command line does not tell. */
    private static final Set<String> UNNAMED_OUTPUT = Set.of("tar", "unzip", "make", "cmake", "ninja", "git", "go",
            "cargo", "npm", "npx", "yarn", "pnpm", "mvn", "./mvnw", "mvnw", "gradle", "./gradlew", "gradlew", "dotnet",
            "bundle", "composer", "rsync", "sh", "bash", "python", "python3", "node", "uv", "poetry",
            "7z", "gunzip", "bunzip2", "xz", "unxz", "wget", "dpkg", "rpm", "ant", "sbt", "bazel", "meson", "scons",
            "configure", "./configure", "autoreconf", "cp", "mv", "ln", "install", "php", "ruby", "java", "javac",
            "rustup", "conda", "mamba", "micromamba");

    /** The files one command creates: named ones, and whether it may create others it does not name. */
    public record Created(List<String> files, boolean unnamed) {
    }

    private RunEffects() {
    }

    static void apply(BuildWalk walk, Step step) {
        Instruction e = step.effective();
        if (walk.stage() != null) {
            walk.stage().needs.addAll(walk.stageReferences.mounted(e.flag("mount"), walk.stage()));
        }
        if (e.json()) {
            return;
        }
        step.script = e.arguments().isEmpty() ? "" : e.arguments().get(0);
        String line = step.script;
        for (Heredoc h : e.heredocs()) {
            line = line.replaceFirst("<<-?\\s*[\"']?" + java.util.regex.Pattern.quote(h.name()) + "[\"']?", " ");
        }
        boolean posix = step.before == null || WindowsScript.isPosixShell(step.before.shell());
        List<ShellCommand> own = posix ? ShellScript.parse(line) : WindowsScript.parse(line, step.before.shell());
        step.commands.addAll(own);
        // RUN <<EOF and RUN bash <<EOF feed the here-document to a shell; RUN python3 <<EOF does not.
        boolean shellReads = own.isEmpty() || own.size() == 1 && own.get(0).name().matches("(?:/bin/|/usr/bin/)?(?:ba|da|a)?sh");
        if (posix && shellReads && !e.heredocs().isEmpty()) {
            step.commands.clear();
            step.commands.addAll(ShellScript.parse(e.heredocs().get(0).content()));
        }
        StageState stage = walk.stage();
        if (stage == null || !step.immediate()) {
            return;
        }
        String origin = "RUN on line " + step.line();
        for (ShellCommand c : step.commands) {
            Created created = created(c);
            created.files().forEach(f -> add(stage, f, origin));
            stage.filesUncertain |= created.unnamed();
        }
    }

    public static Created created(ShellCommand c) {
        List<String> files = new ArrayList<>();
        c.writes().stream().filter(f -> !f.startsWith("/dev/")).forEach(files::add);
        List<String> args = c.args();
        boolean unnamed = false;
        switch (c.name()) {
            case "curl" -> {
                String out = value(args, "-o", "--output");
                if (out != null) {
                    files.add(out);
                } else {
                    unnamed = args.stream().anyMatch(a -> a.equals("--remote-name") || a.matches("-[a-zA-Z]*O[a-zA-Z]*"));
                }
            }
            case "wget" -> {
                String out = value(args, "-O", "--output-document");
                if (out != null && !out.equals("-")) {
                    files.add(out);
                }
                unnamed = out == null;
            }
            case "mkdir", "touch" -> args.stream().filter(a -> !a.startsWith("-")).forEach(files::add);
            default -> unnamed = UNNAMED_OUTPUT.contains(c.name()) || c.name().startsWith("./") || c.name().startsWith("/");
        }
        return new Created(files, unnamed);
    }

    /** The value of an option given as {@code -o file}, {@code -ofile}, {@code --output file} or {@code --output=file}. */
    public static String value(List<String> args, String shortName, String longName) {
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if ((a.equals(shortName) || a.equals(longName)) && k + 1 < args.size()) {
                return args.get(k + 1);
            }
            if (a.startsWith(longName + "=")) {
                return a.substring(longName.length() + 1);
            }
            if (a.length() > 2 && a.startsWith(shortName) && !a.startsWith("--")) {
                return a.substring(2);
            }
            // combined short flags ending in the option: -fsSLo file
            if (a.matches("-[a-zA-Z]+") && a.endsWith(shortName.substring(1)) && k + 1 < args.size()) {
                return args.get(k + 1);
            }
        }
        return null;
    }

    static void add(StageState stage, String path, String origin) {
        String clean = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        stage.files.putIfAbsent(clean, origin);
        stage.files.putIfAbsent(clean.substring(clean.lastIndexOf('/') + 1), origin);
    }
}
