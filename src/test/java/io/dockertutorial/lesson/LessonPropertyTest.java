package io.dockertutorial.lesson;

import io.dockertutorial.explain.DockerfileBlockHtml;
import io.dockertutorial.dockerfile.Explainer;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random lesson files (front matter, quizzes, admonitions, fences, hostile HTML) through the
 * whole Markdown pipeline: a lesson either renders or is reported with a line, never an exception
 * of another kind, and nothing in it becomes script. {@code -Pfuzz} raises the count to 10,000.
 */
class LessonPropertyTest {

    private static final String[] FRONT = {"title: A\n", "title: \"<script>alert(1)</script>\"\n", "order: 3\n",
            "order: x\n", "slug: a-b\n", "slug: ../../x\n", "duration: 5\n", "duration: long\n", "objectives: [a, b]\n",
            "objectives: {a: 1}\n", "description: [unclosed\n", "tags: &a [*a, *a]\n", "  bad indent: :\n", "title:\n",
            "!!java.lang.Runtime {}\n", "? complex\n: key\n"};
    private static final String[] BODY = {"## Heading\n", "### Sub <b>x</b>\n", "Text with <script>alert(1)</script>\n",
            "[link](javascript:alert(1))\n", "<img src=x onerror=alert(1)>\n", ":::tip Title\nInside\n:::\n", ":::warning\n",
            "!!! note \"T\"\n    body\n", "```dockerfile\nFROM alpine\nRUN <x>\n```\n", "```\nunclosed fence\n",
            "```quiz\n- question: Q?\n  choices:\n    - text: a\n      correct: true\n      why: w\n    - text: b\n      why: w\n```\n",
            "```quiz\n- question: broken\n  choices: [\n```\n", "```quiz\n- question: Q\n  choices:\n    - text: a\n      why: w\n```\n",
            "```bash tab=\"Linux\"\nls\n```\n", "```powershell tab=\"<b>W</b>\"\ndir\n```\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "- [x] done\n", "\n", "&lt;&#x3c;\n", "<div onclick=\"x\">\n", "\u0000", "\uFEFF"};

    static LongStream seeds() {
        long base = Long.getLong("property.seed", 42L);
        return LongStream.range(base, base + Integer.getInteger("property.count", 300));
    }

    private final LessonParser parser = new LessonParser(new MarkdownRenderer(fence -> !fence.isDockerfile() ? null :
            DockerfileBlockHtml.render("dockerfile-" + fence.index(), fence.title(), fence.code(),
                    new Explainer().explain(fence.code()), fence.has("predict"), fence.has("bad"))));

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyLessonRendersSafelyOrNamesItsLine(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        if (random.nextInt(5) > 0) {
            text.append("---\n");
            for (int i = random.nextInt(5); i >= 0; i--) {
                text.append(FRONT[random.nextInt(FRONT.length)]);
            }
            if (random.nextInt(6) > 0) {
                text.append("---\n");
            }
        }
        for (int i = random.nextInt(25); i >= 0; i--) {
            text.append(BODY[random.nextInt(BODY.length)]);
        }
        int lines = text.toString().split("\n", -1).length;
        LessonSource source = new LessonSource("07-fuzz.md", "07-fuzz", text.toString().getBytes(StandardCharsets.UTF_8),
                Map.of());
        try {
            Lesson lesson = parser.parse(source);
            Document doc = Jsoup.parseBodyFragment(lesson.html());
            assertThat(doc.select("script, img, iframe, object")).as("seed %d", seed).isEmpty();
            for (Element e : doc.getAllElements()) {
                e.attributes().forEach(a -> {
                    assertThat(a.getKey()).as("seed %d", seed).doesNotStartWith("on");
                    assertThat(a.getValue().strip().toLowerCase()).as("seed %d", seed).doesNotStartWith("javascript:");
                });
            }
            assertThat(lesson.title()).isNotBlank();
        } catch (LessonParser.LessonFormatException e) {
            assertThat(e.line).as("seed %d: %s", seed, e.getMessage()).isBetween(1, lines);
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
