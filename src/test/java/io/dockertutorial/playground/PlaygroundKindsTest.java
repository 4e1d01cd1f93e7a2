package io.dockertutorial.playground;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The playground explains other kinds than Dockerfiles: detected, or chosen in an accessible select; without JavaScript too. */
@SpringBootTest
@AutoConfigureMockMvc
class PlaygroundKindsTest {

    @Autowired
    MockMvc mvc;

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theComposeExampleIsDetectedAndExplainedOnTheServer() throws Exception {
        Document doc = page(get("/playground").param("example", "compose"));
        assertThat(doc.select("label[for=kind]").text()).isEqualTo("Kind of text");
        assertThat(doc.select("select#kind option").eachAttr("value")).contains("auto", "dockerfile", "compose", "dockerignore");
        assertThat(doc.select("select#kind option[selected]").attr("value")).isEqualTo("auto");
        assertThat(doc.select("[data-kind-detected]").text()).isEqualTo("Detected: Compose file");
        assertThat(doc.select("[data-result] figure[data-kind='Compose file'] .explainer-note")).isNotEmpty();
        assertThat(doc.select("[data-result] .explainer-note[data-context='services.web.depends_on.db.condition']").text())
                .contains("health check passes");
        // The example is one of the course's own files: no warnings.
        assertThat(doc.select("[data-result] .severity-warning, [data-result] .severity-error")).isEmpty();
    }

    @Test
    void aChosenKindWinsOverTheGuessWhenTheFormPosts() throws Exception {
        Document doc = page(post("/playground").param("kind", "dockerignore").param("dockerfile", "node_modules\n!keep\n"));
        assertThat(doc.select("select#kind option[selected]").attr("value")).isEqualTo("dockerignore");
        assertThat(doc.select("[data-kind-detected]").text()).isEmpty();
        assertThat(doc.select("[data-result] figure[data-kind='.dockerignore'] .explainer-note")).hasSize(2);
    }

    @Test
    void anUnknownKindFallsBackToDetection() throws Exception {
        Document doc = page(post("/playground").param("kind", "<script>").param("dockerfile", "FROM debian:13\n"));
        assertThat(doc.select("select#kind option[selected]").attr("value")).isEqualTo("auto");
        assertThat(doc.select("[data-result] figure.dockerfile-explainer:not([data-kind])")).hasSize(1);
    }

    @Test
    void guessesEachKind() {
        assertThat(Kinds.guess("services:\n  web:\n    image: nginx:1.30\n")).isEqualTo("compose");
        assertThat(Kinds.guess("$ docker run -d nginx:1.30\n")).isEqualTo("command");
        assertThat(Kinds.guess("# syntax=docker/dockerfile:1\nFROM debian:13\n")).isEqualTo("dockerfile");
        assertThat(Kinds.guess("# caches\n__pycache__\n*.pyc\n!keep.pyc\n")).isEqualTo("dockerignore");
        assertThat(Kinds.guess("")).isEqualTo("dockerfile");
    }
}
