package io.dockertutorial.dockerignore;

import io.dockertutorial.compose.NotesBlockHtml;
import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.explain.TextExplainer;
import io.dockertutorial.explain.TextExplanation;
import io.dockertutorial.markdown.CodeFence;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * {@code kind=dockerignore}: the {@code .dockerignore} explainer for the API, the playground, embeds and lessons
 * (a fence tagged {@code dockerignore}, or titled {@code .dockerignore}).
 */
@Component
public class DockerignoreTextExplainer implements TextExplainer {

    public static final String KIND = "dockerignore";

    private final DockerignoreExplainer explainer = new DockerignoreExplainer();

    @Override
    public String kind() {
        return KIND;
    }

    public static boolean isDockerignore(CodeFence fence) {
        return fence.language().toLowerCase(Locale.ROOT).equals(KIND)
                || (fence.title() != null && fence.title().strip().endsWith(".dockerignore"));
    }

    @Override
    public TextExplanation explain(String text) {
        DockerignoreExplainer.Explained x = explainer.explain(text);
        List<TextExplanation.Item> items = x.notes().stream().map(n -> new TextExplanation.Item(n.startLine(),
                n.endLine(), x.lines().get(n.startLine() - 1), n.summary(), n.explanation(), null, null, n.context())).toList();
        return new TextExplanation(KIND, items, x.findings().stream().map(f -> new TextExplanation.Warning(f.rule(),
                f.line(), f.severity(), f.message() + (f.fix() == null ? "" : " Fix: " + f.fix()))).toList(), List.of());
    }

    @Override
    public String render(CodeFence fence) {
        if (!isDockerignore(fence)) {
            return null;
        }
        DockerignoreExplainer.Explained x = explainer.explain(fence.code());
        List<Note> notes = x.notes();
        return NotesBlockHtml.render(new NotesBlockHtml.Block("dockerignore-" + fence.index(),
                fence.title() == null ? ".dockerignore" : fence.title(), "dockerignore", ".dockerignore", fence.code(),
                notes, x.findings(), List.of(), null, null));
    }
}
