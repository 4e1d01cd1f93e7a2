package io.dockertutorial.lesson;

import io.dockertutorial.support.SharedFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The shipped course: home, the overview lesson, navigation and errors. */
@SpringBootTest
@AutoConfigureMockMvc
class LessonPagesTest {

    @Autowired
    MockMvc mvc;

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path)).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    @Test
    void aLessonWithAProjectOffersItsFilesAsAZipDownload() throws Exception {
        Document doc = page("/lessons/writing-a-dockerfile");
        Element link = doc.select(".project-box a[download]").first();
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("/lessons/writing-a-dockerfile/hello-node.zip");
        assertThat(doc.select(".project-files code").eachText()).contains("Dockerfile", "server.js", ".dockerignore");
        var response = mvc.perform(get(link.attr("href"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"hello-node.zip\""))
                .andReturn().getResponse();
        var entries = LessonProjectTest.unzip(response.getContentAsByteArray());
        assertThat(entries).containsKeys("hello-node/Dockerfile", "hello-node/server.js", "hello-node/package.json");
        assertThat(entries.get("hello-node/Dockerfile"))
                .isEqualTo(Files.readString(java.nio.file.Path.of("content/examples/hello-node/Dockerfile")));
        // Lessons without a project show no box; other names under the lesson stay 404.
        assertThat(page("/lessons/overview").select(".project-box")).isEmpty();
        mvc.perform(get("/lessons/overview/hello-node.zip")).andExpect(status().isNotFound());
        mvc.perform(get("/lessons/writing-a-dockerfile/other.zip")).andExpect(status().isNotFound());
        mvc.perform(get("/lessons/writing-a-dockerfile/..%2F..%2Fpom.xml")).andExpect(status().isNotFound());
    }

    @Test
    void flagsInTheObjectivesAreNeverBrokenAtTheirHyphens() throws Exception {
        Document doc = page("/lessons/resource-limits");
        Element first = doc.select(".learn-box li").first();
        assertThat(first.text()).isEqualTo("Limit memory, CPU time and the number of processes with --memory, --cpus and --pids-limit");
        assertThat(first.select("span.nobr").eachText()).containsExactly("--memory", "--cpus", "--pids-limit");
        assertThat(doc.select(".learn-box li").eachText()).allSatisfy(t -> assertThat(t).doesNotContain("  "));
    }

    @Test
    void homeListsTheLessonsWithAStartButton() throws Exception {
        Document home = page("/");
        assertThat(home.select(".lesson-card a").first().attr("href")).isEqualTo("/lessons/overview");
        assertThat(home.select("a.button-primary").attr("href")).isEqualTo("/lessons/overview");
    }

    @Test
    void overviewRendersTheRepairedSeedAndItsDockerfileExactly() throws Exception {
        Document doc = page("/lessons/overview");
        assertThat(doc.title()).isEqualTo("Overview · Docker Tutorial");
        String text = doc.select("main").text();
        assertThat(text).contains("To understand Docker’s role").contains("Tempo").contains("Zewa")
                .doesNotContain("â€").doesNotContain("Theses");
        Element block = doc.select("figure.code-block, .dockerfile-explainer").first();
        assertThat(block.select(".code-title").first().ownText()).isEqualTo("Dockerfile");

        String seed = Files.readString(SharedFiles.require("seed/000_253bc3ffb28a57f1.txt"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```Dockerfile title=\"Dockerfile\"\\n(.*?)```", Pattern.DOTALL).matcher(seed);
        assertThat(m.find()).isTrue();
        String[] seedLines = m.group(1).split("\n", -1);
        var rendered = block.select("[data-line]");
        assertThat(rendered).hasSize(seedLines.length - 1);
        for (int i = 0; i < rendered.size(); i++) {
            assertThat(rendered.get(i).attr("data-line")).isEqualTo(String.valueOf(i + 1));
            assertThat(rendered.get(i).select(".line-code").isEmpty() ? rendered.get(i).wholeText()
                    : rendered.get(i).select(".line-code").first().wholeText())
                    .as("line %d", i + 1).isEqualTo(seedLines[i]);
        }
    }

    @Test
    void sidebarMarksCurrentLessonAndTocLinksResolve() throws Exception {
        Document doc = page("/lessons/overview");
        assertThat(doc.select(".sidebar a[aria-current=page]").attr("href")).isEqualTo("/lessons/overview");
        var tocLinks = doc.select(".toc a");
        assertThat(tocLinks).isNotEmpty();
        for (Element link : tocLinks) {
            String id = link.attr("href").substring(1);
            assertThat(doc.getElementById(id)).as("anchor %s", id).isNotNull();
        }
    }

    @Test
    void unknownLessonsAndPathsAreNotFound() throws Exception {
        // The 404 page itself is checked through the real server in TraversalTest (MockMvc has no error dispatch).
        for (String path : new String[]{"/lessons/nope", "/nothing/here", "/static/nope.css"}) {
            mvc.perform(get(path).accept("text/html")).andExpect(status().isNotFound());
        }
    }

    @Test
    void staticAssetsAreServed() throws Exception {
        mvc.perform(get("/static/css/site.css")).andExpect(status().isOk());
        mvc.perform(get("/static/js/site.js")).andExpect(status().isOk());
        mvc.perform(get("/static/img/favicon.svg")).andExpect(status().isOk());
    }
}
