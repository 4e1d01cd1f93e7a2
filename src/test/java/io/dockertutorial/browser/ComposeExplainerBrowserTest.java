package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Compose files in a lesson and in the playground, in a real browser: hover, focus and the kind select. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComposeExplainerBrowserTest extends BrowserSupport {

    private WebDriverWait waiting() {
        return waiting(driver);
    }

    private WebElement composeBlock() {
        return driver.findElement(By.cssSelector("figure[data-kind='Compose file']"));
    }

    private String panelText() {
        return composeBlock().findElement(By.cssSelector("[data-explainer-panel]")).getText();
    }

    private int lineOf(String text) {
        List<WebElement> lines = composeBlock().findElements(By.cssSelector(".line"));
        for (WebElement l : lines) {
            if (l.getText().contains(text)) {
                return Integer.parseInt(l.getAttribute("data-line"));
            }
        }
        throw new AssertionError(text + " is not in the Compose file");
    }

    @Test
    void hoverAndFocusExplainAComposeLineInTheLesson() throws Exception {
        driver = start(1440, 1000, false);
        driver.get("http://localhost:" + port + "/lessons/docker-compose");
        waiting().until(d -> composeBlock().getAttribute("class").contains("is-enhanced"));
        int condition = lineOf("condition: service_healthy");
        hover(driver, composeBlock().findElement(By.cssSelector(".line[data-line='" + condition + "']")));
        waiting().until(d -> activeLines(composeBlock()).equals(List.of(condition)));
        waiting().until(d -> panelText().contains("health check passes"));
        assertThat(panelText()).contains("condition").contains("services.proxy.depends_on.web.condition");

        // Keyboard: the code is a listbox; Home goes to the first note (the comment above name: belongs to it).
        WebElement code = composeBlock().findElement(By.cssSelector(".explainer-code"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", code);
        // The pointer leaves the code first (to the sticky header), so no line is hovered while the keys act.
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(driver.findElement(By.cssSelector(".site-header"))).perform();
        js(driver, "arguments[0].focus({preventScroll: true})", code);
        code.sendKeys(Keys.HOME);
        waiting().withMessage(() -> "active " + activeLines(composeBlock()) + ", focus in "
                        + js(driver, "return document.activeElement.outerHTML.slice(0, 120)") + ", panel " + panelText())
                .until(d -> activeLines(composeBlock()).equals(List.of(1, 2)));
        waiting().until(d -> panelText().contains("Names the project"));
        assertThat(panelText()).contains("The baby shop with nginx in front");
        code.sendKeys(Keys.ARROW_DOWN);
        waiting().until(d -> panelText().contains("The services of the application"));
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void thePlaygroundDetectsAComposeFileAndTheSelectCanOverrule() throws Exception {
        driver = start(1280, 900, false);
        driver.get("http://localhost:" + port + "/playground?example=compose");
        waiting().until(d -> d.findElement(By.cssSelector("[data-kind-detected]")).getText().equals("Detected: Compose file"));
        WebElement editor = driver.findElement(By.cssSelector("[data-editor]"));
        js(driver, "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor,
                "node_modules\n!node_modules/keep\n");
        waiting().until(d -> d.findElement(By.cssSelector("[data-kind-detected]")).getText().equals("Detected: .dockerignore"));
        waiting().until(d -> !d.findElements(By.cssSelector("[data-result] figure[data-kind='.dockerignore'].is-enhanced")).isEmpty());
        new Select(driver.findElement(By.id("kind"))).selectByValue("dockerfile");
        waiting().until(d -> !d.findElements(By.cssSelector("[data-result] figure.dockerfile-explainer:not([data-kind])")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-kind-detected]")).getText()).isEmpty();
        assertThat(consoleErrors(driver)).isEmpty();
    }
}
