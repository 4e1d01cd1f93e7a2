package io.dockertutorial.explain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The JSON answer of {@code POST /api/explain?kind=…} for every kind but {@code dockerfile}: the text's items
 * (a command, a Compose key, a {@code .dockerignore} line) with their lines and explanations, plus the findings.
 * Field names are the public contract (see {@code api/openapi.yaml}); optional fields are left out when null.
 */
public record TextExplanation(String kind, List<Item> items, List<Warning> warnings, List<Error> errors) {

    public TextExplanation {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /**
     * One thing the text says, on lines {@code startLine..endLine} (1-based, inclusive).
     *
     * @param flags   a command's flags in the order written ({@code null} for kinds without flags)
     * @param parts   the other pieces worth a note of their own (a command's subcommand, image, arguments), or null
     * @param context where the item sits, such as {@code services.web.ports[0]} in a Compose file, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int startLine, int endLine, String source, String summary, String explanation,
                       List<Flag> flags, List<Part> parts, String context) {
    }

    /**
     * A flag as given: {@code name} as written with its dashes ({@code -p}, {@code --publish}), {@code value}
     * null for a flag without one; the explanation says what this value does.
     */
    public record Flag(String name, String value, String summary, String explanation) {
    }

    /** A piece of an item other than a flag: {@code role} such as subcommand, image, argument, command. */
    public record Part(String text, String role, String summary, String explanation) {
    }

    /** A finding: {@code rule} a stable id, {@code severity} error, warning or info. */
    public record Warning(String rule, int line, String severity, String message) {
    }

    /** Text that could not be read at all, such as a YAML syntax error. */
    public record Error(int line, String message) {
    }
}
