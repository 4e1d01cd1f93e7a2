package io.dockertutorial.browser;

import io.dockertutorial.export.StaticExporter;
import io.dockertutorial.lesson.CourseService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The static export opened from disk (file://): explainers, navigation and offline search work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticExportBrowserTest extends BrowserSupport {

    @Autowired
    CourseService courses;

    @Test
    void theExportWorksFromFileUrls(@TempDir Path dir) throws Exception {
        new StaticExporter("http://localhost:" + port, dir).export(courses.course());
        driver = start(1280, 900, false);
        driver.get(dir.resolve("index.html").toUri().toString());
        click(driver, driver.findElement(By.cssSelector("a.button-primary")));
        // A click that follows a link does not wait for the page it opens.
        waiting(driver).until(d -> d.getCurrentUrl().endsWith("/lessons/overview.html"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
        hover(driver, block.findElement(By.cssSelector(".line[data-line='10']")));
        assertThat(activeLines(block)).containsExactly(8, 9, 10);
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).getText()).contains("Line 10 · RUN");

        driver.get(dir.resolve("search.html").toUri() + "?q=named+volume");
        waiting(driver).until(d -> !d.findElements(By.cssSelector("[data-search-results] li")).isEmpty());
        WebElement first = driver.findElement(By.cssSelector("[data-search-results] li a"));
        assertThat(first.getAttribute("href")).contains("lessons/volumes-and-bind-mounts.html");
        assertThat(driver.findElements(By.cssSelector("[data-search-results] mark"))).isNotEmpty();
        click(driver, first);
        waiting(driver).until(d -> d.getCurrentUrl().contains("lessons/volumes-and-bind-mounts.html"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Volumes and bind mounts");
    }
}
