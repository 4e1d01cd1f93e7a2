package io.dockertutorial.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dockertutorial.markdown.MarkdownFormatException;
import io.dockertutorial.markdown.MarkdownRenderer;
import io.dockertutorial.markdown.RenderedMarkdown;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the Markdown pipeline (admonitions, quizzes, tabs, code fences): it
 * renders or reports a line, and nothing in the input becomes script.
 */
class MarkdownFuzzTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    @FuzzTest(maxExecutions = 10_000)
    void markdownRendersSafelyOrNamesALine(String markdown) {
        try {
            RenderedMarkdown out = RENDERER.render(markdown);
            var doc = Jsoup.parseBodyFragment(out.html());
            assertThat(doc.select("script, iframe, object, embed")).isEmpty();
            for (Element e : doc.getAllElements()) {
                e.attributes().forEach(a -> assertThat(a.getKey()).doesNotStartWith("on"));
            }
        } catch (MarkdownFormatException e) {
            assertThat(e.line()).isPositive();
        }
    }
}
