package io.dockertutorial.compose.syntax;

import io.dockertutorial.budget.Deadline;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The YAML document as JSON, the way Compose (Go's yaml.v3, the YAML 1.2 core schema) reads it: only
 * {@code true}/{@code false} are booleans ({@code yes}, {@code no}, {@code on} stay text), {@code ~}/{@code null}
 * and nothing are null, {@code <<} merges mappings. Aliases are expanded, within a budget of nodes, so a
 * "billion laughs" document is refused instead of filling the memory.
 */
public final class JsonView {

    public static final int MAX_NODES = 50_000;

    private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    /** Raised when the expanded document would be larger than {@link #MAX_NODES}. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("With its aliases expanded the file has more than " + MAX_NODES
                    + " values; the explainer stops there.", null, false, false);
        }
    }

    private final JsonNodeFactory factory = JsonNodeFactory.instance;
    private int nodes;

    private JsonView() {
    }

    /** @throws TooLarge when the aliases expand beyond the budget */
    public static JsonNode of(Node root) {
        return root == null ? JsonNodeFactory.instance.nullNode() : new JsonView().convert(root, 0);
    }

    private JsonNode convert(Node node, int depth) {
        if (++nodes > MAX_NODES || depth > YamlTree.MAX_DEPTH * 4) {
            throw new TooLarge();
        }
        Deadline.check();
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode array = factory.arrayNode();
            for (Node item : seq.getValue()) {
                array.add(convert(item, depth + 1));
            }
            return array;
        }
        ObjectNode object = factory.objectNode();
        MappingNode map = (MappingNode) node;
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && !isMerge(k)) {
                object.set(k.getValue(), convert(t.getValueNode(), depth + 1));
            }
        }
        // Merged keys fill only what the mapping does not say itself; earlier sources win.
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && isMerge(k)) {
                Node v = t.getValueNode();
                if (v instanceof SequenceNode seq) {
                    for (Node source : seq.getValue()) {
                        merge(object, source, depth);
                    }
                } else {
                    merge(object, v, depth);
                }
            }
        }
        return object;
    }

    private void merge(ObjectNode into, Node source, int depth) {
        if (convert(source, depth + 1) instanceof ObjectNode from) {
            from.properties().forEach(e -> {
                if (!into.has(e.getKey())) {
                    into.set(e.getKey(), e.getValue());
                }
            });
        }
    }

    private static boolean isMerge(ScalarNode k) {
        return k.getValue().equals("<<") && k.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    }

    private JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN && !Tag.STR.equals(tag);
        if (!plain) {
            return factory.stringNode(v);
        }
        switch (v) {
            case "", "~", "null", "Null", "NULL" -> {
                return factory.nullNode();
            }
            case "true", "True", "TRUE" -> {
                return factory.booleanNode(true);
            }
            case "false", "False", "FALSE" -> {
                return factory.booleanNode(false);
            }
            default -> {
            }
        }
        if (INT.matcher(v).matches()) {
            try {
                BigInteger n = v.startsWith("0o") ? new BigInteger(v.substring(2), 8)
                        : v.startsWith("0x") ? new BigInteger(v.substring(2), 16) : new BigInteger(v);
                return n.bitLength() < 63 ? factory.numberNode(n.longValue()) : factory.numberNode(n);
            } catch (NumberFormatException e) {
                return factory.stringNode(v);
            }
        }
        if (FLOAT.matcher(v).matches() && v.matches(".*[0-9].*")) {
            return factory.numberNode(new BigDecimal(v));
        }
        if (INF.matcher(v).matches()) {
            return factory.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (NAN.matcher(v).matches()) {
            return factory.numberNode(Double.NaN);
        }
        return factory.stringNode(v);
    }
}
