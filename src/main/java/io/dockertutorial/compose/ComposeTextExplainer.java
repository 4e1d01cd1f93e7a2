package io.dockertutorial.compose;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.compose.checks.Finding;
import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.explain.TextExplainer;
import io.dockertutorial.explain.TextExplanation;
import io.dockertutorial.markdown.CodeFence;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code kind=compose}: the Compose explainer for the API, the playground, embeds and lessons. A lesson fence is
 * a Compose file when it is YAML ({@code yaml}, {@code yml}, {@code compose}) and either its title names a
 * Compose file ({@code compose.yaml}, {@code docker-compose.yml}…) or it has a top-level {@code services:} key.
 */
@Component
public class ComposeTextExplainer implements TextExplainer {

    public static final String KIND = "compose";
    private static final Pattern FILE_NAME = Pattern.compile("(?i)(?:.*/)?(?:docker-)?compose(?:\\.[\\w-]+)?\\.ya?ml");
    private static final Pattern SERVICES = Pattern.compile("(?m)^services:\\s*(?:#.*)?$");

    private final ComposeExplainer explainer = new ComposeExplainer();

    @Override
    public String kind() {
        return KIND;
    }

    /** Whether a text looks like a Compose file (for the playground's guess). */
    public static boolean looksLike(String text) {
        return SERVICES.matcher(text).find();
    }

    public static boolean isCompose(CodeFence fence) {
        String lang = fence.language().toLowerCase(Locale.ROOT);
        if (lang.equals(KIND)) {
            return true;
        }
        if (!lang.equals("yaml") && !lang.equals("yml")) {
            return false;
        }
        return (fence.title() != null && FILE_NAME.matcher(fence.title().strip()).matches()) || looksLike(fence.code());
    }

    @Override
    public TextExplanation explain(String text) {
        ComposeAnalysis a = explainer.explain(text);
        List<TextExplanation.Item> items = new ArrayList<>();
        if (a.summary() != null) {
            items.add(new TextExplanation.Item(1, Math.max(1, a.lines().size()), null, "What this file runs",
                    a.summary(), null, null, "file"));
        }
        for (Note n : a.notes()) {
            Deadline.check();
            String source = String.join("\n", a.lines().subList(n.startLine() - 1, Math.min(n.endLine(), a.lines().size())));
            List<TextExplanation.Part> parts = n.parts().stream()
                    .map(p -> new TextExplanation.Part(p.text(), p.role(), p.summary(), p.explanation())).toList();
            items.add(new TextExplanation.Item(n.startLine(), n.endLine(), source, n.summary(), n.explanation(), null,
                    parts.isEmpty() ? null : parts, n.context()));
        }
        return new TextExplanation(KIND, items, warnings(a.findings()),
                a.errors().stream().map(e -> new TextExplanation.Error(e.line(), e.message())).toList());
    }

    static List<TextExplanation.Warning> warnings(List<Finding> findings) {
        return findings.stream().map(f -> new TextExplanation.Warning(f.rule(), f.line(), f.severity(),
                f.message() + (f.fix() == null ? "" : " Fix: " + f.fix()))).toList();
    }

    @Override
    public String render(CodeFence fence) {
        if (!isCompose(fence)) {
            return null;
        }
        ComposeAnalysis a = explainer.explain(fence.code());
        return NotesBlockHtml.render(new NotesBlockHtml.Block("compose-" + fence.index(),
                fence.title() == null ? "compose.yaml" : fence.title(), "yaml", "Compose file", fence.code(), a.notes(),
                a.findings(), a.errors().stream().map(e -> "Line " + e.line() + ": " + e.message()).toList(),
                "What this file runs", a.summary()));
    }
}
