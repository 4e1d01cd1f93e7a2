package io.dockertutorial.explain;

import io.dockertutorial.markdown.CodeFence;

/**
 * An explainer for one kind of Docker text besides Dockerfiles ({@code command}, {@code compose},
 * {@code dockerignore}). Declare one as a Spring bean and {@code POST /api/explain?kind=…} answers that kind,
 * and lesson fences it recognises render through it. Implementations are thread-safe; the caller has already
 * kept the text within the API's size limit.
 */
public interface TextExplainer {

    /** The value of {@code ?kind=} this explainer answers, lower case. */
    String kind();

    /** Explains the text; broken text is still an answer, with its problems in {@code errors}. */
    TextExplanation explain(String text);

    /**
     * The explainer's HTML for a code block, or {@code null} when the block is not of this kind (then the next
     * explainer, or the plain highlighted block, is used). Lessons call it for every fence; the API's HTML
     * answer and embeds call it with a fence whose language is {@link #kind()}.
     */
    default String render(CodeFence fence) {
        return null;
    }
}
