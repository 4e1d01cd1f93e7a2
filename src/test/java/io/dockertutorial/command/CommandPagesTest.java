package io.dockertutorial.command;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** ?kind=command on the API, and console blocks in lessons rendered as explainers on the server. */
@SpringBootTest(properties = "tutorial.api-max-body-size=4096")
@AutoConfigureMockMvc
class CommandPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiExplainsCommandsFlagByFlag() throws Exception {
        mvc.perform(post("/api/explain?kind=command").contentType(MediaType.TEXT_PLAIN)
                        .content("$ docker run -d -p 127.0.0.1:8080:80 --nmae web nginx:1.30\nabc123\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("command"))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].startLine").value(1))
                .andExpect(jsonPath("$.items[0].endLine").value(1))
                .andExpect(jsonPath("$.items[0].source").value("$ docker run -d -p 127.0.0.1:8080:80 --nmae web nginx:1.30"))
                .andExpect(jsonPath("$.items[0].summary", containsString("Creates a new container")))
                .andExpect(jsonPath("$.items[0].flags[1].name").value("-p"))
                .andExpect(jsonPath("$.items[0].flags[1].value").value("127.0.0.1:8080:80"))
                .andExpect(jsonPath("$.items[0].flags[1].summary", containsString("Publishes a container port")))
                .andExpect(jsonPath("$.items[0].flags[1].explanation", containsString("on 127.0.0.1 only")))
                .andExpect(jsonPath("$.items[0].parts[0].role").value("command"))
                .andExpect(jsonPath("$.warnings[0].rule").value("unknown-flag"))
                .andExpect(jsonPath("$.warnings[0].line").value(1))
                .andExpect(jsonPath("$.warnings[0].severity").value("warning"))
                .andExpect(jsonPath("$.warnings[0].message", containsString("did you mean --name?")))
                .andExpect(jsonPath("$.errors").isEmpty());
        mvc.perform(post("/api/explain?kind=command").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"docker compose up -d --wait\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].parts[0].text").value("docker compose up"));
        mvc.perform(post("/api/explain?kind=command").contentType(MediaType.TEXT_PLAIN).content("x".repeat(5000)))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void handsOnStepsStayMarkedForClassroomMode() throws Exception {
        // classroom-terminal.js adds "Run in my sandbox" to every figure with data-lab.
        String html = mvc.perform(get("/lessons/images-and-containers")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("figure.command-explainer[data-lab] [data-copy]")).isNotEmpty();
        assertThat(doc.select("figure[data-lab]").size()).isGreaterThanOrEqualTo(doc.select("figure.command-explainer[data-lab]").size());
    }

    @Test
    void aStepARootlessSandboxCannotRunSaysWhyInsteadOfOfferingToRun() throws Exception {
        // Lesson 20's stack step: overlay networks do not exist in Docker's rootless mode (a classroom sandbox).
        String html = mvc.perform(get("/lessons/after-one-machine")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("figure.command-explainer[data-lab][data-no-sandbox]"))
                .singleElement().satisfies(f -> {
                    assertThat(f.attr("data-no-sandbox")).contains("rootless mode", "overlay networks");
                    assertThat(f.text()).contains("docker stack deploy");
                });
    }

    @Test
    void theHtmlAnswerIsTheExplainer() throws Exception {
        String html = mvc.perform(post("/api/explain?kind=command").contentType(MediaType.TEXT_PLAIN)
                        .accept(MediaType.TEXT_HTML).content("docker run --rm -it alpine:3.22 sh"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parseBodyFragment(html);
        assertThat(doc.select("figure.command-explainer[data-explainer] .explainer-note")).hasSize(1);
        assertThat(doc.select(".note-part[data-part=f2] dt").text()).isEqualTo("-t");
    }

    @Test
    void embedsTakeKindCommand() throws Exception {
        String html = mvc.perform(get("/embed/explain").param("kind", "command").param("text", "docker ps -a"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("figure.command-explainer .note-part[data-part=f0] dd").text())
                .contains("stopped ones too");
        mvc.perform(get("/embed/explain").param("kind", "command").param("text", "ls -la"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ls -la")));
    }

    @Test
    void consoleBlocksInLessonsAreExplainersWithTheNotesInTheHtml() throws Exception {
        String page = mvc.perform(get("/lessons/ports-environment-commands"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/static/js/explainer")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(page);
        Element block = doc.selectFirst("figure.command-explainer");
        assertThat(block).isNotNull();
        assertThat(block.hasAttr("data-explainer")).isTrue();
        // the run line: its note, each flag with where it is written, and the value-aware text, all without JS
        Element line = block.selectFirst(".explainer-code .line[data-line=1]");
        assertThat(line.attr("data-instruction")).isEqualTo("0");
        assertThat(line.text()).isEqualTo("$ docker run -d --name web -p 127.0.0.1:8080:80 nginx:1.30");
        Element note = block.selectFirst(".explainer-note[data-instruction=0]");
        assertThat(note.selectFirst(".note-summary").text()).startsWith("Creates a new container");
        Element publish = note.select(".note-part").stream()
                .filter(p -> p.selectFirst("dt").text().equals("-p 127.0.0.1:8080:80")).findFirst().orElseThrow();
        assertThat(publish.selectFirst("dd").text()).contains("on 127.0.0.1 only");
        String[] span = publish.attr("data-span").split("[:-]");
        String code = "$ docker run -d --name web -p 127.0.0.1:8080:80 nginx:1.30";
        assertThat(code.substring(Integer.parseInt(span[1]), Integer.parseInt(span[2]))).isEqualTo("-p 127.0.0.1:8080:80");
        Element image = note.select(".note-part").stream()
                .filter(p -> p.selectFirst("dt").text().equals("nginx:1.30")).findFirst().orElseThrow();
        assertThat(image.selectFirst("dd").text()).contains("official image nginx from Docker Hub, tag 1.30");
        // the curl line is no docker command: no note, no instruction
        assertThat(block.selectFirst(".explainer-code .line[data-line=2]").hasAttr("data-instruction")).isFalse();
        // the copy button copies the commands only
        assertThat(block.selectFirst(".copy-button").attr("data-copy"))
                .startsWith("docker run -d --name web").doesNotContain("$ ");
        Element failing = doc.select("figure.command-explainer").stream()
                .filter(f -> f.text().contains("docker run -d --name web2")).findFirst().orElseThrow();
        assertThat(failing.selectFirst(".copy-button").attr("data-copy")).doesNotContain("Error response");
        assertThat(failing.selectFirst(".line[data-line=2]").hasAttr("data-instruction")).isFalse();
        // the PowerShell tab of the same lesson is explained too
        assertThat(doc.select(".tab-panel figure.command-explainer")).isNotEmpty();
    }
}
