package io.dockertutorial.compose;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.compose.checks.ComposeRules;
import io.dockertutorial.compose.checks.Finding;
import io.dockertutorial.compose.checks.SchemaCheck;
import io.dockertutorial.compose.model.Project;
import io.dockertutorial.compose.model.Resolver;
import io.dockertutorial.compose.narration.KeyCatalog;
import io.dockertutorial.compose.narration.Narrator;
import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.compose.narration.ProjectSummary;
import io.dockertutorial.compose.syntax.JsonView;
import io.dockertutorial.compose.syntax.Path;
import io.dockertutorial.compose.syntax.YamlTree;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains a Compose file line by line: YAML read under budgets ({@link YamlTree}), checked against the
 * Compose schema and the rules, resolved into what it runs ({@link Project}), narrated. Thread-safe.
 */
public final class ComposeExplainer {

    private final Narrator narrator = new Narrator(KeyCatalog.load());
    private final ComposeRules rules = ComposeRules.load();

    public ComposeAnalysis explain(String text) {
        return explain(text, Map.of());
    }

    /** @param env the variables Compose would see (shell and {@code .env}); empty when not known */
    public ComposeAnalysis explain(String text, Map<String, String> env) {
        YamlTree tree = YamlTree.parse(text == null ? "" : text);
        if (tree.root() == null) {
            List<YamlTree.Problem> errors = new ArrayList<>(tree.problems());
            if (errors.isEmpty()) {
                errors.add(new YamlTree.Problem(1, "The file is empty: a Compose file needs at least a services key."));
            }
            return new ComposeAnalysis(tree.lines(), List.of(), null, null, List.of(), List.copyOf(errors));
        }
        JsonNode document;
        try {
            document = JsonView.of(tree.root());
        } catch (JsonView.TooLarge e) {
            return new ComposeAnalysis(tree.lines(), List.of(), null, null, List.of(),
                    List.of(new YamlTree.Problem(1, e.getMessage())));
        }
        Map<Path, Integer> lineOf = new HashMap<>();
        tree.entries().forEach(e -> lineOf.putIfAbsent(e.path(), e.startLine()));
        List<Finding> findings = new ArrayList<>();
        findings.addAll(SchemaCheck.check(document, p -> lineOf.getOrDefault(p, 0)));
        Project project = document.isObject() ? Project.of(Resolver.resolve(document, env)) : null;
        if (project != null) {
            findings.addAll(rules.check(tree, project));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        List<Note> notes = attach(narrator.narrate(tree, project, env), findings);
        return new ComposeAnalysis(tree.lines(), notes, project == null ? null : ProjectSummary.project(project),
                project, List.copyOf(findings), tree.problems());
    }

    /** Each finding goes on the note whose lines hold it. */
    private static List<Note> attach(List<Note> notes, List<Finding> findings) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            Deadline.check();
            List<Finding> mine = findings.stream().filter(f -> f.line() >= n.startLine() && f.line() <= n.endLine()
                    && (f.line() == n.startLine() || notes.stream().noneMatch(o -> o.startLine() == f.line()))).toList();
            out.add(mine.isEmpty() ? n : n.withFindings(mine));
        }
        return List.copyOf(out);
    }
}
