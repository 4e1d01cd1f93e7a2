package io.dockertutorial.compose.checks;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.dockertutorial.budget.Deadline;
import io.dockertutorial.compose.syntax.Path;
import io.dockertutorial.spelling.Typos;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a Compose file against the Compose Specification's own JSON schema ({@code compose/compose-spec.json},
 * vendored unchanged) with networknt's validator: keys Compose does not know, and values of the wrong shape.
 * Compose refuses such files, so these are errors. Validation has a step budget; the analysis deadline is checked
 * before and after it (the validator cannot be stopped in the middle) and per error read.
 */
public final class SchemaCheck {

    private static final long MAX_STEPS = 200_000;
    private static final Schema SCHEMA = load();

    private SchemaCheck() {
    }

    private static Schema load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/compose/compose-spec.json")) {
            if (in == null) {
                throw new IllegalStateException("compose/compose-spec.json is missing from the classpath");
            }
            // The schema's relative $id resolves against this base; its $refs are all inside the file, so
            // nothing is ever fetched.
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(
                    SchemaLocation.of("https://compose-spec.invalid/schema/compose-spec.json"), in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param document the file as JSON, before interpolation (the schema allows text wherever a variable may stand)
     * @param lineOf   the line of an entry's key (or item), or 0 when the path is not an entry
     */
    public static List<Finding> check(JsonNode document, Function<Path, Integer> lineOf) {
        if (document == null || document.isNull()) {
            return List.of(new Finding("compose-empty", 1, "error",
                    "The file is empty: Compose needs at least a services key.", null));
        }
        // The validator has no hook to stop it from outside: its step budget bounds it, and the deadline is
        // checked right before and after.
        Deadline.check();
        List<Error> errors;
        try {
            errors = SCHEMA.validate(document, ctx -> ctx.executionConfig(c -> c.maxEvaluationSteps(MAX_STEPS)));
        } catch (RuntimeException e) {
            return List.of(new Finding("compose-schema", 1, "info",
                    "The file is too complex to check against the Compose schema within the explainer's budget.", null));
        }
        Deadline.check();
        List<Finding> out = new ArrayList<>();
        Set<String> said = new HashSet<>();
        List<Path> places = errors.stream().map(e -> path(e.getInstanceLocation())).toList();
        List<Path> alternatives = errors.stream().filter(SchemaCheck::isAlternatives)
                .map(e -> path(e.getInstanceLocation())).toList();
        for (Error e : errors) {
            Deadline.check();
            Path at = path(e.getInstanceLocation());
            if (at.inExtension() || (isAlternatives(e) && places.stream().anyMatch(p -> p.size() > at.size() && p.startsWith(at)))) {
                // "fits none of the shapes" says less than the error inside it
                continue;
            }
            if (!isAlternatives(e) && alternatives.contains(at) && !"additionalProperties".equals(e.getKeyword())) {
                // one of the forms it does not have ("array expected"): the alternatives' error says it better
                continue;
            }
            String keyword = e.getKeyword();
            Finding f;
            if ("additionalProperties".equals(keyword) && e.getProperty() != null) {
                Path key = at.key(e.getProperty());
                f = unknownKey(key, e, lineOf.apply(key));
            } else if ("oneOf".equals(keyword) || "anyOf".equals(keyword) || "type".equals(keyword)
                    || "enum".equals(keyword) || "required".equals(keyword) || "pattern".equals(keyword)
                    || "minimum".equals(keyword) || "maximum".equals(keyword) || "uniqueItems".equals(keyword)
                    || "not".equals(keyword) || "minItems".equals(keyword) || "maxItems".equals(keyword)) {
                f = new Finding("compose-schema", line(at, lineOf), "error", shape(at, e), null);
            } else {
                continue;
            }
            // One finding per place: a value that fits none of several shapes reports once.
            if (said.add(f.line() + "\u0000" + f.rule() + "\u0000" + (f.rule().equals("compose-unknown-key") ? f.message() : ""))) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparingInt(Finding::line));
        return out;
    }

    private static boolean isAlternatives(Error e) {
        return "oneOf".equals(e.getKeyword()) || "anyOf".equals(e.getKeyword());
    }

    private static Finding unknownKey(Path key, Error e, int line) {
        String name = key.lastKey();
        String parent = key.parent().size() == 0 ? "the top level of a Compose file" : "`" + key.parent() + "`";
        String hint = name == null ? null : Typos.closest(name, allowed(e), typoEdits(name), true);
        return new Finding("compose-unknown-key", Math.max(line, 1), "error",
                "`" + name + "` is not a Compose key in " + parent + ", so Compose refuses the file."
                        + (hint == null ? "" : " Did you mean `" + hint + "`?"),
                hint == null ? "Check the key's spelling and indentation against the Compose file reference."
                        : "Write `" + hint + "`.");
    }

    /** A key is a typo of another within a third of its length: at least 1 edit, at most 3. */
    private static int typoEdits(String key) {
        return Math.max(1, Math.min(3, key.toLowerCase(Locale.ROOT).length() / 3));
    }

    /** The keys the schema allows where the unknown one stands (its sibling {@code properties}). */
    private static List<String> allowed(Error e) {
        List<String> names = new ArrayList<>();
        try {
            JsonNode schema = SCHEMA.getRefSchemaNode(e.getSchemaLocation().getFragment().getParent().toString());
            if (schema != null && schema.has("properties")) {
                schema.get("properties").propertyNames().forEach(names::add);
            }
        } catch (RuntimeException ignored) {
            // no suggestion then
        }
        return names;
    }

    private static String shape(Path at, Error e) {
        String where = at.size() == 0 ? "The file" : "`" + at + "`";
        String message = e.getMessage();
        // The validator's message starts with the instance location; ours says where already.
        int colon = message.indexOf(": ");
        String what = colon > 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
        if (isAlternatives(e)) {
            what = "it fits none of the forms the Compose file reference gives for it";
        }
        return where + ": " + what + ". Compose refuses the file.";
    }

    private static int line(Path at, Function<Path, Integer> lineOf) {
        for (Path p = at; p.size() > 0; p = p.parent()) {
            int line = lineOf.apply(p);
            if (line > 0) {
                return line;
            }
        }
        return 1;
    }

    static Path path(NodePath node) {
        Path p = Path.ROOT;
        if (node == null) {
            return p;
        }
        for (int i = 0; i < node.getNameCount(); i++) {
            Object element = node.getElement(i);
            p = element instanceof Integer n ? p.index(n) : p.key(String.valueOf(element));
        }
        return p;
    }
}
