package io.dockertutorial.cache;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "change a file" control in pages: lessons with an example project, and the playground without JavaScript. */
@SpringBootTest
@AutoConfigureMockMvc
class CacheControlPageTest {

    @Autowired
    MockMvc mvc;

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void lessonWithAProjectHasATableAboveEachExplainerThatTakesFiles() throws Exception {
        Document doc = page(get("/lessons/writing-a-dockerfile"));
        List<Element> controls = doc.select("section[data-cache-control]");
        assertThat(controls).isNotEmpty();
        for (Element control : controls) {
            Element figure = doc.getElementById(control.attr("data-for"));
            assertThat(figure).isNotNull();
            assertThat(figure.hasAttr("data-explainer")).isTrue();
            // right above its explainer
            assertThat(control.nextElementSibling()).isEqualTo(figure);
        }
        Element table = controls.get(0).selectFirst("table[data-cache-table]");
        assertThat(table.select("th[scope=col]").eachText()).containsExactly("You change", "Runs again", "Why");
        // the project's files, not its Dockerfile or .dockerignore
        assertThat(table.select("tbody tr").eachAttr("data-file"))
                .contains("server.js", "package.json").doesNotContain("Dockerfile", ".dockerignore");
        Element server = table.selectFirst("tr[data-file=server.js]");
        assertThat(server.attr("data-rebuilt")).isNotBlank();
        assertThat(server.select("li[data-outcome=rebuilt]")).isNotEmpty();
        assertThat(server.text()).contains("server.js");
        // one stylesheet and one script, only on pages that need them
        assertThat(doc.select("script[src*=cache-control]")).hasSize(1);
        assertThat(doc.select("link[href*=cache-control]")).hasSize(1);
        assertThat(doc.select("script:not([src])")).isEmpty();
    }

    @Test
    void lessonsWithoutAProjectLoadNothingOfIt() throws Exception {
        Document doc = page(get("/lessons/overview"));
        assertThat(doc.select("[data-cache-control]")).isEmpty();
        assertThat(doc.select("script[src*=cache-control]")).isEmpty();
    }

    @Test
    void playgroundWithoutJavaScriptShowsTheTableForTheTypedFiles() throws Exception {
        Document doc = page(post("/playground")
                .param("dockerfile", "FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n")
                .param("files", "app.py\nrequirements.txt\n<notes>.md\n")
                .param("dockerignore", "*.md"));
        Element control = doc.selectFirst("section[data-cache-control][data-cache-live]");
        assertThat(control.hasAttr("hidden")).isFalse();
        assertThat(control.select("tr[data-file]").eachAttr("data-file")).containsExactly("app.py", "requirements.txt", "<notes>.md");
        assertThat(control.selectFirst("tr[data-file=app.py]").attr("data-rebuilt")).isEqualTo("4");
        assertThat(control.selectFirst("tr[data-file=requirements.txt]").attr("data-rebuilt")).isEqualTo("2 3 4");
        assertThat(control.selectFirst("tr[data-file=<notes>.md]").select("li[data-outcome=cached]").text())
                .contains(".dockerignore");
        assertThat(doc.selectFirst("textarea[name=files]").text()).contains("<notes>.md");
        assertThat(doc.html()).doesNotContain("<notes>");
    }

    @Test
    void playgroundWithoutFilesHidesTheControl() throws Exception {
        Document doc = page(get("/playground"));
        Element control = doc.selectFirst("section[data-cache-control]");
        assertThat(control.hasAttr("hidden")).isTrue();
        assertThat(doc.select("textarea[data-cache-files]")).hasSize(1);
        assertThat(doc.select("script[src*=cache-control]")).hasSize(1);
    }
}
