package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random Dockerfiles, hostile text included, through the explainer's HTML and the API's JSON:
 * the HTML keeps its structure (one line element per line, one note per instruction) and nothing in
 * the input becomes markup; the JSON always parses. {@code -Pfuzz} raises the count to 10,000.
 */
class ExplainerHtmlPropertyTest {

    private static final String[] PIECES = {"FROM alpine:3.22\n", "RUN echo hi\n", "COPY . .\n", "ENV A=b\n",
            "LABEL x=\"", "\"", "'", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            "</textarea>", "\" onmouseover=\"alert(1)", "&amp;", "&#x3c;", "\\\n", "\n", " ", "<<EOF\n", "EOF\n",
            "# comment <b>bold</b>\n", "CMD [\"<svg onload=alert(1)>\"]\n", "${X}", "]]>", "<!--", "\u0000", "\u2028",
            "ARG SECRET_TOKEN=<x>\n", "HEALTHCHECK --interval=<i> CMD x\n", "RUNN x\n", "ONBUILD RUN <p>\n"};

    static LongStream seeds() {
        long base = Long.getLong("property.seed", 1126L);
        return LongStream.range(base, base + Integer.getInteger("property.count", 300));
    }

    static String randomDockerfile(Random random) {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(60);
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(12) == 0 ? String.valueOf((char) random.nextInt(0x2FFF))
                    : PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void htmlKeepsItsShapeAndJsonParses(long seed) throws Exception {
        String dockerfile = randomDockerfile(new Random(seed));
        Analysis analysis = new Explainer().explain(dockerfile);
        String html = DockerfileBlockHtml.render("dockerfile-1", "<title \"x\">", dockerfile, analysis, seed % 2 == 0, seed % 3 == 0);
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, img, svg, iframe, textarea, object")).as("seed %d", seed).isEmpty();
        for (Element e : doc.getAllElements()) {
            e.attributes().forEach(a -> assertThat(a.getKey()).as("seed %d", seed).doesNotStartWith("on"));
        }
        String text = dockerfile.endsWith("\n") ? dockerfile.substring(0, dockerfile.length() - 1) : dockerfile;
        assertThat(doc.select(".explainer-code .line")).as("seed %d", seed).hasSize(text.split("\n", -1).length);
        assertThat(doc.select(".explainer-note")).hasSize(analysis.instructions().size());
        assertThat(doc.select("[data-explainer]")).hasSize(1);
        JsonMapper json = JsonMapper.builder().build();
        String body = json.writeValueAsString(ExplainResponse.of(analysis));
        assertThat(json.readTree(body).get("instructions").size()).isEqualTo(analysis.instructions().size());
    }
}
