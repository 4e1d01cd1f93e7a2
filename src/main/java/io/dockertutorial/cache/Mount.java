package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One {@code RUN --mount=…}: type (default bind), source within its origin, and {@code from}. */
record Mount(String type, String source, String from) {

    /** The mounts of a RUN, in the order written. */
    static List<Mount> of(Instruction run) {
        List<Mount> mounts = new ArrayList<>();
        for (String flag : run.flags()) {
            String body = flag.startsWith("--") ? flag.substring(2) : flag;
            if (!body.regionMatches(true, 0, "mount=", 0, 6)) {
                continue;
            }
            String type = "bind";
            String source = "";
            String from = null;
            for (String field : body.substring(6).split(",")) {
                int eq = field.indexOf('=');
                String key = (eq < 0 ? field : field.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
                String value = eq < 0 ? "" : unquote(field.substring(eq + 1).strip());
                switch (key) {
                    case "type" -> type = value.toLowerCase(Locale.ROOT);
                    case "source", "src" -> source = value;
                    case "from" -> from = value.isEmpty() ? null : value;
                    default -> {
                    }
                }
            }
            mounts.add(new Mount(type, source, from));
        }
        return mounts;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
