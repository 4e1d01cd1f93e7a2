package io.dockertutorial.markdown;

import java.util.List;

/** A Markdown document rendered once: its HTML, its headings, and the code blocks it holds. */
public record RenderedMarkdown(String html, List<TocEntry> toc, List<CodeFence> fences) {
}
