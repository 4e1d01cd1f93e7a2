package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A docker command in a lesson, in a real browser: pointing at, focusing or tapping the {@code -p} of
 * {@code docker run -d --name web -p 127.0.0.1:8080:80 nginx:1.30} lights up that flag and the panel says
 * what this value does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommandExplainerBrowserTest extends BrowserSupport {

    private static final String NOTE = "on 127.0.0.1 only";

    private WebElement open(int width, int height, boolean touch) throws Exception {
        driver = start(width, height, touch);
        driver.get("http://localhost:" + port + "/lessons/ports-environment-commands");
        waiting(driver).until(d -> !d.findElements(By.cssSelector("figure.command-explainer.is-enhanced")).isEmpty());
        return driver.findElement(By.cssSelector("figure.command-explainer"));
    }

    /** The span the script wrapped around {@code -p 127.0.0.1:8080:80} on line 1 (re-found each time). */
    private WebElement publishFlag() {
        WebElement block = driver.findElement(By.cssSelector("figure.command-explainer"));
        return block.findElements(By.cssSelector(".line[data-line='1'] .part")).stream()
                .filter(p -> p.getAttribute("textContent").startsWith("-p")).findFirst().orElseThrow();
    }

    private String currentEntry() {
        var current = driver.findElements(By.cssSelector(
                "figure.command-explainer [data-explainer-panel] .note-part.is-current"));
        return current.isEmpty() ? "" : current.get(0).getText();
    }

    private String currentSpans() {
        return String.join("", driver.findElements(By.cssSelector("figure.command-explainer .part.is-current")).stream()
                .map(e -> e.getAttribute("textContent")).toList());
    }

    private void waitForTheFlagsNote() {
        waiting(driver).until(d -> currentEntry().contains(NOTE));
        assertThat(currentEntry()).startsWith("-p 127.0.0.1:8080:80").contains("other computers cannot");
        assertThat(currentSpans()).isEqualTo("-p 127.0.0.1:8080:80");
    }

    @Test
    void hoveringAFlagExplainsThisValue() throws Exception {
        WebElement block = open(1280, 900, false);
        // In its OS tab, the block has the lesson's width: the panel beside the code, where hovering previews.
        assertThat(block.getAttribute("class")).contains("is-beside");
        hover(driver, publishFlag());
        waitForTheFlagsNote();
        assertThat(activeLines(block)).containsExactly(1);
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).getText())
                .contains("Line 1").contains("docker run").contains("Creates a new container");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void theKeyboardReachesTheFlag() throws Exception {
        WebElement block = open(1280, 900, false);
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].focus()", code);
        code.sendKeys(Keys.HOME);
        waiting(driver).until(d -> activeLines(
                d.findElement(By.cssSelector("figure.command-explainer"))).contains(1));
        // the parts in order: docker run, -d, --name web, -p …
        for (int i = 0; i < 4 && !currentEntry().contains(NOTE); i++) {
            driver.findElement(By.cssSelector("figure.command-explainer .explainer-code")).sendKeys(Keys.ARROW_RIGHT);
        }
        waitForTheFlagsNote();
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void tappingTheFlagOnAPhoneOpensItsNote() throws Exception {
        open(375, 740, true);
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", publishFlag());
        tap(driver, publishFlag());
        waitForTheFlagsNote();
        WebElement panel = driver.findElement(By.cssSelector("figure.command-explainer [data-explainer-panel]"));
        waiting(driver).until(d -> visible(d, panel.findElement(
                By.cssSelector(".note-part.is-current"))));
        assertThat(consoleErrors(driver)).isEmpty();
    }
}
