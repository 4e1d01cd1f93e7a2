package io.dockertutorial.command;

import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.syntax.ConsoleLines;
import io.dockertutorial.explain.TextExplainer;
import io.dockertutorial.explain.TextExplanation;
import io.dockertutorial.markdown.CodeBlockHtml;
import io.dockertutorial.markdown.CodeFence;
import org.springframework.stereotype.Component;

/**
 * Explains docker commands flag by flag ({@code ?kind=command}), and turns every {@code console},
 * {@code bash}, {@code sh} and {@code powershell} fence of a lesson that holds a docker command into an
 * explainer (other fences stay plain code blocks).
 */
@Component
public class CommandExplainer implements TextExplainer {

    static final String KIND = "command";

    private final CliCatalog catalog = CliCatalog.DEFAULT;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public TextExplanation explain(String text) {
        return CommandAnalysis.of(text, ConsoleLines.Mode.AUTO, catalog).toJson();
    }

    @Override
    public String render(CodeFence fence) {
        ConsoleLines.Mode mode = ConsoleLines.Mode.ofLanguage(fence.language());
        if (mode == null) {
            return null;
        }
        CommandAnalysis analysis = CommandAnalysis.of(CodeBlockHtml.stripFinalNewline(fence.code()), mode, catalog);
        if (analysis.commands().isEmpty()) {
            return null;
        }
        return CommandBlockHtml.render(fence, analysis);
    }
}
