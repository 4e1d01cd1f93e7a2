package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Dockerignore;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.Texts;

import java.util.List;
import java.util.Map;

/**
 * COPY and ADD: CopyIgnoredFile (BuildKit), AddInsteadOfCopy (hadolint DL3020) and
 * AddRemoteWithoutChecksum (a download nobody verifies).
 */
final class CopyRules implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        Instruction i = step.instruction;
        Instruction e = step.effective();
        if (!(i.is("COPY") || i.is("ADD")) || !step.immediate() || !e.heredocs().isEmpty() || step.expanded.size() < 2) {
            return;
        }
        List<String> sources = step.expanded.subList(0, step.expanded.size() - 1);
        if (e.flag("from") == null) {
            Dockerignore ignore = lint.options().dockerignore();
            for (String src : sources) {
                boolean root = src.equals(".") || src.equals("./");
                if (root ? ignore.excludesEverything() : ignore.excludes(src)) {
                    lint.warn(step, "CopyIgnoredFile", Map.of("source", src, "keyword", i.keyword()));
                }
            }
        }
        if (!i.is("ADD")) {
            return;
        }
        boolean plain = sources.stream().noneMatch(s -> s.matches("(?i)^(?:https?|git)://.*|.*\\.git$|^git@.*"
                + "|.*\\.(?:tar|tgz|tar\\.gz|tar\\.bz2|tbz2|tar\\.xz|txz|tar\\.zst)$"));
        if (plain && e.flag("checksum") == null && e.flag("keep-git-dir") == null) {
            lint.warn(step, "AddInsteadOfCopy", Map.of());
        }
        for (String s : sources) {
            if (s.matches("(?i)^https?://.*") && !s.matches("(?i).*\\.git(?:#.*)?$") && e.flag("checksum") == null) {
                lint.warn(step, "AddRemoteWithoutChecksum", Map.of("url", Texts.abbreviate(s, 80)));
                break;
            }
        }
    }
}
