package io.dockertutorial.dockerfile.syntax;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .dockerignore}: patterns with {@code *}, {@code ?}, {@code **} and {@code !} exceptions, matched as RE2
 * expressions (linear in the path, whatever the pattern).
 */
public record Dockerignore(List<Rule> rules) {

    public record Rule(String glob, Pattern pattern, boolean exception) {
    }

    public static final Dockerignore NONE = new Dockerignore(List.of());

    public static Dockerignore parse(String content) {
        if (content == null) {
            return NONE;
        }
        List<Rule> rules = new ArrayList<>();
        for (String line : content.split("\n")) {
            String p = line.strip();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            boolean exception = p.startsWith("!");
            if (exception) {
                p = p.substring(1).strip();
            }
            p = clean(p);
            rules.add(new Rule(p, Pattern.compile(toRegex(p)), exception));
        }
        return new Dockerignore(List.copyOf(rules));
    }

    private static String clean(String p) {
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                i++;
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
                    // "**/" is zero or more whole folders, as in BuildKit's matcher: "**/foo" never matches "xfoo"
                    i++;
                    re.append("(?:.*/)?");
                } else {
                    re.append(".*");
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re + "(?:/.*)?";
    }

    /** Whether the whole context is excluded ({@code *} or {@code **} with no exception after it). */
    public boolean excludesEverything() {
        boolean all = false;
        for (Rule r : rules) {
            if (!r.exception() && (r.glob().equals("*") || r.glob().equals("**"))) {
                all = true;
            } else if (r.exception()) {
                all = false;
            }
        }
        return all;
    }

    /** Whether a COPY source (a path in the build context) is excluded. */
    public boolean excludes(String source) {
        String path = clean(source);
        boolean excluded = false;
        for (Rule r : rules) {
            if (r.pattern().matcher(path).matches()) {
                excluded = !r.exception();
            }
        }
        return excluded;
    }
}
