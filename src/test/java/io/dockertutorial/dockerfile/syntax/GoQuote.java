package io.dockertutorial.dockerfile.syntax;

import java.util.List;

/** BuildKit's AST dump format (Go's strconv.Quote and %q), to compare with its corpus. */
final class GoQuote {

    private GoQuote() {
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if (c == 0xFFFD || Character.isDefined(c) && !Character.isISOControl(c)
                            && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.UNASSIGNED
                            && !Character.isSurrogate((char) Math.min(c, 0xFFFF))) {
                        out.appendCodePoint(c);
                    } else if (c < 0x10000) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append(String.format("\\U%08x", c));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    static String dump(Instruction i) {
        StringBuilder s = new StringBuilder(i.written().toLowerCase(java.util.Locale.ROOT));
        if (!i.flags().isEmpty()) {
            s.append(" [");
            List<String> flags = i.flags();
            for (int k = 0; k < flags.size(); k++) {
                s.append(k == 0 ? "" : " ").append(quote(flags.get(k)));
            }
            s.append(']');
        }
        if (i.inner() != null) {
            s.append(" (").append(dump(i.inner())).append(')');
        }
        for (String arg : i.arguments()) {
            s.append(' ').append(quote(arg));
        }
        return s.toString().strip();
    }
}
