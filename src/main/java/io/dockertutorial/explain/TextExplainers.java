package io.dockertutorial.explain;

import io.dockertutorial.markdown.CodeFence;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every {@link TextExplainer} bean of the app, by kind. */
@Component
public class TextExplainers {

    /** The kind the API answers when the request names none. */
    public static final String DOCKERFILE = "dockerfile";

    private final Map<String, TextExplainer> byKind = new TreeMap<>();

    public TextExplainers(ObjectProvider<TextExplainer> explainers) {
        for (TextExplainer e : (Iterable<TextExplainer>) explainers.orderedStream()::iterator) {
            if (e.kind().equals(DOCKERFILE) || byKind.putIfAbsent(e.kind(), e) != null) {
                throw new IllegalStateException("Two explainers for kind " + e.kind());
            }
        }
    }

    public Optional<TextExplainer> get(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The kinds the API answers, {@code dockerfile} first, for messages and docs. */
    public List<String> kinds() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(DOCKERFILE), byKind.keySet().stream()).toList();
    }

    /** The first explainer's HTML for a lesson fence that is not a Dockerfile, or {@code null}. */
    public String render(CodeFence fence) {
        for (TextExplainer e : byKind.values()) {
            String html = e.render(fence);
            if (html != null) {
                return html;
            }
        }
        return null;
    }
}
