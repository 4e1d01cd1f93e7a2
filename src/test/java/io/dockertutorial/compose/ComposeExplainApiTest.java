package io.dockertutorial.compose;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code kind=compose} and {@code kind=dockerignore} through the API, and Compose fences in the lesson page. */
@SpringBootTest
@AutoConfigureMockMvc
class ComposeExplainApiTest {

    @Autowired
    MockMvc mvc;

    private static final String COMPOSE = """
            version: "3.9"
            services:
              web:
                image: nginx
                ports:
                  - "8080:80"
                depends_on:
                  - db
              db:
                image: postgres:18
                environment:
                  POSTGRES_PASSWORD: hunter2
            """;

    @Test
    void composeJsonHasItemsInContextAndFindings() throws Exception {
        mvc.perform(post("/api/explain").param("kind", "compose").contentType(MediaType.TEXT_PLAIN).content(COMPOSE)
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("compose"))
                .andExpect(jsonPath("$.items[0].context").value("file"))
                .andExpect(jsonPath("$.items[0].explanation", containsString("web: nginx, published at every interface:8080 → 80/tcp")))
                .andExpect(jsonPath("$.items[?(@.context == 'services.web.ports[0]')].startLine", hasItem(6)))
                .andExpect(jsonPath("$.items[?(@.context == 'services.web.ports[0]')].parts[0].role", hasItem("host-port")))
                .andExpect(jsonPath("$.warnings[*].rule", hasItem("compose-version-obsolete")))
                .andExpect(jsonPath("$.warnings[*].rule", hasItem("compose-port-all-interfaces")))
                .andExpect(jsonPath("$.warnings[*].rule", hasItem("compose-image-latest")))
                .andExpect(jsonPath("$.warnings[*].rule", hasItem("compose-depends-on-database-started")))
                .andExpect(jsonPath("$.warnings[*].rule", hasItem("compose-secret-in-environment")))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void brokenYamlIsAnAnswerWithAnError() throws Exception {
        mvc.perform(post("/api/explain?kind=compose").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"services:\\n  web: [\\n\"}").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].line").isNumber())
                .andExpect(jsonPath("$.errors[0].message", containsString("YAML")));
    }

    @Test
    void composeHtmlIsTheExplainerWithNotesWithoutScript() throws Exception {
        String html = mvc.perform(post("/api/explain?kind=compose").contentType(MediaType.TEXT_PLAIN).content(COMPOSE)
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("figure[data-explainer][data-kind]")).hasSize(1);
        Element port = doc.selectFirst(".explainer-note[data-context='services.web.ports[0]']");
        assertThat(port).isNotNull();
        assertThat(port.select(".note-part[data-span]")).isNotEmpty();
        assertThat(port.select("[data-rule=compose-port-all-interfaces]")).hasSize(1);
        assertThat(doc.select(".line[data-line=6]").attr("data-instruction")).isEqualTo(port.attr("data-instruction"));
        assertThat(doc.select(".explainer-summary").text()).contains("Start order: db, then web");
    }

    @Test
    void dockerignoreJsonSaysWhatEachLineKeepsOut() throws Exception {
        mvc.perform(post("/api/explain?kind=dockerignore").contentType(MediaType.TEXT_PLAIN)
                        .content("# caches\n__pycache__\n**/*.log\n!keep.log\n").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("dockerignore"))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].startLine").value(2))
                .andExpect(jsonPath("$.items[0].explanation", containsString("only at the top")))
                .andExpect(jsonPath("$.items[2].summary", containsString("puts back")))
                .andExpect(jsonPath("$.items[2].explanation", containsString("Overrides line 3")))
                .andExpect(jsonPath("$.warnings[0].rule").value("dockerignore-top-level-only"));
    }

    @Test
    void theComposeLessonRendersItsComposeFilesAsExplainers() throws Exception {
        String html = mvc.perform(get("/lessons/docker-compose")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("figure[data-kind='Compose file']")).hasSize(2);
        Element condition = doc.selectFirst(".explainer-note[data-context='services.proxy.depends_on.web.condition']");
        assertThat(condition).isNotNull();
        assertThat(condition.text()).contains("health check passes");
        // The course's own Compose files carry no warnings (they are not deliberately flawed).
        assertThat(doc.select("figure[data-kind='Compose file'] .severity-warning, figure[data-kind='Compose file'] .severity-error")).isEmpty();
    }
}
