package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Multi-line RUN with comment and empty lines, a heredoc, a multi-stage build; touch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tutorial.content-dir=src/test/resources/browser-content")
class ExplainerCasesBrowserTest extends BrowserSupport {




    private List<WebElement> open(boolean touch) throws Exception {
        driver = touch ? start(390, 844, true) : start(1440, 1000, false);
        driver.get("http://localhost:" + port + "/lessons/explainer-cases");
        return driver.findElements(By.cssSelector("[data-explainer]"));
    }

    private static WebElement line(WebElement block, int n) {
        return block.findElement(By.cssSelector(".line[data-line='" + n + "']"));
    }

    @Test
    void theMiddleOfAMultiLineInstructionLightsUpAllOfIt() throws Exception {
        List<WebElement> blocks = open(false);
        assertThat(blocks).hasSize(3);
        WebElement run = blocks.get(0);
        hover(driver, line(run, 5));
        assertThat(activeLines(run)).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(run.findElement(By.cssSelector("[data-explainer-panel]")).getText()).contains("Lines 3–7 · RUN");
        hover(driver, line(run, 8));
        assertThat(activeLines(run)).containsExactly(8);

        WebElement heredoc = blocks.get(1);
        hover(driver, line(heredoc, 4));
        assertThat(activeLines(heredoc)).containsExactly(2, 3, 4, 5);
        assertThat(heredoc.findElement(By.cssSelector("[data-explainer-panel]")).getText()).contains("Lines 2–5 · RUN");

        WebElement stages = blocks.get(2);
        hover(driver, line(stages, 7));
        assertThat(stages.findElement(By.cssSelector("[data-explainer-panel]")).getText())
                .contains("Line 7 · COPY").contains("stage build (line 1)");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void aTapPinsAndShowsThePanel() throws Exception {
        List<WebElement> blocks = open(true);
        WebElement stages = blocks.get(2);
        WebElement target = line(stages, 4);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", target);
        BrowserSupport.tap(driver, target);
        assertThat(activeLines(stages)).containsExactly(4);
        WebElement panel = stages.findElement(By.cssSelector("[data-explainer-panel]"));
        // On a phone the sheet's title row is line, keyword, Expand and Close; the pin shows as the open sheet.
        assertThat(panel.getText()).contains("Line 4 · RUN").contains("Close");
        assertThat(stages.getAttribute("class")).contains("is-pinned").contains("is-sheet-open");
        Long bottom = (Long) js(driver, "return Math.round(arguments[0].getBoundingClientRect().top)", panel);
        Long height = (Long) js(driver, "return window.innerHeight");
        assertThat(bottom).as("panel brought into view").isLessThan(height);
        screenshot(driver, "explainer-touch.png");
        assertThat(consoleErrors(driver)).isEmpty();
    }
}
