package io.dockertutorial.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The explainer on the overview lesson, in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverviewExplainerBrowserTest extends BrowserSupport {




    private WebElement open(String fragment) throws Exception {
        driver = start(1440, 1000, false);
        driver.get("http://localhost:" + port + "/lessons/overview" + fragment);
        return driver.findElement(By.cssSelector("[data-explainer]"));
    }

    private WebElement line(WebElement block, int n) {
        return block.findElement(By.cssSelector(".line[data-line='" + n + "']"));
    }

    @Test
    void hoverHighlightsTheWholeInstructionAndExplainsIt() throws Exception {
        WebElement block = open("");
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        hover(driver, line(block, 10));
        assertThat(activeLines(block)).containsExactly(8, 9, 10);
        assertThat(panel.getText()).contains("Line 10 · RUN").contains("requirements.txt")
                .containsIgnoringCase("Author’s note").contains("Copy only the requirements file").contains("Fix:");
        hover(driver, line(block, 14));
        assertThat(activeLines(block)).containsExactly(12, 13, 14);
        assertThat(panel.getText()).contains("Line 14 · COPY").contains("$WORKDIR");
        screenshot(driver, "overview-hover.png", Path.of("docs/screenshots/explainer-hover.png"));
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void keyboardMovesPinsAndEscapeCloses() throws Exception {
        WebElement block = open("");
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].focus()", code);
        code.sendKeys(Keys.HOME);
        assertThat(activeLines(block)).containsExactly(1, 2);
        code.sendKeys(Keys.ARROW_DOWN);
        assertThat(activeLines(block)).containsExactly(4, 5, 6);
        code.sendKeys("j");
        assertThat(activeLines(block)).containsExactly(8, 9, 10);
        code.sendKeys(Keys.END);
        assertThat(activeLines(block)).containsExactly(22, 23, 24);
        code.sendKeys(Keys.ENTER);
        assertThat(driver.getCurrentUrl()).endsWith("#dockerfile-1-L24");
        code.sendKeys(Keys.ESCAPE);
        assertThat(activeLines(block)).isEmpty();
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void aLinkToALinePinsIt() throws Exception {
        WebElement block = open("#dockerfile-1-L19");
        assertThat(activeLines(block)).containsExactly(19);
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).getText())
                .contains("Line 19 · RUN").contains("makemigrations").contains("Pinned");
        hover(driver, line(block, 2));
        assertThat(activeLines(block)).as("pinned stays while the pointer moves").containsExactly(19);
    }

    @Test
    void noSeriousAccessibilityViolations() throws Exception {
        WebElement block = open("");
        hover(driver, line(block, 10));
        Results results = new AxeBuilder().analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Rule::getId).toList();
        assertThat(serious).isEmpty();
    }

    /** The README's screenshots: light and dark, desktop and phone. */
    @Test
    void screenshotsForTheReadme() throws Exception {
        for (int width : new int[]{1280, 375}) {
            for (String theme : new String[]{"light", "dark"}) {
                if (driver != null) {
                    driver.quit();
                }
                driver = start(width, width == 375 ? 812 : 900, width == 375);
                driver.get("http://localhost:" + port + "/lessons/overview");
                js(driver, "localStorage.setItem('dt-theme', arguments[0])", theme);
                driver.get("http://localhost:" + port + "/lessons/overview?shot=" + theme + "#dockerfile-1-L10");
                WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
                settle(driver); // the browser's own (smooth) scroll to the linked line has ended
                if (width > 375) {
                    // On a phone the pinned line is already placed above the bottom sheet.
                    js(driver, "window.scrollTo({top: arguments[0].getBoundingClientRect().top + window.scrollY - 70, behavior: 'instant'})", block);
                }
                assertThat(driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo(theme);
                screenshot(driver, "overview-" + theme + "-" + width + ".png",
                        Path.of("docs/screenshots/overview-" + theme + "-" + width + ".png"));
            }
        }
        assertThat(consoleErrors(driver)).isEmpty();
    }
}
