package io.dockertutorial.dockerfile.syntax;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers the walk, the rules and the narrator share. */
public final class Texts {

    private static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    private Texts() {
    }

    public static String stripQuotes(String s) {
        if (s != null && s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** "a", "a and b", "a, b and c". */
    public static String joinList(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    public static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    public static boolean validImageRef(String ref) {
        return !ref.isEmpty() && !ref.endsWith(":") && !ref.endsWith("@") && !ref.startsWith(":")
                && !ref.startsWith("/") && !ref.contains("::") && !ref.contains(" ");
    }

    public static boolean nameMentionsPlatform(String stageName, String platform) {
        if (stageName == null) {
            return false;
        }
        String name = stageName.toLowerCase(Locale.ROOT);
        for (String part : platform.toLowerCase(Locale.ROOT).split("/")) {
            if (!part.isEmpty() && name.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern PS_ENV = Pattern.compile("(?i)\\$(?:\\{env:([A-Za-z_][A-Za-z0-9_]*)}|env:([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern CMD_VAR = Pattern.compile("%([A-Za-z_][A-Za-z0-9_]*)%");

    /**
     * The environment variables a PowerShell ({@code $env:NAME}) or cmd ({@code %NAME%}) script reads; PowerShell's
     * own {@code $variables} are not environment variables and are left out.
     */
    public static Set<String> windowsVariables(String script, boolean powershell) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = (powershell ? PS_ENV : CMD_VAR).matcher(script);
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names;
    }

    /**
     * The names of the {@code $VAR} / {@code ${VAR}} references in a shell command, in order; not inside
     * single quotes, where the shell does not expand (awk's {@code '{print $NF}'}).
     */
    public static Set<String> shellVariables(String command) {
        Set<String> names = new LinkedHashSet<>();
        StringBuilder expandable = new StringBuilder(command.length());
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && !single && i + 1 < command.length()) {
                i++;
                expandable.append(' ');
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
                continue;
            }
            if (c == '"' && !single) {
                dbl = !dbl;
            }
            expandable.append(single ? ' ' : c);
        }
        Matcher m = SHELL_VAR.matcher(expandable);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
