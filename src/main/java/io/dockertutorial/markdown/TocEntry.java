package io.dockertutorial.markdown;

/** One heading in a page's table of contents (levels 2 and 3). */
public record TocEntry(int level, String id, String text) {
}
