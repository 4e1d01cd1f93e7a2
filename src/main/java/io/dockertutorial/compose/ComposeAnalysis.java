package io.dockertutorial.compose;

import io.dockertutorial.compose.checks.Finding;
import io.dockertutorial.compose.model.Project;
import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.compose.syntax.YamlTree;

import java.util.List;

/**
 * A Compose file explained: a note per key and list item, what the file runs, the findings, and the problems
 * that kept it from being read ({@code errors}: the YAML itself, or a budget).
 *
 * @param summary  what the file will run, in sentences ({@code null} when it could not be read)
 * @param project  the same as data, with variables resolved from the environment given ({@code null} likewise)
 * @param findings every finding; each is also on the note of its line when there is one
 */
public record ComposeAnalysis(List<String> lines, List<Note> notes, String summary, Project project,
                              List<Finding> findings, List<YamlTree.Problem> errors) {
}
