package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.ShellCommand;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Debian and Ubuntu packages: AptGetYes (hadolint DL3014), AptNoRecommends (DL3015),
 * AptListsNotCleaned (DL3009), AptUpdateAlone, AptInScripts (DL3027), AptKeyDeprecated.
 */
final class AptRules implements Rule {

    private static final Set<String> INSTALLS = Set.of("install", "upgrade", "dist-upgrade", "full-upgrade",
            "build-dep", "source", "satisfy", "reinstall");
    /** Other programs that install packages with the lists apt-get update fetched. */
    private static final Set<String> INSTALLERS = Set.of("xx-apt-get", "apt", "aptitude", "install_packages",
            "mk-build-deps", "eatmydata", "apt-install", "add-apt-repository", "dpkg");

    @Override
    public void check(Step step, Lint lint) {
        if (!step.is("RUN") || !step.immediate() || step.commands.isEmpty()) {
            return;
        }
        boolean update = false;
        boolean install = false;
        boolean cleaned = false;
        boolean opaque = false;
        Set<String> functions = functionNames(step.script == null ? "" : step.script);
        boolean aptReported = false;
        for (ShellCommand c : step.commands) {
            String sub = c.subcommand();
            if (c.name().equals("apt-get")) {
                update |= sub.equals("update") || c.has("--update");
                if (INSTALLS.contains(sub)) {
                    install = true;
                    if (sub.equals("install")) {
                        installFlags(step, lint, c);
                    }
                }
                cleaned |= sub.equals("dist-clean");
            } else if (c.name().equals("apt")) {
                if (!aptReported) {
                    lint.warn(step, "AptInScripts", Map.of("sub", sub.isEmpty() ? "" : " " + sub));
                    aptReported = true;
                }
                update |= sub.equals("update");
                install |= INSTALLS.contains(sub);
            } else if (c.name().equals("apt-key")) {
                lint.warn(step, "AptKeyDeprecated", Map.of());
            }
            if (c.name().equals("rm") && c.args().stream().anyMatch(a -> a.startsWith("/var/lib/apt/lists"))) {
                cleaned = true;
            }
            install |= INSTALLERS.contains(c.name()) && !c.name().equals("apt");
            opaque |= c.function() || functions.contains(c.name()) || c.name().startsWith("./") || c.name().startsWith("/")
                    || c.name().equals("sh") || c.name().equals("bash") || c.name().startsWith("$");
        }
        String mount = String.join(" ", step.effective().flags()); // every --mount, not only the first
        boolean cachedLists = mount.contains("/var/lib/apt") || mount.contains("/var/cache/apt") && mount.contains("type=tmpfs");
        if (update && install && !cleaned && !cachedLists && inFinalImage(step, lint)) {
            lint.warn(step, "AptListsNotCleaned", Map.of());
        }
        if (update && !install && !opaque) {
            lint.warn(step, "AptUpdateAlone", Map.of());
        }
    }

    private static void installFlags(Step step, Lint lint, ShellCommand c) {
        List<String> args = c.args();
        boolean yes = args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*y[a-zA-Z]*") || a.equals("--yes")
                || a.equals("--assume-yes") || a.equals("-qq") || a.matches("(?i)APT::Get::Assume-Yes=(?:true|1|yes)"));
        if (!yes && !args.contains("--only-upgrade")) {
            lint.warn(step, "AptGetYes", Map.of());
        }
        if (!args.contains("--no-install-recommends")
                && args.stream().noneMatch(a -> a.matches("(?i)APT::Install-Recommends=(?:false|0|no)"))) {
            lint.warn(step, "AptNoRecommends", Map.of());
        }
    }

    private static Set<String> functionNames(String script) {
        Set<String> names = new HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|[;&|\\s])(?:function\\s+)?([A-Za-z_][A-Za-z0-9_-]*)\\s*\\(\\)").matcher(script);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** True when the stage ends up in the final image (the last stage, or a stage it is built FROM). */
    static boolean inFinalImage(Step step, Lint lint) {
        if (lint.stages().isEmpty()) {
            return true;
        }
        for (StageState s = lint.stages().get(lint.stages().size() - 1); s != null; s = s.parentStage) {
            if (s == step.stage) {
                return true;
            }
        }
        return false;
    }
}
