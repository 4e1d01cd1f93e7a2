package io.dockertutorial.compose;

import io.dockertutorial.compose.checks.ComposeRules;
import io.dockertutorial.compose.checks.SchemaCheck;
import io.dockertutorial.compose.model.Project;
import io.dockertutorial.compose.model.Resolver;
import io.dockertutorial.compose.narration.KeyCatalog;
import io.dockertutorial.compose.narration.Narrator;
import io.dockertutorial.compose.syntax.JsonView;
import io.dockertutorial.compose.syntax.YamlTree;
import io.dockertutorial.markdown.CodeFence;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static io.dockertutorial.support.ExpiredDeadline.assertStops;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compose explainer checks the analysis deadline in every loop that grows with the file, as the Dockerfile
 * engine does: a file that runs out of time stops where it is with "too complex" (422 on the API).
 */
class ComposeBudgetsTest {

    /** A Compose file of a real project's size: 40 services with ports, variables, mounts and dependencies. */
    static String composeFile(int services) {
        StringBuilder s = new StringBuilder("name: shop\nservices:\n");
        for (int i = 0; i < services; i++) {
            s.append("  # the web front ").append(i).append('\n')
                    .append("  web").append(i).append(":\n")
                    .append("    image: nginx:1.27\n")
                    .append("    ports:\n      - \"").append(8000 + i).append(":80\"\n")
                    .append("    environment:\n      DB_PASSWORD: hunter2\n      MODE: ${MODE:-dev}\n")
                    .append("    depends_on:\n      - db\n")
                    .append("    volumes:\n      - ./site:/usr/share/nginx/html:ro\n");
        }
        return s.append("  db:\n    image: postgres\nvolumes:\n  data: {}\n").toString();
    }

    @Test
    void aDeadlineThatRanOutStopsAComposeFile() {
        String file = composeFile(40);
        ComposeExplainer explainer = new ComposeExplainer();
        ComposeTextExplainer api = new ComposeTextExplainer();
        CodeFence fence = CodeFence.parse("yaml title=compose.yaml", file, 0);
        assertStops(() -> explainer.explain(file));
        assertStops(() -> api.explain(file));
        assertStops(() -> api.render(fence));
        // Outside a deadline nothing is checked.
        ComposeAnalysis analysis = explainer.explain(file);
        assertThat(analysis.errors()).isEmpty();
        assertThat(analysis.notes()).hasSizeGreaterThan(400);
        assertThat(analysis.findings()).isNotEmpty();
        assertThat(api.render(fence)).contains("class=\"dockerfile-explainer notes-explainer\"");
    }

    @Test
    void everyStageThatLoopsOverTheFileChecksTheDeadline() {
        String file = composeFile(40);
        YamlTree tree = YamlTree.parse(file);
        JsonNode document = JsonView.of(tree.root());
        JsonNode resolved = Resolver.resolve(document, Map.of());
        Project project = Project.of(resolved);
        ComposeRules rules = ComposeRules.load();
        Narrator narrator = new Narrator(KeyCatalog.load());
        var notes = narrator.narrate(tree, project, Map.of());
        var findings = rules.check(tree, project);

        assertStops(() -> YamlTree.parse(file));
        assertStops(() -> JsonView.of(tree.root()));
        assertStops(() -> Resolver.resolve(document, Map.of()));
        assertStops(() -> Project.of(resolved));
        assertStops(() -> SchemaCheck.check(document, p -> 1));
        assertStops(() -> rules.check(tree, project));
        assertStops(() -> narrator.narrate(tree, project, Map.of()));
        assertStops(() -> NotesBlockHtml.render(new NotesBlockHtml.Block("c", "compose.yaml", "yaml", "Compose file", file,
                notes, findings, java.util.List.of(), "What this file runs", null)));
    }
}
