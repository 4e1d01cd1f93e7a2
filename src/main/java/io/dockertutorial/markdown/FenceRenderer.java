package io.dockertutorial.markdown;

/** Turns one fenced code block into HTML; the explainer plugs in here for Dockerfile blocks. */
@FunctionalInterface
public interface FenceRenderer {

    /** @return the block's HTML, or {@code null} to fall back to the plain highlighted block */
    String render(CodeFence fence);
}
