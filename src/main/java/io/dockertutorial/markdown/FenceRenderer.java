package io.dockertutorial.markdown;

/**
 * Turns one fenced code block into HTML; the explainers plug in here. Called for every fence but quizzes;
 * {@code null} leaves the block to {@link CodeBlockHtml}.
 */
@FunctionalInterface
public interface FenceRenderer {

    /** @return the block's HTML, or {@code null} to fall back to the plain highlighted block */
    String render(CodeFence fence);

    /** The same, for a page that has an example project (a lesson's {@code project:}). */
    default String render(CodeFence fence, ProjectFiles project) {
        return render(fence);
    }
}
