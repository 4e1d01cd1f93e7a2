package io.dockertutorial.export;

import io.dockertutorial.lesson.CourseService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The static export: every page, relative links only, every referenced file present. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticExportTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    CourseService courses;

    @Test
    void exportsAWorkingSiteWithRelativeLinks(@TempDir Path dir) throws Exception {
        int files = new StaticExporter("http://localhost:" + port, dir).export(courses.course());
        assertThat(files).isGreaterThan(8);
        assertThat(dir.resolve("index.html")).exists();
        assertThat(dir.resolve("404.html")).exists();
        assertThat(dir.resolve("search.html")).exists();
        assertThat(Files.readString(dir.resolve("search-index.js"))).startsWith("window.DockerTutorialSearchIndex = [")
                .contains("\"url\":\"/lessons/overview");
        assertThat(Jsoup.parse(dir.resolve("search.html").toFile()).select("[data-offline-index] script[src=search-index.js]"))
                .hasSize(1);
        Path overview = dir.resolve("lessons/overview.html");
        Document lesson = Jsoup.parse(overview.toFile());
        assertThat(lesson.select(".explainer-note")).hasSize(8);
        assertThat(lesson.select("link[type=application/json+oembed]")).isEmpty();
        // Example projects travel with the export, linked from their lesson for download.
        Document withProject = Jsoup.parse(dir.resolve("lessons/writing-a-dockerfile.html").toFile());
        assertThat(withProject.select(".project-box a[download]").attr("href")).isEqualTo("../lessons/writing-a-dockerfile/hello-node.zip");
        byte[] zip = Files.readAllBytes(dir.resolve("lessons/writing-a-dockerfile/hello-node.zip"));
        assertThat(zip).isEqualTo(courses.course().lesson("writing-a-dockerfile").orElseThrow().project().zipBytes());
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(dir)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
        }
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile());
            for (Element e : doc.select("[href], [src], [action]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src") : e.attr("action");
                assertThat(url).as("%s in %s", url, page).doesNotStartWith("/").doesNotContain("localhost");
                if (!url.startsWith("#") && !url.startsWith("http")) {
                    String file = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                    assertThat(page.getParent().resolve(file).normalize()).as("%s from %s", url, page).exists();
                }
            }
        }
    }
}
