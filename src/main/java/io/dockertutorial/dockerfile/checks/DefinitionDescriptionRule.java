package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;

import java.util.List;
import java.util.Map;

/** BuildKit's experimental InvalidDefinitionDescription: a comment right above ARG or FROM … AS should start with the name. */
final class DefinitionDescriptionRule implements Rule {

    @Override
    public void finish(Lint lint) {
        ParsedDockerfile parsed = lint.walk().parsed;
        List<String> lines = parsed.lines();
        int directives = parsed.directives().lastLine();
        for (Instruction i : parsed.instructions()) {
            String name;
            if (i.is("ARG") && !i.arguments().isEmpty()) {
                String first = i.arguments().get(0);
                name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            } else if (i.is("FROM") && i.arguments().size() >= 3 && i.arguments().get(1).equalsIgnoreCase("as")) {
                name = i.arguments().get(2);
            } else {
                continue;
            }
            int above = i.startLine() - 1;
            if (above < 1 || !DockerfileParser.isComment(lines.get(above - 1)) || above <= directives) {
                continue;
            }
            int top = above;
            while (top > 1 && DockerfileParser.isComment(lines.get(top - 2)) && top - 1 > directives) {
                top--;
            }
            String text = lines.get(top - 1).strip().substring(1).strip();
            String firstWord = text.isEmpty() ? "" : text.split("\\s+", -1)[0];
            if (!text.startsWith("check=") && !firstWord.equals(name)) {
                lint.findings().warn(i, "InvalidDefinitionDescription", Map.of("keyword", i.keyword(), "name", name));
            }
        }
    }
}
