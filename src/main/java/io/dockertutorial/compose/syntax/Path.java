package io.dockertutorial.compose.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an entry sits in a YAML document: keys and list indexes from the root. {@link #toString()} is the
 * reader's form ({@code services.web.ports[0]}); {@link #matches(String)} compares with a pattern as the
 * knowledge files write it ({@code services.*.ports[]}).
 */
public record Path(List<Object> segments) {

    public static final Path ROOT = new Path(List.of());

    public Path key(String key) {
        return with(key);
    }

    public Path index(int index) {
        return with(index);
    }

    private Path with(Object segment) {
        List<Object> s = new ArrayList<>(segments);
        s.add(segment);
        return new Path(List.copyOf(s));
    }

    public int size() {
        return segments.size();
    }

    /** The segment at {@code i} (a key or an index), negative counts from the end. */
    public Object get(int i) {
        return segments.get(i < 0 ? segments.size() + i : i);
    }

    /** The last key, or {@code null} when the path ends in a list index. */
    public String lastKey() {
        return segments.isEmpty() || !(get(-1) instanceof String s) ? null : s;
    }

    public boolean startsWith(Path prefix) {
        return prefix.size() <= size() && segments.subList(0, prefix.size()).equals(prefix.segments());
    }

    public Path parent() {
        return segments.isEmpty() ? this : new Path(segments.subList(0, segments.size() - 1));
    }

    public boolean isIndex(int i) {
        return get(i) instanceof Integer;
    }

    /** Keys in the path that are an extension ({@code x-…}) or a merge ({@code <<}). */
    public boolean inExtension() {
        return segments.stream().anyMatch(s -> s instanceof String k && (k.startsWith("x-") || k.equals("<<")));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                String k = (String) s;
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(k.matches("[\\w-]+") || k.equals("<<") ? k : "\"" + k.replace("\"", "\\\"") + "\"");
            }
        }
        return b.toString();
    }

    /**
     * Whether the path fits a pattern: {@code .}-separated keys where {@code *} is any one key and a
     * trailing {@code []} on a segment is any list index, e.g. {@code services.*.depends_on.*.condition}.
     */
    public boolean matches(String pattern) {
        List<String> want = tokens(pattern);
        if (want.size() != segments.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            Object s = segments.get(i);
            boolean ok = w.equals("[]") ? s instanceof Integer
                    : s instanceof String k && (w.equals("*") || w.equals(k));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code services.*.ports[]} as {@code [services, *, ports, []]}. */
    static List<String> tokens(String pattern) {
        List<String> out = new ArrayList<>();
        for (String part : pattern.split("\\.")) {
            String p = part;
            int n = 0;
            while (p.endsWith("[]")) {
                p = p.substring(0, p.length() - 2);
                n++;
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
            for (int i = 0; i < n; i++) {
                out.add("[]");
            }
        }
        return out;
    }

    /** How specific a pattern is: more literal keys first, for choosing among several that match. */
    public static int specificity(String pattern) {
        return (int) tokens(pattern).stream().filter(t -> !t.equals("*") && !t.equals("[]")).count();
    }
}
