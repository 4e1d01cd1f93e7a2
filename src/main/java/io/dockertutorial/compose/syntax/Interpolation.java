package io.dockertutorial.compose.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The variables written in one Compose value, as Compose reads them: {@code $$} is a literal {@code $},
 * {@code $NAME} and {@code ${NAME}} take the variable, {@code ${NAME:-default}} / {@code ${NAME-default}}
 * give a default when it is unset or empty / unset, {@code ${NAME:?message}} / {@code ${NAME?message}} stop
 * with the message, {@code ${NAME:+other}} / {@code ${NAME+other}} use {@code other} when it is set. A
 * {@code $} before anything else stays as it is. Defaults may hold variables of their own.
 */
public final class Interpolation {

    /**
     * One {@code $…} in the value, at {@code [start, end)}.
     *
     * @param operator {@code null} (plain), {@code :-}, {@code -}, {@code :?}, {@code ?}, {@code :+}, {@code +},
     *                 or {@code $} for an escaped dollar
     * @param argument the default, message or replacement as written (may contain variables)
     */
    public record Use(String name, String operator, String argument, int start, int end) {

        public boolean escaped() {
            return "$".equals(operator);
        }

        /** Whether an empty value counts as missing ({@code :-}, {@code :?}, {@code :+}). */
        public boolean colon() {
            return operator != null && operator.startsWith(":");
        }
    }

    /** The result: the uses in order, or the reason Compose refuses the value. */
    public record Parsed(List<Use> uses, String error) {
    }

    private static final int MAX_DEPTH = 10;

    private Interpolation() {
    }

    public static Parsed parse(String value) {
        List<Use> uses = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            int dollar = value.indexOf('$', i);
            if (dollar < 0 || dollar + 1 >= value.length()) {
                break;
            }
            char next = value.charAt(dollar + 1);
            if (next == '$') {
                uses.add(new Use(null, "$", null, dollar, dollar + 2));
                i = dollar + 2;
            } else if (next == '{') {
                int close = closing(value, dollar + 2);
                if (close < 0) {
                    return new Parsed(uses, "\"" + value.substring(dollar) + "\" has no closing }");
                }
                Use use = braced(value.substring(dollar + 2, close), dollar, close + 1);
                if (use == null) {
                    return new Parsed(uses, "\"" + value.substring(dollar, close + 1)
                            + "\" is not a variable Compose can read (write $$ for a literal $)");
                }
                uses.add(use);
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = dollar + 2;
                while (end < value.length() && isNamePart(value.charAt(end))) {
                    end++;
                }
                uses.add(new Use(value.substring(dollar + 1, end), null, null, dollar, end));
                i = end;
            } else {
                i = dollar + 1; // "$ " or "$5": kept as written
            }
        }
        return new Parsed(List.copyOf(uses), null);
    }

    /** Whether the value has anything Compose would replace. */
    public static boolean hasVariables(String value) {
        return value.indexOf('$') >= 0 && parse(value).uses().stream().anyMatch(u -> !u.escaped());
    }

    private static Use braced(String body, int start, int end) {
        int n = 0;
        while (n < body.length() && (n == 0 ? isNameStart(body.charAt(n)) : isNamePart(body.charAt(n)))) {
            n++;
        }
        if (n == 0) {
            return null;
        }
        String name = body.substring(0, n);
        String rest = body.substring(n);
        if (rest.isEmpty()) {
            return new Use(name, null, null, start, end);
        }
        for (String op : List.of(":-", ":?", ":+", "-", "?", "+")) {
            if (rest.startsWith(op)) {
                return new Use(name, op, rest.substring(op.length()), start, end);
            }
        }
        return null;
    }

    /** The index of the {@code }} closing a {@code ${} whose body starts at {@code from}, braces nested. */
    private static int closing(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** The outcome of resolving a value: the text, or the message Compose stops with. */
    public record Resolved(String value, String error) {
    }

    /**
     * The value as Compose computes it, with variables from {@code lookup} ({@code null}: not set).
     */
    public static Resolved resolve(String value, Function<String, String> lookup) {
        return resolve(value, lookup, 0);
    }

    public static Resolved resolve(String value, Map<String, String> env) {
        return resolve(value, env::get, 0);
    }

    private static Resolved resolve(String value, Function<String, String> lookup, int depth) {
        Parsed parsed = parse(value);
        if (parsed.error() != null) {
            return new Resolved(null, parsed.error());
        }
        if (depth > MAX_DEPTH) {
            return new Resolved(null, "variables nested more than " + MAX_DEPTH + " deep");
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Use u : parsed.uses()) {
            out.append(value, at, u.start());
            at = u.end();
            if (u.escaped()) {
                out.append('$');
                continue;
            }
            String v = lookup.apply(u.name());
            boolean missing = v == null || (u.colon() && v.isEmpty());
            String op = u.operator() == null ? "" : u.operator().replace(":", "");
            switch (op) {
                case "-" -> {
                    if (missing) {
                        Resolved d = resolve(u.argument(), lookup, depth + 1);
                        if (d.error() != null) {
                            return d;
                        }
                        out.append(d.value());
                    } else {
                        out.append(v);
                    }
                }
                case "?" -> {
                    if (missing) {
                        return new Resolved(null, "required variable " + u.name() + " is missing a value"
                                + (u.argument().isEmpty() ? "" : ": " + u.argument()));
                    }
                    out.append(v);
                }
                case "+" -> {
                    if (!missing) {
                        Resolved r = resolve(u.argument(), lookup, depth + 1);
                        if (r.error() != null) {
                            return r;
                        }
                        out.append(r.value());
                    }
                }
                default -> out.append(v == null ? "" : v);
            }
        }
        out.append(value.substring(at));
        return new Resolved(out.toString(), null);
    }
}
