package io.dockertutorial.compose.narration;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.compose.model.Project;
import io.dockertutorial.compose.syntax.Path;
import io.dockertutorial.compose.syntax.YamlTree;
import io.dockertutorial.compose.syntax.YamlTree.Entry;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Compose file's entries into notes, one per line that starts something: the key's meaning in its
 * context (from {@link KeyCatalog}), what this value does, its variables, and the author's comment above it.
 * A list item whose first key shares its line becomes one note with that key.
 */
public final class Narrator {

    private final KeyCatalog catalog;

    public Narrator(KeyCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Note> narrate(YamlTree tree, Project project, Map<String, String> env) {
        Map<Integer, Note> byLine = new LinkedHashMap<>();
        List<String> lines = tree.lines();
        for (Entry e : tree.entries()) {
            Deadline.check();
            if (e.inFlow()) {
                continue; // written inside [ … ] or { … } on the line of the entry that holds it
            }
            Note note = note(e, project, env, lines);
            Note before = byLine.get(e.startLine());
            byLine.put(e.startLine(), before == null ? note : merge(before, note));
        }
        List<Note> notes = new ArrayList<>();
        boolean[] owned = new boolean[lines.size() + 2];
        byLine.values().forEach(n -> {
            for (int l = n.startLine(); l <= Math.min(n.endLine(), lines.size()); l++) {
                owned[l] = true;
            }
        });
        for (Note n : byLine.values()) {
            Deadline.check();
            notes.add(withComment(n, lines, owned));
        }
        return notes;
    }

    private Note note(Entry e, Project project, Map<String, String> env, List<String> lines) {
        Path path = e.path();
        String label = e.key() != null ? e.key().getValue() : "- " + (e.value() instanceof ScalarNode s
                && ValueNotes.shortValue(s) != null ? s.getValue() : "item " + path.get(-1));
        if (e.alias()) {
            String anchor = e.value().getAnchor();
            return new Note(e.startLine(), e.endLine(), path.toString(), label,
                    "Reuses the value anchored as &" + anchor + " (written *" + anchor + ").",
                    "An alias stands for a copy of what the anchor marks, as if it were written here.",
                    List.of(), List.of(), KeyCatalog.DOCS + "fragments/", 0, null);
        }
        if (path.inExtension()) {
            return extension(e, label);
        }
        KeyCatalog.Key key = catalog.find(path).orElse(null);
        List<String> explanation = new ArrayList<>();
        List<Note.Part> parts = new ArrayList<>();
        String summary;
        String docs;
        if (key != null) {
            summary = key.summary();
            docs = key.docsUrl();
            if (key.explanation() != null) {
                explanation.add(key.explanation());
            }
        } else {
            KeyCatalog.Key near = catalog.nearest(path).orElse(null);
            summary = near == null ? "A Compose setting the explainer has no note for yet."
                    : "A setting of " + near.pattern().replace(".*", "").replace("[]", "") + " the explainer has no note for yet.";
            docs = near == null ? KeyCatalog.DOCS : near.docsUrl();
        }
        if (e.value() instanceof ScalarNode s && !(path.matches("services.*.environment.*") && s.getValue().isEmpty())) {
            String sentence = ValueNotes.sentence(path, s.getValue(), key);
            if (sentence != null) {
                explanation.add(0, sentence);
            }
            parts.addAll(VariableNotes.parts(s, lines, env));
            if (path.matches("services.*.ports[]")) {
                parts.addAll(ValueNotes.portParts(s, lines));
            }
        } else if (e.value() instanceof ScalarNode && path.matches("services.*.environment.*")) {
            explanation.add(0, "No value: passes " + path.lastKey() + " from the shell that runs Compose into the container"
                    + " (nothing when it is unset there).");
        }
        if (path.matches("services.*") && project != null && project.services().containsKey(path.lastKey())) {
            explanation.add(0, ProjectSummary.service(project, project.services().get(path.lastKey())));
        }
        if (path.matches("services.*.depends_on.*") && e.value() instanceof MappingNode) {
            explanation.add(0, "Starts the service " + path.lastKey() + " first.");
        }
        if (e.value() instanceof SequenceNode seq && YamlTree.isFlow(seq) && path.matches("services.*.healthcheck.test")
                && !seq.getValue().isEmpty() && seq.getValue().get(0) instanceof ScalarNode first) {
            explanation.add(0, switch (first.getValue()) {
                case "CMD" -> "Runs the program directly, without a shell.";
                case "CMD-SHELL" -> "Runs the command with /bin/sh -c.";
                case "NONE" -> "Turns the image's health check off.";
                default -> "The first item should be CMD, CMD-SHELL or NONE.";
            });
        }
        return new Note(e.startLine(), e.endLine(), path.toString(), label, summary, String.join(" ", explanation),
                List.copyOf(parts), List.of(), docs, 0, null);
    }

    private Note extension(Entry e, String label) {
        Path path = e.path();
        boolean merge = "<<".equals(path.lastKey());
        String summary = merge ? "Merges the keys of the anchored mapping into this one; keys written here win."
                : path.size() > 0 && path.get(-1) instanceof String k && k.startsWith("x-")
                ? "An extension field: Compose ignores keys that start with x-."
                : "Part of an extension field, which Compose ignores.";
        String explanation = merge || (path.lastKey() != null && path.lastKey().startsWith("x-"))
                ? "Extension fields usually hold a block marked with an anchor (&name) that services reuse with *name or <<: *name."
                : "";
        return new Note(e.startLine(), e.endLine(), path.toString(), label, summary, explanation, List.of(), List.of(),
                KeyCatalog.DOCS + (merge ? "fragments/" : "extension/"), 0, null);
    }

    /** A list item and its first key on one line: one note, the key's, that also says it starts an item. */
    private static Note merge(Note item, Note key) {
        String starts = "This line starts " + (item.context().isEmpty() ? "an item" : item.context()) + ": "
                + lower(item.summary());
        List<Note.Part> parts = new ArrayList<>(item.parts());
        parts.addAll(key.parts());
        return new Note(item.startLine(), Math.max(item.endLine(), key.endLine()), key.context(), key.label(), key.summary(),
                (key.explanation().isEmpty() ? "" : key.explanation() + " ") + starts, List.copyOf(parts), List.of(),
                key.docsUrl(), 0, null);
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The comment lines right above a note that no other note owns become its author's note. */
    private static Note withComment(Note n, List<String> lines, boolean[] owned) {
        int line = n.startLine() - 1;
        List<String> text = new ArrayList<>();
        while (line >= 1 && !owned[line] && lines.get(line - 1).strip().startsWith("#")) {
            text.add(0, lines.get(line - 1).strip().replaceFirst("^#+\\s?", ""));
            line--;
        }
        if (text.isEmpty()) {
            return n;
        }
        for (int l = line + 1; l < n.startLine(); l++) {
            owned[l] = true;
        }
        return n.withComment(line + 1, String.join(" ", text));
    }
}
