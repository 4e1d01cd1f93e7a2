package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The "change a file" control: mouse, keyboard and touch in a lesson, typed files in the playground. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tutorial.content-dir=src/test/resources/cache-content")
class CacheControlBrowserTest extends BrowserSupport {

    private WebElement control;
    private WebElement figure;

    private void open(boolean touch) throws Exception {
        driver = touch ? start(390, 844, true) : start(1440, 1000, false);
        driver.get("http://localhost:" + port + "/lessons/cache");
        control = driver.findElement(By.cssSelector("section[data-cache-control].is-enhanced"));
        figure = driver.findElement(By.id(control.getAttribute("data-for")));
    }

    private List<Integer> marked(String cssClass) {
        return figure.findElements(By.cssSelector(".line." + cssClass)).stream()
                .map(e -> Integer.parseInt(e.getAttribute("data-line"))).toList();
    }

    private WebElement option(String file) {
        return control.findElement(By.cssSelector("input[type=radio][value='" + file + "']"));
    }

    private WebElement label(String file) {
        return option(file).findElement(By.xpath(".."));
    }

    private String result() {
        return control.findElement(By.cssSelector(".cache-result")).getText();
    }

    @Test
    void mouseMarksTheLinesThatRunAgainWithTheirReasons() throws Exception {
        open(false);
        // one control: the second Dockerfile takes no file, so it has none
        assertThat(driver.findElements(By.cssSelector("[data-cache-control]"))).hasSize(1);
        assertThat(control.findElement(By.cssSelector("[data-cache-table]")).isDisplayed()).isFalse();
        assertThat(control.findElements(By.cssSelector("input[type=radio]")).stream().map(e -> e.getAttribute("value")))
                .containsExactly("", "README.md", "app.py", "requirements.txt");

        click(driver, label("requirements.txt"));
        assertThat(marked("cache-rebuilt")).containsExactly(3, 4, 5, 6);
        List<WebElement> marks = figure.findElements(By.cssSelector(".cache-mark.is-rebuilt"));
        assertThat(marks).hasSize(3); // one per instruction, on its first line, in the gutter
        assertThat(marks.get(0).getAttribute("title")).contains("requirements.txt");
        assertThat(result()).contains("You change requirements.txt: 3 steps run again (lines 3, 4, 6)");
        // each line's reason is in its own explanation, right under the summary
        click(driver, figure.findElement(By.cssSelector(".line[data-line='4'] .line-code")));
        WebElement reason = figure.findElement(By.cssSelector("[data-explainer-panel] .note-cache"));
        assertThat(reason.getText()).startsWith("\u21BB Runs again on the next build:").contains("missed the cache");

        click(driver, label("app.py"));
        assertThat(marked("cache-rebuilt")).containsExactly(6);
        assertThat(result()).contains("1 step runs again (line 6)");

        click(driver, label("README.md"));
        assertThat(marked("cache-rebuilt")).isEmpty();
        assertThat(marked("cache-kept")).containsExactly(6);
        assertThat(result()).contains("nothing runs again").contains(".dockerignore");

        click(driver, label(""));
        assertThat(figure.findElements(By.cssSelector(".cache-mark, .cache-rebuilt, .cache-kept"))).isEmpty();

        // the table stays one click away
        WebElement toggle = control.findElement(By.cssSelector(".cache-table-toggle"));
        click(driver, toggle);
        assertThat(control.findElement(By.cssSelector("[data-cache-table]")).isDisplayed()).isTrue();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        screenshot(driver, "cache-control.png");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void keyboardMovesThroughTheFilesWithTheArrowKeys() throws Exception {
        open(false);
        WebElement nothing = option("");
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].focus()", nothing);
        nothing.sendKeys(Keys.ARROW_RIGHT); // README.md
        assertThat(driver.switchTo().activeElement().getAttribute("value")).isEqualTo("README.md");
        assertThat(marked("cache-kept")).containsExactly(6);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT); // app.py
        assertThat(marked("cache-rebuilt")).containsExactly(6);
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT); // requirements.txt
        assertThat(marked("cache-rebuilt")).containsExactly(3, 4, 5, 6);
        assertThat(control.findElement(By.cssSelector(".cache-result")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void touchPicksAFile() throws Exception {
        open(true);
        WebElement target = label("app.py");
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", target);
        assertThat(target.getSize().getHeight()).as("finger-sized").isGreaterThanOrEqualTo(24);
        BrowserSupport.tap(driver, target);
        assertThat(option("app.py").isSelected()).isTrue();
        assertThat(marked("cache-rebuilt")).containsExactly(6);
        screenshot(driver, "cache-control-touch.png");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void playgroundAsksTheApiForTheTypedFiles() throws Exception {
        driver = start(1440, 1000, false);
        driver.get("http://localhost:" + port + "/playground");
        WebElement editor = driver.findElement(By.cssSelector("[data-editor]"));
        js(driver, "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor,
                "FROM python:3.13-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n");
        WebDriverWait wait = waiting(driver);
        // The four lines typed, not the example the page opened with (it has a line 4 too).
        wait.until(d -> d.findElements(By.cssSelector("#dockerfile-1 .line")).size() == 4);
        WebElement section = driver.findElement(By.cssSelector("section[data-cache-control][data-cache-live]"));
        assertThat(section.isDisplayed()).isFalse();
        click(driver, driver.findElement(By.cssSelector(".playground-cache summary")));
        WebElement files = driver.findElement(By.cssSelector("[data-cache-files]"));
        files.sendKeys("app.py\nrequirements.txt\n");
        wait.until(d -> section.isDisplayed()
                && section.findElements(By.cssSelector("input[value='requirements.txt']")).size() == 1);
        // Typing may pause longer than the 300 ms after which the pills are drawn again: the pill found may be
        // replaced by the time it is clicked. The wait finds it again (a click that threw did not happen).
        wait.until(d -> {
            click(d, section.findElement(By.cssSelector("input[value='requirements.txt']")).findElement(By.xpath("..")));
            return true;
        });
        wait.until(d -> d.findElements(By.cssSelector("#dockerfile-1 .line.cache-rebuilt")).size() == 3);
        assertThat(section.findElement(By.cssSelector(".cache-result")).getText())
                .contains("You change requirements.txt: 3 steps run again (lines 2, 3, 4)");
        // a new Dockerfile text: the explainer is rendered again and the marks follow
        js(driver, "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor,
                "FROM python:3.13-slim\nCOPY . .\nRUN pip install -r requirements.txt\n");
        wait.until(d -> d.findElements(By.cssSelector("#dockerfile-1 .line.cache-rebuilt")).size() == 2
                && d.findElements(By.cssSelector("#dockerfile-1 .line[data-line='4']")).isEmpty());
        assertThat(consoleErrors(driver)).isEmpty();
    }
}
