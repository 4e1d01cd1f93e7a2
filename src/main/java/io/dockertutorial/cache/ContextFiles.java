package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.syntax.Dockerignore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The build context as BuildKit's COPY sees it: the files sent to the builder (those {@code .dockerignore}
 * leaves in) and which of them changed since the last build. Paths are relative to the context root,
 * with {@code /} separators, cleaned like Go's {@code path.Clean}.
 */
public final class ContextFiles {

    private final Set<String> sent = new TreeSet<>();
    private final Set<String> ignored = new TreeSet<>();
    private final Set<String> changed = new TreeSet<>();

    /**
     * @param files   the files in the context folder
     * @param ignore  the {@code .dockerignore}
     * @param changed the files whose content changed (or that were added or removed) since the last build
     */
    public ContextFiles(Collection<String> files, Dockerignore ignore, Collection<String> changed) {
        List<String> all = new ArrayList<>();
        files.forEach(f -> all.add(clean(f)));
        changed.forEach(f -> all.add(clean(f)));
        for (String f : all) {
            if (f.isEmpty()) {
                continue;
            }
            (ignore.excludes(f) ? ignored : sent).add(f);
        }
        for (String f : changed) {
            String c = clean(f);
            if (!c.isEmpty()) {
                this.changed.add(c);
            }
        }
    }

    /** {@code path.Clean("/" + p)} without the leading slash: {@code ./a//b/../c/} becomes {@code a/c}; the root is {@code ""}. */
    static String clean(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
                continue;
            }
            parts.add(part);
        }
        return String.join("/", parts);
    }

    /**
     * The sent files a COPY source takes: the file itself, everything under a directory, and for a
     * wildcard source every file or directory whose path matches it, segment by segment as Go's
     * {@code filepath.Match} does ({@code *} never crosses a {@code /}).
     */
    public Set<String> taken(String source) {
        return select(sent, source);
    }

    /** The files {@code .dockerignore} keeps out that this source would otherwise take. */
    public Set<String> ignoredButNamed(String source) {
        return select(ignored, source);
    }

    public boolean isChanged(String file) {
        return changed.contains(file);
    }

    /** The changed files among these. */
    public Set<String> changedAmong(Collection<String> files) {
        Set<String> hit = new TreeSet<>();
        for (String f : files) {
            if (changed.contains(f)) {
                hit.add(f);
            }
        }
        return hit;
    }

    private static Set<String> select(Set<String> files, String source) {
        String src = clean(source);
        Set<String> out = new TreeSet<>();
        if (src.isEmpty()) {
            out.addAll(files);
            return out;
        }
        boolean wildcard = hasWildcard(src);
        String[] pattern = src.split("/");
        for (String f : files) {
            if (!wildcard) {
                if (f.equals(src) || f.startsWith(src + "/")) {
                    out.add(f);
                }
                continue;
            }
            String[] parts = f.split("/");
            if (parts.length < pattern.length) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < pattern.length && all; k++) {
                all = GoGlob.matches(pattern[k], parts[k]);
            }
            if (all) {
                out.add(f);
            }
        }
        return out;
    }

    static boolean hasWildcard(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Go's {@code path.Match} for one path segment: {@code *}, {@code ?}, {@code [a-z]}, {@code [^x]}, {@code \} escapes. */
    static final class GoGlob {
        private GoGlob() {
        }

        /**
         * Go's algorithm: the pattern is cut into chunks, each after a run of stars; a chunk is matched at the
         * first place it fits and the match never goes back into an earlier star, so the work is at most the
         * pattern's length times the name's, whatever the pattern.
         */
        static boolean matches(String p, String s) {
            int pi = 0;
            int si = 0;
            while (pi < p.length()) {
                boolean star = false;
                while (pi < p.length() && p.charAt(pi) == '*') {
                    star = true;
                    pi++;
                }
                int chunkEnd = chunkEnd(p, pi);
                if (star && pi == chunkEnd) {
                    return s.indexOf('/', si) < 0;
                }
                boolean last = chunkEnd == p.length();
                int rest = matchChunk(p, pi, chunkEnd, s, si);
                if (rest >= 0 && (rest == s.length() || !last)) {
                    si = rest;
                    pi = chunkEnd;
                    continue;
                }
                if (rest == BAD) {
                    return false;
                }
                boolean found = false;
                if (star) {
                    for (int i = si; i < s.length() && s.charAt(i) != '/'; i++) {
                        rest = matchChunk(p, pi, chunkEnd, s, i + 1);
                        if (rest >= 0) {
                            if (last && rest < s.length()) {
                                continue;
                            }
                            si = rest;
                            found = true;
                            break;
                        }
                    }
                }
                if (!found) {
                    return false;
                }
                pi = chunkEnd;
            }
            return si == s.length();
        }

        private static final int BAD = -2;

        /** Where the chunk that starts at {@code from} ends: the next star outside a class, or the end. */
        private static int chunkEnd(String p, int from) {
            boolean inRange = false;
            for (int i = from; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    inRange = true;
                } else if (c == ']') {
                    inRange = false;
                } else if (c == '*' && !inRange) {
                    return i;
                }
            }
            return p.length();
        }

        /** Matches {@code p[from, to)} (no stars) against the start of {@code s[si…]}: the index after it, -1, or BAD. */
        private static int matchChunk(String p, int from, int to, String s, int si) {
            int pi = from;
            while (pi < to) {
                if (si >= s.length()) {
                    return -1;
                }
                char c = p.charAt(pi);
                char ch = s.charAt(si);
                if (c == '?') {
                    if (ch == '/') {
                        return -1;
                    }
                    pi++;
                } else if (c == '[') {
                    int end = classEnd(p, pi);
                    if (end < 0 || end >= to) {
                        return BAD;
                    }
                    if (ch == '/' || !inClass(p, pi + 1, end, ch)) {
                        return -1;
                    }
                    pi = end + 1;
                } else {
                    if (c == '\\' && pi + 1 < to) {
                        pi++;
                        c = p.charAt(pi);
                    }
                    if (c != ch) {
                        return -1;
                    }
                    pi++;
                }
                si++;
            }
            return si;
        }

        /** Index of the {@code ]} closing the class that opens at {@code open}, or -1 (a bad pattern matches nothing). */
        private static int classEnd(String p, int open) {
            int i = open + 1;
            if (i < p.length() && p.charAt(i) == '^') {
                i++;
            }
            boolean first = true;
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == ']' && !first) {
                    return i;
                }
                if (c == '\\') {
                    i++;
                }
                first = false;
                i++;
            }
            return -1;
        }

        private static boolean inClass(String p, int from, int end, char ch) {
            boolean negate = p.charAt(from) == '^';
            int i = negate ? from + 1 : from;
            boolean hit = false;
            while (i < end) {
                char lo = p.charAt(i);
                if (lo == '\\') {
                    i++;
                    lo = p.charAt(i);
                }
                i++;
                char hi = lo;
                if (i + 1 < end && p.charAt(i) == '-') {
                    hi = p.charAt(i + 1);
                    if (hi == '\\' && i + 2 < end) {
                        hi = p.charAt(i + 2);
                        i++;
                    }
                    i += 2;
                }
                if (lo <= ch && ch <= hi) {
                    hit = true;
                }
            }
            return hit != negate;
        }
    }
}
