package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explainer's tools with mouse, keyboard, touch and what a screen reader is told: the annotated view
 * (and large type, and print), stepping through the build, Apply fix (lesson and playground) and the quiz.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplainerToolsBrowserTest extends BrowserSupport {

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement block() {
        return driver.findElement(By.cssSelector("[data-explainer]"));
    }

    private WebElement tool(WebElement block, String name) {
        return block.findElement(By.cssSelector("[data-tool='" + name + "']"));
    }

    private WebDriverWait waiting() {
        // Apply fix replaces the block: an element found a moment ago may be gone when it is read.
        return waiting(driver);
    }

    private String live(WebElement block) {
        return block.findElement(By.cssSelector(":scope > p[role=status]")).getAttribute("textContent");
    }

    @Test
    void annotatedViewBesideTheLinesWithMouseAndKeyboard() throws Exception {
        driver = start(1280, 900, false);
        driver.get(url("/lessons/overview"));
        WebElement block = block();
        click(driver, tool(block, "annotated"));
        settle(driver); // the notes' places are measured once the layout has followed the new view
        assertThat(tool(block, "annotated").getAttribute("aria-pressed")).isEqualTo("true");
        List<WebElement> notes = block.findElements(By.cssSelector(".annotation"));
        assertThat(notes).hasSize(block.findElements(By.cssSelector(".explainer-note")).size());
        assertThat(notes).allMatch(WebElement::isDisplayed);
        // beside its line, at the same height; a warning as a note
        WebElement from = block.findElement(By.cssSelector(".line[data-line='2'] .line-code"));
        WebElement note = notes.get(0);
        assertThat(note.getLocation().getX()).isGreaterThan(from.getLocation().getX() + 200);
        assertThat(Math.abs(note.getLocation().getY() - from.getLocation().getY())).isLessThan(60);
        assertThat(note.getText()).contains("Picks the base image").contains("Warning:");
        assertThat(note.getAttribute("aria-hidden")).isEqualTo("true");
        js(driver, "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'}); scrollBy(0, -80)", block);
        screenshot(driver, "annotated-1280.png", java.nio.file.Path.of("docs/screenshots/annotated-1280.png"));
        // what a screen reader hears instead: the summary in the option's name
        assertThat(block.findElement(By.cssSelector(".explain-cue")).getAttribute("aria-label")).contains("Picks the base image");
        // clicking a note opens its full explanation
        click(driver, notes.get(2));
        waiting().until(d -> !activeLines(block).isEmpty());
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).isDisplayed()).isTrue();
        // keyboard: Space on the toggle turns it off; large type makes the code bigger
        WebElement annotated = tool(block, "annotated");
        annotated.sendKeys(Keys.SPACE);
        assertThat(annotated.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(notes.get(0).isDisplayed()).isFalse();
        String before = block.findElement(By.cssSelector(".explainer-code")).getCssValue("font-size");
        tool(block, "large").sendKeys(Keys.ENTER);
        assertThat(block.findElement(By.cssSelector(".explainer-code")).getCssValue("font-size")).isNotEqualTo(before);
        // print: the annotated view, then back
        js(driver, "window.dispatchEvent(new Event('beforeprint'))");
        assertThat(block.getAttribute("class")).contains("is-annotated");
        js(driver, "window.dispatchEvent(new Event('afterprint'))");
        assertThat(block.getAttribute("class")).doesNotContain("is-annotated");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void annotatedViewUnderTheLinesOnAPhone() throws Exception {
        driver = start(375, 740, true);
        driver.get(url("/lessons/overview"));
        WebElement block = block();
        WebElement toggle = tool(block, "annotated");
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", toggle);
        tap(driver, toggle);
        waiting().until(d -> "true".equals(toggle.getAttribute("aria-pressed")));
        WebElement line = block.findElement(By.cssSelector(".line[data-line='2']"));
        WebElement note = block.findElement(By.cssSelector(".annotation"));
        assertThat(note.getLocation().getY()).as("under its line").isGreaterThanOrEqualTo(line.getLocation().getY() + line.getSize().getHeight() - 1);
        assertThat((Boolean) js(driver, "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
        screenshot(driver, "annotated-375.png", java.nio.file.Path.of("docs/screenshots/annotated-375.png"));
    }

    @Test
    void stepsWalkThroughTheBuild() throws Exception {
        driver = start(1280, 900, false);
        driver.get(url("/lessons/overview"));
        WebElement block = block();
        click(driver, tool(block, "next"));
        click(driver, tool(block, "next"));
        assertThat(activeLines(block)).containsExactly(4, 5, 6); // the second instruction, with its comment
        assertThat(block.findElements(By.cssSelector(".explainer-instruction.is-built"))).hasSize(2);
        assertThat(block.findElements(By.cssSelector(".explainer-instruction.is-ahead"))).isNotEmpty();
        assertThat(live(block)).startsWith("Line 6, WORKDIR");
        tool(block, "previous").sendKeys(Keys.ENTER);
        assertThat(activeLines(block)).containsExactly(1, 2);
        click(driver, block.findElement(By.cssSelector(".panel-close")));
        assertThat(block.findElements(By.cssSelector(".explainer-instruction.is-ahead"))).isEmpty();
    }

    @Test
    void applyFixInALessonWithMouseThenBack() throws Exception {
        driver = start(1280, 900, false);
        driver.get(url("/lessons/overview"));
        click(driver, driver.findElement(By.cssSelector("#dockerfile-1 .line[data-line='24'] .line-code")));
        WebElement fix = driver.findElement(By.cssSelector("#dockerfile-1 [data-explainer-panel] li[data-rule='ShellWrapperEntrypoint'] .fix-preview"));
        assertThat(fix.findElement(By.cssSelector(".diff-del")).getText()).contains("[\"sh\", \"-c\"");
        assertThat(fix.findElement(By.cssSelector(".diff-add")).getText()).contains("[\"python\", \"manage.py\", \"runserver\", \"0.0.0.0:8025\"]");
        screenshot(driver, "apply-fix-1280.png", java.nio.file.Path.of("docs/screenshots/apply-fix-1280.png"));
        click(driver, fix.findElement(By.cssSelector(".fix-apply")));
        waiting().until(d -> d.findElement(By.id("dockerfile-1")).getAttribute("data-edited") != null
                && d.findElement(By.id("dockerfile-1")).getAttribute("class").contains("is-enhanced"));
        WebElement block = driver.findElement(By.id("dockerfile-1"));
        assertThat(block.findElement(By.cssSelector(".line[data-line='24']")).getText()).contains("ENTRYPOINT [\"python\"");
        // the explanation is for the edited file: the warning is gone, the line is still open
        assertThat(activeLines(block)).contains(24);
        assertThat(block.findElements(By.cssSelector("[data-explainer-panel] li[data-rule='ShellWrapperEntrypoint']"))).isEmpty();
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).getText()).contains("python runs directly as process 1");
        assertThat(live(block)).contains("Fix applied");
        assertThat(driver.switchTo().activeElement()).isEqualTo(block.findElement(By.cssSelector(".explainer-code")));
        click(driver, block.findElement(By.xpath(".//button[contains(., 'Back to the lesson')]")));
        waiting().until(d -> d.findElement(By.id("dockerfile-1")).getAttribute("data-edited") == null);
        assertThat(driver.findElement(By.cssSelector("#dockerfile-1 .line[data-line='24']")).getText()).contains("[\"sh\", \"-c\"");
        assertThat(driver.findElement(By.cssSelector("#dockerfile-1 .badge-flawed")).isDisplayed()).isTrue();
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void applyFixWithKeyboardAndTouch() throws Exception {
        driver = start(375, 740, true);
        driver.get(url("/lessons/overview"));
        WebElement line = driver.findElement(By.cssSelector("#dockerfile-1 .line[data-line='24'] .line-code"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", line);
        tap(driver, line);
        WebElement apply = driver.findElement(By.cssSelector("#dockerfile-1 [data-explainer-panel] .fix-apply"));
        js(driver, "arguments[0].scrollIntoView({block: 'nearest', behavior: 'instant'})", apply);
        assertThat(apply.getSize().getHeight()).isGreaterThanOrEqualTo(24);
        tap(driver, apply);
        waiting().until(d -> d.findElement(By.id("dockerfile-1")).getAttribute("data-edited") != null);
        assertThat(driver.findElement(By.cssSelector("#dockerfile-1 .line[data-line='24']")).getAttribute("textContent"))
                .contains("ENTRYPOINT [\"python\"");

        // the playground, by keyboard: Tab from the code into the panel reaches Apply fix; Enter applies it
        driver.quit();
        driver = start(1280, 900, false);
        driver.get(url("/playground"));
        WebElement editor = driver.findElement(By.cssSelector("[data-editor]"));
        js(driver, "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", editor,
                "FROM python:3.13-slim\nRUN pip install flask\nCMD python app.py\n");
        waiting().until(d -> d.findElements(By.cssSelector("#dockerfile-1 li[data-rule='PipNoCacheDir'][data-fix]")).size() == 1);
        WebElement code = driver.findElement(By.cssSelector("#dockerfile-1 .explainer-code"));
        js(driver, "arguments[0].focus()", code);
        code.sendKeys(Keys.ARROW_DOWN, Keys.ENTER); // the focus opens line 1; down to line 2, pin it
        WebElement button = waiting().until(d -> d.findElement(By.cssSelector("#dockerfile-1 [data-explainer-panel] .fix-apply")));
        assertThat(button.getAttribute("aria-label")).isEqualTo("Apply fix: pip no cache dir");
        for (int i = 0; i < 20 && !button.equals(driver.switchTo().activeElement()); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(button);
        button.sendKeys(Keys.ENTER);
        waiting().until(d -> ((String) js(d, "return document.querySelector('[data-editor]').value")).contains("pip install --no-cache-dir flask")
                && d.findElements(By.cssSelector("#dockerfile-1 li[data-rule='PipNoCacheDir']")).isEmpty()
                && d.findElements(By.cssSelector("#dockerfile-1 .line.is-active[data-line='2']")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("[data-status]")).getText()).contains("Fix applied");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void quizAnsweredByTheEngineWithKeyboardAndTouch() throws Exception {
        driver = start(1024, 768, false);
        driver.get(url("/lessons/layers-and-cache"));
        WebElement block = block();
        WebElement quizButton = tool(block, "quiz");
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", quizButton);
        quizButton.sendKeys(Keys.ENTER);
        WebElement quiz = waiting().until(d -> block.findElement(By.cssSelector(".explainer-quiz")));
        // Focus on the first choice (WebDriver gives HTML tag names in lower case: ask the page itself).
        waiting().until(d -> (Boolean) js(d, "return document.activeElement.matches('.explainer-quiz .quiz-choice input[type=radio]')"));
        assertThat(quizButton.getAttribute("aria-expanded")).isEqualTo("true");
        int questions = 0;
        boolean askedCache = false;
        boolean askedSignal = false;
        while (!quiz.findElements(By.cssSelector(".quiz-question")).isEmpty() && questions < 6) {
            String question = quiz.findElement(By.cssSelector("legend")).getText();
            askedCache |= question.contains("which steps run again");
            askedSignal |= question.contains("Which program receives it");
            driver.switchTo().activeElement().sendKeys(Keys.SPACE); // choose the first answer
            WebElement check = quiz.findElement(By.xpath(".//button[.='Check']"));
            check.sendKeys(Keys.ENTER);
            WebElement why = waiting().until(d -> quiz.findElement(By.cssSelector(".quiz-why")));
            assertThat(why.getAttribute("data-verdict")).isIn("Right", "Not quite");
            assertThat(quiz.findElements(By.cssSelector(".quiz-choice.is-correct"))).as(question + ": one right choice").hasSize(1);
            WebElement right = quiz.findElement(By.cssSelector(".quiz-choice.is-correct"));
            if (question.contains("which steps run again")) {
                // the engine's answer, as the lesson's own table has it for that file
                String file = question.replaceAll("^.*change (\\S+), which.*$", "$1");
                String rebuilt = (String) js(driver, "return document.querySelector('[data-cache-control] tr[data-file=\"' + arguments[0] + '\"]').getAttribute('data-rebuilt')", file);
                assertThat(right.getText()).isEqualTo((rebuilt.contains(" ") ? "Lines " : "Line ") + rebuilt.replace(" ", ", "));
            }
            if (question.contains("Which program receives it")) {
                assertThat(right.getText()).isEqualTo(block.getAttribute("data-pid1"));
            }
            driver.switchTo().activeElement().sendKeys(Keys.ENTER); // Next question
            questions++;
        }
        assertThat(askedCache).isTrue();
        assertThat(askedSignal).isTrue();
        assertThat(quiz.findElement(By.cssSelector(".quiz-result")).getText()).matches("You got \\d of " + questions + " right\\.");

        // touch: tap a choice and Check
        driver.quit();
        driver = start(375, 740, true);
        driver.get(url("/lessons/overview"));
        WebElement phoneQuiz = tool(block(), "quiz");
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", phoneQuiz);
        tap(driver, phoneQuiz);
        WebElement label = waiting().until(d -> d.findElement(By.cssSelector(".explainer-quiz .quiz-choice label")));
        settle(driver); // the quiz focuses its first choice, and the site's CSS scrolls there smoothly: a tap aims after it
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", label);
        tap(driver, label);
        WebElement check = driver.findElement(By.xpath("//section[contains(@class,'explainer-quiz')]//button[.='Check']"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", check);
        tap(driver, check);
        waiting().until(d -> !d.findElements(By.cssSelector(".explainer-quiz .quiz-why")).isEmpty());
        assertThat(consoleErrors(driver)).isEmpty();
    }
}
