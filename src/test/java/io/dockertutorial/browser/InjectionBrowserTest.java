package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hostile lessons, Dockerfiles, query parameters and fragments in a real browser: everything shows
 * as text, no dialog opens and no injected script runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tutorial.content-dir=src/test/resources/hostile-content")
class InjectionBrowserTest extends BrowserSupport {

    static final String DOCKERFILE = "FROM alpine:3.22\nLABEL x=\"</script><script>alert('api')</script>\"\n"
            + "RUN echo '\"><img src=x onerror=alert(\"playground\")>' </textarea><svg onload=alert(2)>\n";




    private void assertNoDialogAndNoInjectedScript() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        // Only the app's own scripts are on the page.
        List<String> scripts = driver.findElements(By.cssSelector("script")).stream()
                .map(s -> s.getAttribute("src")).toList();
        assertThat(scripts).allSatisfy(src -> assertThat(src).contains("/static/js/"));
        assertThat(driver.findElements(By.cssSelector("main img, main svg, main iframe"))).isEmpty();
    }

    @Test
    void hostileLessonIsText() throws Exception {
        driver = start(1280, 900, false);
        driver.get("http://localhost:" + port + "/lessons/hostile");
        assertThat(driver.getTitle()).contains("<script>alert('title')</script>");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("<script>alert('raw')</script>")
                .contains("alert('question')");
        WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
        hover(driver, block.findElement(By.cssSelector(".line[data-line='2']")));
        click(driver, driver.findElement(By.cssSelector("form[data-quiz] input[data-correct=true]")));
        click(driver, driver.findElement(By.cssSelector("form[data-quiz] button[type=submit]")));
        // The explainer re-renders its panel (with links) when the pointer's grace period ends, so link elements
        // found a moment ago may be gone: read every link's scheme in one script, once the quiz has answered.
        String result = waiting(driver).until(d -> (String) js(d,
                "const r = document.querySelector('form[data-quiz] .quiz-result'); return r && r.textContent || null"));
        assertThat(result).startsWith("1 of 1 right.");
        @SuppressWarnings("unchecked")
        List<String> schemes = (List<String>) js(driver,
                "return Array.from(document.querySelectorAll('main a[href]'), a => a.protocol + ' ' + a.getAttribute('href'))");
        assertThat(schemes).isNotEmpty().noneMatch(s -> s.startsWith("javascript:"));
        assertNoDialogAndNoInjectedScript();
    }

    @Test
    void hostileDockerfilesInPlaygroundEmbedAndSearchAreText() throws Exception {
        driver = start(1280, 900, false);
        driver.get("http://localhost:" + port + "/playground");
        WebElement editor = driver.findElement(By.id("dockerfile"));
        // Typing may pause longer than the playground's 350 ms: wait for the answer to the whole text, not to a part.
        recordFetches(driver);
        editor.clear();
        editor.sendKeys(DOCKERFILE);
        waiting(driver).until(d -> answered(d, editor.getDomProperty("value")));
        assertThat(driver.findElements(By.cssSelector("[data-result] .explainer-note"))).hasSize(3);
        click(driver, driver.findElement(By.cssSelector("[data-share]")));
        waiting(driver).until(d -> d.getCurrentUrl().contains("#code="));
        String link = driver.getCurrentUrl();
        assertNoDialogAndNoInjectedScript();

        driver.get("about:blank");
        driver.get(link);
        waiting(driver).until(d -> d.findElements(By.cssSelector("[data-result] .explainer-note")).size() == 3);
        assertNoDialogAndNoInjectedScript();

        driver.get("http://localhost:" + port + "/embed/explain?dockerfile="
                + URLEncoder.encode(DOCKERFILE, StandardCharsets.UTF_8) + "&theme=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(driver.findElement(By.cssSelector("[data-explainer]")).getText()).contains("</script><script>alert('api')</script>");
        assertNoDialogAndNoInjectedScript();

        driver.get("http://localhost:" + port + "/search?q=" + URLEncoder.encode("<script>alert('q')</script> raw",
                StandardCharsets.UTF_8));
        assertThat(driver.findElement(By.cssSelector("[data-search-status]")).getText()).contains("<script>alert('q')</script>");
        assertNoDialogAndNoInjectedScript();

        driver.get("http://localhost:" + port + "/lessons/hostile#\"><img src=x onerror=alert('fragment')>");
        driver.get("http://localhost:" + port + "/playground#code=%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E&line=<svg>");
        assertNoDialogAndNoInjectedScript();
    }
}
