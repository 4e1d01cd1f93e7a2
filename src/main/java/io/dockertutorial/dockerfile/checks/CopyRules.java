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
            if (s.matches("(?i)^https?://.*") && !s.matches("(?i).*\\.git(?:#.*)?$") && e.flag("checksum") == null
                    && !SIGNATURE.matcher(s).matches() && !verifiedLater(step, lint, s, e.arguments().get(e.arguments().size() - 1))) {
                lint.warn(step, "AddRemoteWithoutChecksum", Map.of("url", Texts.abbreviate(s, 80)));
                break;
            }
        }
    }

    /** Signatures and checksum lists: they are what a download is checked against, not what needs checking. */
    private static final java.util.regex.Pattern SIGNATURE = java.util.regex.Pattern.compile(
            "(?i).*(?:\\.(?:asc|sig|sign|sha1|sha256|sha512|md5|sha256sum|sha512sum)|SHA(?:1|256|512)SUMS(?:\\.txt)?)(?:\\?.*)?$");
    /** Commands that check a file against a signature or a checksum. */
    private static final java.util.regex.Pattern VERIFY = java.util.regex.Pattern.compile(
            "(?i)(?:\\bgpgv?\\b[^;&|]*--verify|\\bgpgv\\s|\\bcosign\\s+verify|\\bsha(?:1|224|256|384|512)sum\\b[^;&|]*(?:\\s-c|--check)"
            + "|\\bmd5sum\\b[^;&|]*(?:\\s-c|--check)|\\bshasum\\b[^;&|]*(?:\\s-c|--check)|\\bminisign\\s+-V|\\bopenssl\\s+dgst\\b[^;&|]*-verify"
            + "|Get-FileHash)");

    /** True when a later RUN of the same stage verifies the downloaded file (by its name). */
    private static boolean verifiedLater(Step step, Lint lint, String url, String dest) {
        String path = url.replaceFirst("[?#].*$", "");
        String file = path.substring(path.lastIndexOf('/') + 1);
        String target = dest.endsWith("/") || dest.endsWith("\\") ? file : dest.substring(Math.max(dest.lastIndexOf('/'), dest.lastIndexOf('\\')) + 1);
        for (Step later : lint.steps()) {
            if (later.index <= step.index || later.stage != step.stage || later.script == null) {
                continue;
            }
            StringBuilder text = new StringBuilder(later.script);
            later.effective().heredocs().forEach(h -> text.append('\n').append(h.content()));
            String t = text.toString();
            if ((!file.isEmpty() && t.contains(file) || !target.isEmpty() && t.contains(target)) && VERIFY.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }
}
