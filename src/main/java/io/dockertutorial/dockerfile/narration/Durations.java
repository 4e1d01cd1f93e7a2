package io.dockertutorial.dockerfile.narration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations ({@code 1m30s}) in words ({@code 1 minute 30 seconds}). */
final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private Durations() {
    }

    static String words(String value, String fallback) {
        String v = value == null || value.isBlank() ? fallback : value.strip();
        Matcher m = PART.matcher(v);
        StringBuilder out = new StringBuilder();
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return v;
            }
            end = m.end();
            String n = m.group(1);
            String unit = switch (m.group(2)) {
                case "h" -> "hour";
                case "m" -> "minute";
                case "s" -> "second";
                default -> "millisecond";
            };
            out.append(out.isEmpty() ? "" : " ").append(n).append(' ').append(unit).append(n.equals("1") ? "" : "s");
        }
        return end == v.length() && !out.isEmpty() ? out.toString() : v;
    }
}
