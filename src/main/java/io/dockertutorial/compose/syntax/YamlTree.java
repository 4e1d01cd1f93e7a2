package io.dockertutorial.compose.syntax;

import io.dockertutorial.budget.Deadline;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A YAML document read into SnakeYAML's node graph (with line marks) under budgets, and flattened into the
 * {@link Entry entries} a reader sees: every mapping key and every list item with its path and lines. An alias
 * ({@code *name}) is one entry at the place it is written; what it points to is not walked again, so a
 * "billion laughs" document stays as small as its text.
 */
public final class YamlTree {

    /** The budgets: larger or deeper input is refused with a message, never half-read. */
    public static final int MAX_CODE_POINTS = 256 * 1024;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_DEPTH = 40;
    public static final int MAX_ENTRIES = 5_000;

    /**
     * A key of a mapping or an item of a list.
     *
     * @param path      keys (String) and list indexes (Integer) from the document's root
     * @param key       the key's node, {@code null} for a list item
     * @param value     the value's node (for an alias, the node it points to)
     * @param alias     whether the value is written as {@code *name}
     * @param startLine first line (1-based) of the key, or of the item
     * @param endLine   last line of the entry's own text: the scalar or flow value, or only the key line when
     *                  the value is a block mapping or list (whose own entries follow)
     * @param inFlow    whether it is inside a flow collection ({@code [a, b]}, {@code {k: v}}), written as part of
     *                  an entry above it
     */
    public record Entry(Path path, ScalarNode key, Node value, boolean alias, int startLine, int endLine, boolean inFlow) {

        public boolean isBlockCollection() {
            return !alias && !(value instanceof ScalarNode) && !isFlow(value);
        }
    }

    /** A syntax or budget problem, with the line it is on (1-based). */
    public record Problem(int line, String message) {
    }

    private final Node root;
    private final List<Entry> entries;
    private final List<Problem> problems;
    private final List<String> lines;

    private YamlTree(Node root, List<Entry> entries, List<Problem> problems, List<String> lines) {
        this.root = root;
        this.entries = entries;
        this.problems = problems;
        this.lines = lines;
    }

    public static YamlTree parse(String text) {
        List<String> lines = List.of(text.split("\r?\n", -1));
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            return failed(lines, new Problem(1, "The file is larger than " + MAX_CODE_POINTS / 1024
                    + " KB; the explainer reads Compose files up to that size."));
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS + 1024);
        options.setAllowDuplicateKeys(true); // reported below with both lines, as Compose refuses them
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return failed(lines, new Problem(mark == null ? 1 : mark.getLine() + 1, yamlMessage(e)));
        } catch (YAMLException | StackOverflowError e) {
            return failed(lines, new Problem(1, "The YAML cannot be read: " + budgetMessage(e)));
        }
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (root != null) {
            new Walker(entries, problems, lines).walk(root, Path.ROOT, 0, false);
        }
        return new YamlTree(root, List.copyOf(entries), List.copyOf(problems), lines);
    }

    private static YamlTree failed(List<String> lines, Problem problem) {
        return new YamlTree(null, List.of(), List.of(problem), lines);
    }

    private static String yamlMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "the YAML is not valid" : e.getProblem();
        String context = e.getContext();
        String text = (context == null ? "" : context + ": ") + problem;
        if (text.contains("Number of aliases")) {
            return "The file uses more than " + MAX_ALIASES + " aliases (*name); the explainer stops there.";
        }
        return "YAML syntax: " + text.strip();
    }

    private static String budgetMessage(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof StackOverflowError || m.contains("Nesting Depth")) {
            return "it is nested deeper than " + MAX_DEPTH + " levels.";
        }
        if (m.contains("Number of aliases")) {
            return "it uses more than " + MAX_ALIASES + " aliases (*name).";
        }
        if (m.contains("code point")) {
            return "it is larger than " + MAX_CODE_POINTS / 1024 + " KB.";
        }
        return m.isBlank() ? "it is not valid YAML." : m;
    }

    /** The document's root node, or {@code null} when it is empty or could not be read. */
    public Node root() {
        return root;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The physical lines of the text. */
    public List<String> lines() {
        return lines;
    }

    public static boolean isFlow(Node node) {
        return (node instanceof MappingNode m && m.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW)
                || (node instanceof SequenceNode s && s.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
    }

    /** The 1-based line on which a node's text ends. */
    public static int endLine(Node node) {
        Mark end = node.getEndMark();
        // A block collection or block scalar ends at the first column of the next line.
        return end.getColumn() == 0 && end.getLine() > node.getStartMark().getLine() ? end.getLine() : end.getLine() + 1;
    }

    public static int startLine(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static final class Walker {
        private final List<Entry> entries;
        private final List<Problem> problems;
        private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean full;

        private final List<String> lines;

        Walker(List<Entry> entries, List<Problem> problems, List<String> lines) {
            this.entries = entries;
            this.problems = problems;
            this.lines = lines;
        }

        void walk(Node node, Path path, int depth, boolean inFlow) {
            if (!seen.add(node) || depth > MAX_DEPTH) {
                return;
            }
            boolean flow = inFlow || isFlow(node);
            if (node instanceof MappingNode map) {
                Set<String> keys = new HashSet<>();
                for (NodeTuple t : map.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode key)) {
                        problems.add(new Problem(startLine(t.getKeyNode()), "A key must be plain text, not a list or mapping."));
                        continue;
                    }
                    if (!keys.add(key.getValue()) && !key.getValue().equals("<<")) {
                        problems.add(new Problem(startLine(key), "The key \"" + key.getValue()
                                + "\" appears twice in the same mapping; Compose refuses the file."));
                    }
                    Node value = t.getValueNode();
                    boolean alias = seen.contains(value) || value.getStartMark().getIndex() < key.getEndMark().getIndex();
                    add(path.key(key.getValue()), key, value, alias, startLine(key), depth, flow);
                }
            } else if (node instanceof SequenceNode seq) {
                List<Node> items = seq.getValue();
                Mark after = seq.getStartMark();
                int aliasLine = after.getLine();
                for (int i = 0; i < items.size(); i++) {
                    Node item = items.get(i);
                    boolean alias = seen.contains(item) || item.getStartMark().getIndex() < after.getIndex();
                    if (alias) {
                        // The alias token has no mark of its own: the next "- *name" line after the last item.
                        aliasLine = isFlow(seq) ? after.getLine() : nextAliasLine(Math.max(aliasLine, after.getLine()));
                    }
                    add(path.index(i), null, item, alias, alias ? aliasLine + 1 : startLine(item), depth, flow);
                    if (!alias) {
                        after = item.getEndMark();
                    } else if (!isFlow(seq)) {
                        aliasLine++;
                    }
                }
            }
        }

        /** 0-based index of the first line from {@code from} that reads like a list item with an alias. */
        private int nextAliasLine(int from) {
            for (int n = from; n < lines.size(); n++) {
                String t = lines.get(n).strip();
                if (t.startsWith("-") && t.contains("*")) {
                    return n;
                }
            }
            return from;
        }

        /**
         * An alias's node is the anchored node itself, with the anchor's marks: {@code alias} says so, and
         * {@code start} is where the alias is written.
         */
        private void add(Path path, ScalarNode key, Node value, boolean alias, int start, int depth, boolean inFlow) {
            Deadline.check();
            if (entries.size() >= MAX_ENTRIES) {
                if (!full) {
                    full = true;
                    problems.add(new Problem(key != null ? startLine(key) : 1,
                            "The file has more than " + MAX_ENTRIES + " keys and items; the explainer stops here."));
                }
                return;
            }
            int end;
            if (alias) {
                end = key != null ? key.getEndMark().getLine() + 1 : start;
            } else if (value instanceof ScalarNode || isFlow(value)) {
                end = Math.max(start, endLine(value));
            } else {
                end = key != null ? key.getEndMark().getLine() + 1 : start;
            }
            entries.add(new Entry(path, key, value, alias, start, end, inFlow));
            if (!alias && !(value instanceof ScalarNode)) {
                walk(value, path, depth + 1, inFlow);
            }
        }
    }
}
