package io.dockertutorial.lesson;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code tutorial.content-dir} switches the course; a broken lesson does not take the others down. */
@SpringBootTest(properties = "tutorial.content-dir=src/test/resources/test-content")
@AutoConfigureMockMvc
class ContentDirTest {

    @Autowired
    MockMvc mvc;

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theCourseComesFromTheConfiguredFolder() throws Exception {
        Document home = page("/");
        assertThat(home.select(".lesson-card-title").eachText())
                .containsExactly("First steps", "Comes second by front matter", "Second lesson", "A folder lesson");
        mvc.perform(get("/lessons/overview")).andExpect(status().isNotFound());
    }

    @Test
    void previousAndNextFollowTheOrder() throws Exception {
        Document doc = page("/lessons/custom-slug");
        assertThat(doc.select("a[rel=prev]").attr("href")).isEqualTo("/lessons/first");
        assertThat(doc.select("a[rel=next]").attr("href")).isEqualTo("/lessons/second");
        assertThat(page("/lessons/first").select("a[rel=prev]")).isEmpty();
        for (String href : doc.select(".sidebar a").eachAttr("href")) {
            mvc.perform(get(href)).andExpect(status().isOk());
        }
    }

    @Test
    void aBrokenLessonShowsItsFileAndLine() throws Exception {
        Document doc = page("/lessons/broken");
        assertThat(doc.select(".problem-file").text()).isEqualTo("05-broken.md");
        assertThat(doc.select(".problem-line").text()).isEqualTo("3");
        assertThat(page("/lessons/first").select("h1").text()).isEqualTo("First steps");
    }

    @Test
    void folderLessonImagesAreServedAndNothingElse() throws Exception {
        mvc.perform(get("/lessons/folder-lesson/diagram.svg")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
        mvc.perform(get("/lessons/folder-lesson/index.md")).andExpect(status().isNotFound());
        mvc.perform(get("/lessons/first/01-first.md")).andExpect(status().isNotFound());
    }
}
