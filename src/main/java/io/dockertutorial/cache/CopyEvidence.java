package io.dockertutorial.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the build context says about a COPY or ADD from it: which of the files it takes changed (then it
 * misses the cache), or why it stays: changed files the {@code .dockerignore} leaves out, sources that match
 * nothing, a remote URL, a here-document, files unchanged. {@code reason} is a key of {@code reasons.yml}.
 */
record CopyEvidence(String reason, Map<String, String> values, boolean changed) {

    static CopyEvidence fromContext(ContextFiles files, List<String> local, boolean remote, String keyword) {
        Set<String> taken = new TreeSet<>();
        Set<String> ignoredChanged = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (String src : local) {
            Set<String> t = files.taken(src);
            taken.addAll(t);
            ignoredChanged.addAll(files.changedAmong(files.ignoredButNamed(src)));
            if (t.isEmpty() && !ContextFiles.hasWildcard(src)) {
                missing.add(src);
            }
        }
        Set<String> hit = files.changedAmong(taken);
        if (!hit.isEmpty()) {
            return new CopyEvidence("copy-changed", Map.of("file", list(hit), "keyword", keyword), true);
        }
        if (!ignoredChanged.isEmpty()) {
            return new CopyEvidence("copy-ignored", Map.of("file", list(ignoredChanged), "keyword", keyword), false);
        }
        if (!missing.isEmpty()) {
            return new CopyEvidence("copy-missing", Map.of("source", String.join(", ", missing), "keyword", keyword),
                    false);
        }
        if (remote || local.isEmpty()) {
            return new CopyEvidence(remote ? "add-remote" : "copy-heredoc", Map.of("keyword", keyword), false);
        }
        String named = taken.isEmpty() ? String.join(", ", local) : list(taken);
        return new CopyEvidence("copy-unchanged", Map.of("file", named, "keyword", keyword), false);
    }

    /** Up to three names, then how many more. */
    static String list(Set<String> files) {
        final int shown = 3;
        if (files.size() <= shown) {
            return String.join(", ", files);
        }
        return String.join(", ", new ArrayList<>(files).subList(0, shown)) + " and " + (files.size() - shown) + " more";
    }

    /** A URL or Git address, which ADD fetches instead of reading the context. */
    static boolean isRemote(String src) {
        String s = src.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("git@")
                || s.startsWith("git://") || s.startsWith("ssh://");
    }
}
