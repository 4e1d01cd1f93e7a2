package io.dockertutorial.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * No page makes the browser fetch anything from another host: every script, style, image, frame,
 * font and form goes to this app. (Plain links to docs.docker.com are navigation, not requests.)
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoExternalRequestsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void everyPageLoadsOnlyFromThisApp() throws Exception {
        List<String> pages = List.of("/", "/lessons/overview", "/playground", "/embed", "/embed/lessons/overview",
                "/embed/explain?dockerfile=FROM%20alpine");
        for (String path : pages) {
            String html = mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Document doc = Jsoup.parse(html, "http://localhost/");
            for (Element e : doc.select("script[src], link[href]:not([rel=alternate]), img[src], iframe[src], "
                    + "source[src], video[src], audio[src], object[data], embed[src], form[action]")) {
                String url = e.hasAttr("src") ? e.absUrl("src") : e.hasAttr("href") ? e.absUrl("href")
                        : e.hasAttr("data") ? e.absUrl("data") : e.absUrl("action");
                assertThat(url).as("%s on %s", e.outerHtml(), path).startsWith("http://localhost/");
            }
            assertThat(doc.select("script:not([src])")).as("inline script on %s", path).isEmpty();
            assertThat(doc.select("[style]")).as("inline style on %s", path).isEmpty();
            assertThat(html).as("CSS imports on %s", path).doesNotContain("@import");
        }
    }
}
