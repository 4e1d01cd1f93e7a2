package io.dockertutorial.embed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "tutorial.embed-origins=https://docs.example.org,https://wiki.example.org")
@AutoConfigureMockMvc
class EmbedAndPlaygroundTest {

    static final String HOSTILE = "FROM alpine\nLABEL a=\"</script><script>alert(1)</script>\" b='\"><img src=x onerror=alert(2)>'\n"
            + "RUN echo javascript:alert(3) </textarea><svg onload=alert(4)>\n";

    @Autowired
    MockMvc mvc;

    private Document html(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void oembedAnswersForOurLessonsAndPlayground() throws Exception {
        mvc.perform(get("/oembed").param("url", "http://localhost/lessons/overview").param("format", "json")
                        .param("maxwidth", "400").param("maxheight", "300"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("1.0"))
                .andExpect(jsonPath("$.type").value("rich"))
                .andExpect(jsonPath("$.width").value(400))
                .andExpect(jsonPath("$.height").value(300))
                .andExpect(jsonPath("$.provider_name").value("Docker Tutorial"))
                .andExpect(jsonPath("$.html", containsString("src=\"http://localhost/embed/lessons/overview\"")));
        mvc.perform(get("/oembed").param("url", "http://localhost/playground"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.html", containsString("/embed/explain")));
    }

    @Test
    void oembedRefusesOtherUrlsAndFormats() throws Exception {
        for (String url : new String[]{"https://evil.example/lessons/overview", "http://localhost/lessons/nope",
                "http://localhost/static/css/site.css", "not a url", "javascript:alert(1)",
                "ftp://localhost/lessons/overview", "file://localhost/lessons/overview", "ws://localhost/playground"}) {
            mvc.perform(get("/oembed").param("url", url).param("format", "json")).andExpect(status().isNotFound());
        }
        mvc.perform(get("/oembed").param("url", "http://localhost/lessons/overview").param("format", "xml"))
                .andExpect(status().isNotImplemented());
    }

    @Test
    void oembedKeepsAShareLinksDockerfileAndTakesATheme() throws Exception {
        String code = "z:cwvy91VIzCnIzEu1MtYzMuICAA";
        mvc.perform(get("/oembed").param("url", "http://localhost/playground#code=" + code + "&line=4")
                        .param("theme", "dark"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.html", containsString(
                        "src=\"http://localhost/embed/explain?theme=dark#code=" + code + "&amp;line=4\"")))
                .andExpect(jsonPath("$.html", containsString("<script src=\"http://localhost/embed.js\" async></script>")));
        // A shared Compose file or command keeps its kind; an invalid kind is dropped.
        mvc.perform(get("/oembed").param("url", "http://localhost/playground#code=" + code + "&kind=compose"))
                .andExpect(jsonPath("$.html", containsString("/embed/explain#code=" + code + "&amp;kind=compose\"")));
        mvc.perform(get("/oembed").param("url", "http://localhost/playground#code=" + code + "&kind=<x>"))
                .andExpect(jsonPath("$.html", containsString("/embed/explain#code=" + code + "\"")));
        // Anything but a packed Dockerfile in the fragment is dropped, not passed on.
        mvc.perform(get("/oembed").param("url", "http://localhost/playground#code=\"><script>&line=x")
                        .param("theme", "<b>"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.html", containsString("src=\"http://localhost/embed/explain\"")));
        mvc.perform(get("/oembed").param("url", "http://localhost/lessons/overview").param("theme", "light"))
                .andExpect(jsonPath("$.html", containsString("src=\"http://localhost/embed/lessons/overview?theme=light\"")));
    }

    @Test
    void embedPagesOpenLinksOutsideAndCarryCopyAndQuizScripts() throws Exception {
        Document doc = html(mvc.perform(get("/embed/lessons/overview")));
        assertThat(doc.select("link[rel=icon]").attr("href")).contains("/static/img/favicon");
        assertThat(doc.select("script[src*=site], script[src*=course], script[src*=embed-frame]")).hasSize(3);
        assertThat(doc.select("link[href*=embed]")).hasSize(1);
        Document transparent = html(mvc.perform(get("/embed/explain").param("background", "transparent")));
        assertThat(transparent.select("html").hasClass("embed-transparent")).isTrue();
        assertThat(doc.select("html").hasClass("embed-transparent")).isFalse();
    }

    private java.util.List<String> explainerScripts(String path) throws Exception {
        return html(mvc.perform(get(path))).select("script[src*=/static/js/explainer]").eachAttr("src");
    }

    @Test
    void theSiteAndTheEmbedsLoadTheSameExplainerScriptsInOrder() throws Exception {
        java.util.List<String> lesson = explainerScripts("/lessons/overview");
        assertThat(lesson).hasSizeGreaterThanOrEqualTo(7);
        // The core first, then its parts; names carry a hash of their content.
        assertThat(lesson.get(0)).matches("/static/js/explainer(-[0-9a-f]{32})?\\.js");
        assertThat(lesson).allMatch(src -> src.matches("/static/js/explainer(-[a-z]+)?(-[0-9a-f]{32})?\\.js"));
        assertThat(explainerScripts("/playground")).isEqualTo(lesson);
        assertThat(explainerScripts("/embed/explain")).isEqualTo(lesson);
        assertThat(explainerScripts("/embed/lessons/overview")).isEqualTo(lesson);
        for (String src : lesson) {
            mvc.perform(get(src)).andExpect(status().isOk());
        }
    }

    @Test
    void onlyEmbedRoutesMayBeFramed() throws Exception {
        for (String path : new String[]{"/embed/lessons/overview", "/embed/explain"}) {
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy",
                            containsString("frame-ancestors https://docs.example.org https://wiki.example.org")))
                    .andExpect(header().doesNotExist("X-Frame-Options"));
        }
        for (String path : new String[]{"/", "/lessons/overview", "/playground", "/embed"}) {
            mvc.perform(get(path)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
    }

    @Test
    void lessonAndPlaygroundPagesAnnounceOembed() throws Exception {
        for (String path : new String[]{"/lessons/overview", "/playground"}) {
            Document doc = html(mvc.perform(get(path)));
            assertThat(doc.select("link[rel=alternate][type=application/json+oembed]").attr("href"))
                    .startsWith("http://localhost/oembed?url=http://localhost" + path);
        }
    }

    @Test
    void embedPagesHaveNoSiteChromeAndFollowTheTheme() throws Exception {
        Document doc = html(mvc.perform(get("/embed/lessons/overview").param("theme", "dark")));
        assertThat(doc.select("html").attr("data-theme")).isEqualTo("dark");
        assertThat(doc.select(".site-header, .sidebar")).isEmpty();
        assertThat(doc.select("[data-explainer]")).hasSize(1);
        assertThat(doc.select("script[src*=embed-frame]")).hasSize(1);
        Document odd = html(mvc.perform(get("/embed/lessons/overview").param("theme", "\"><script>")));
        assertThat(odd.select("html").hasAttr("data-theme")).isFalse();
    }

    @Test
    void hostileDockerfilesAreTextEverywhere() throws Exception {
        Document embed = html(mvc.perform(get("/embed/explain").param("dockerfile", HOSTILE)));
        Document playground = html(mvc.perform(post("/playground").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("dockerfile", HOSTILE)));
        for (Document doc : new Document[]{embed, playground}) {
            assertThat(doc.select("script:not([src])")).isEmpty();
            assertThat(doc.select("main img, main svg, img[src=x]")).isEmpty();
            assertThat(doc.select("[onerror], [onload]")).isEmpty();
            assertThat(doc.select("[data-explainer] .line[data-line=2]").text()).contains("</script><script>alert(1)</script>");
        }
        assertThat(playground.select("textarea#dockerfile").text()).contains("</textarea><svg onload=alert(4)>");
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).content(HOSTILE))
                .andExpect(status().isOk())
                // JSON strings are data: served as application/json with nosniff, never as a page.
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(jsonPath("$.instructions[1].source").value(HOSTILE.split("\n")[1]));
    }

    @Test
    void playgroundWorksWithoutJavaScript() throws Exception {
        Document first = html(mvc.perform(get("/playground")));
        assertThat(first.select("select#example option")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(first.select("textarea#dockerfile").text()).contains("FROM python:3.9-slim");
        Document go = html(mvc.perform(get("/playground").param("example", "go")));
        assertThat(go.select("textarea#dockerfile").text()).contains("golang");
        Document posted = html(mvc.perform(post("/playground").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("dockerfile", "FROM alpine:3.22\nRUNN echo\n")));
        assertThat(posted.select("[data-explainer] .line[data-line=2] .line-error").text()).contains("did you mean RUN?");
        assertThat(posted.select(".explainer-note")).hasSize(2);
        mvc.perform(post("/playground").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("dockerfile", "#".repeat(70_000))).andExpect(status().isContentTooLarge());
    }

    @Test
    void embedScriptAndHelpPage() throws Exception {
        mvc.perform(get("/embed.js")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(content().string(containsString("docker-tutorial:resize")));
        Document help = html(mvc.perform(get("/embed")));
        assertThat(help.text()).contains("s.src = 'http://localhost/embed.js';");
    }
}
