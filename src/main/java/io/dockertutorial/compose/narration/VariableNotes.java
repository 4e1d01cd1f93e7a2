package io.dockertutorial.compose.narration;

import io.dockertutorial.compose.syntax.Interpolation;
import io.dockertutorial.compose.syntax.Interpolation.Use;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Notes on the variables in a value ({@code ${DB_PASSWORD:-secret}}): where the value comes from, what
 * happens when it is missing, and what it is with the variables the explainer was given.
 */
final class VariableNotes {

    private static final String SOURCE = "Compose takes it from the shell that runs docker compose, or else from"
            + " the .env file in the project folder (the shell wins).";

    private VariableNotes() {
    }

    static List<Note.Part> parts(ScalarNode value, List<String> lines, Map<String, String> env) {
        String text = value.getValue();
        if (text.indexOf('$') < 0) {
            return List.of();
        }
        Interpolation.Parsed parsed = Interpolation.parse(text);
        List<Note.Part> parts = new ArrayList<>();
        for (Use u : parsed.uses()) {
            String written = text.substring(u.start(), u.end());
            parts.add(new Note.Part(written, u.escaped() ? "escaped-dollar" : "variable", summary(u),
                    u.escaped() ? null : explanation(u, env), Spans.find(value, lines, written)));
        }
        return parts;
    }

    private static String summary(Use u) {
        if (u.escaped()) {
            return "$$ is a literal $: Compose replaces it with one $ instead of reading a variable.";
        }
        String name = u.name();
        String arg = u.argument();
        String op = u.operator() == null ? "" : u.operator();
        return switch (op) {
            case ":-" -> "The variable " + name + ", or \"" + arg + "\" when it is unset or empty.";
            case "-" -> "The variable " + name + ", or \"" + arg + "\" when it is unset (an empty value stays empty).";
            case ":?" -> "The variable " + name + ", required: when it is unset or empty, Compose stops"
                    + (arg.isEmpty() ? "." : " with the message \"" + arg + "\".");
            case "?" -> "The variable " + name + ", required: when it is unset, Compose stops"
                    + (arg.isEmpty() ? "." : " with the message \"" + arg + "\".");
            case ":+" -> "\"" + arg + "\" when the variable " + name + " is set and not empty, else nothing.";
            case "+" -> "\"" + arg + "\" when the variable " + name + " is set (even empty), else nothing.";
            default -> "The variable " + name + "; when it is unset, Compose warns and uses an empty string.";
        };
    }

    private static String explanation(Use u, Map<String, String> env) {
        String known = env.get(u.name());
        String now = known == null ? "" : " Here " + u.name() + " is \"" + known + "\".";
        return SOURCE + now;
    }

    /** The plain text of a value with variables, for headings: the style tells whether it was quoted. */
    static boolean quoted(ScalarNode value) {
        return value.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                || value.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED;
    }
}
