package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Quizzes, progress ticks, OS tabs, search and predict mode in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CourseBrowserTest extends BrowserSupport {




    private void open(String path) throws Exception {
        if (driver == null) {
            driver = start(1280, 900, false);
        }
        driver.get("http://localhost:" + port + path);
    }

    @Test
    void quizExplainsEveryChoiceAndRecordsProgress() throws Exception {
        open("/lessons/images-and-containers");
        WebElement quiz = driver.findElement(By.cssSelector("form[data-quiz]"));
        assertThat(quiz.findElement(By.cssSelector(".quiz-why")).isDisplayed()).isFalse();
        List<WebElement> questions = quiz.findElements(By.cssSelector("[data-question]"));
        // First try: one wrong answer.
        for (int q = 0; q < questions.size(); q++) {
            String wanted = q == 0 ? "false" : "true";
            click(driver, questions.get(q).findElement(By.cssSelector("input[data-correct=" + wanted + "]")));
        }
        click(driver, quiz.findElement(By.cssSelector("button[type=submit]")));
        assertThat(quiz.findElement(By.cssSelector(".quiz-result")).getText()).startsWith((questions.size() - 1) + " of " + questions.size());
        assertThat(questions.get(0).findElements(By.cssSelector(".quiz-choice.is-chosen-wrong"))).hasSize(1);
        assertThat(quiz.findElements(By.cssSelector(".quiz-why"))).allSatisfy(w -> assertThat(w.isDisplayed()).isTrue());
        // Then all right.
        click(driver, questions.get(0).findElement(By.cssSelector("input[data-correct=true]")));
        click(driver, quiz.findElement(By.cssSelector("button[type=submit]")));
        assertThat(quiz.findElement(By.cssSelector(".quiz-result")).getText()).contains("Well done");

        open("/");
        WebElement card = driver.findElement(By.cssSelector(".lesson-card[data-slug=images-and-containers]"));
        assertThat(card.getAttribute("class")).contains("is-visited").contains("is-passed");
        WebElement resume = driver.findElement(By.cssSelector("[data-continue]"));
        assertThat(resume.isDisplayed()).isTrue();
        assertThat(resume.findElement(By.tagName("a")).getAttribute("href")).endsWith("/lessons/ports-environment-commands");
        open("/lessons/overview");
        assertThat(driver.findElement(By.cssSelector(".sidebar [data-slug=images-and-containers]")).getAttribute("class"))
                .contains("is-visited");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    /** The label of the selected tab in a tab group, and whether that tab's panel (alone) is shown. */
    private static String selected(WebElement group) {
        String label = group.findElement(By.cssSelector("[role=tab][aria-selected=true]")).getText();
        for (WebElement panel : group.findElements(By.cssSelector("[role=tabpanel]"))) {
            assertThat(panel.isDisplayed()).as("panel " + panel.getAttribute("data-tab") + " with tab " + label + " selected")
                    .isEqualTo(label.equals(panel.getAttribute("data-tab")));
        }
        return label;
    }

    @Test
    void osTabsStayInSyncAcrossPages() throws Exception {
        // Lesson 4 has a group where one tab serves two systems ("Linux and macOS", "Windows PowerShell") and
        // a later one with a tab each (Linux, macOS, Windows PowerShell): the choice is a system, and every
        // group shows the tab that names it.
        open("/lessons/ports-environment-commands");
        WebElement shared = driver.findElement(By.cssSelector("[data-tabs]:has([role=tab][data-tab='Linux and macOS'])"));
        WebElement each = driver.findElement(By.cssSelector("[data-tabs]:has([role=tab][data-tab='macOS'])"));
        assertThat(selected(shared)).isEqualTo("Linux and macOS");
        assertThat(selected(each)).isEqualTo("Linux");

        click(driver, shared.findElement(By.cssSelector("[role=tab][data-tab='Windows PowerShell']")));
        assertThat(selected(shared)).isEqualTo("Windows PowerShell");
        assertThat(selected(each)).isEqualTo("Windows PowerShell");

        click(driver, each.findElement(By.cssSelector("[role=tab][data-tab='macOS']")));
        assertThat(selected(each)).isEqualTo("macOS");
        assertThat(selected(shared)).as("the tab that serves macOS too").isEqualTo("Linux and macOS");
        // Choosing the shared tab again keeps macOS, the system already chosen among the two.
        click(driver, shared.findElement(By.cssSelector("[role=tab][data-tab='Linux and macOS']")));
        assertThat(selected(each)).isEqualTo("macOS");

        click(driver, each.findElement(By.cssSelector("[role=tab][data-tab='Windows PowerShell']")));
        assertThat(selected(shared)).isEqualTo("Windows PowerShell");
        open("/lessons/volumes-and-bind-mounts");
        WebElement other = driver.findElement(By.cssSelector("[data-tabs]"));
        assertThat(selected(other)).as("remembered on the next page").isEqualTo("Windows PowerShell");
        other.findElement(By.cssSelector("[role=tab][aria-selected=true]")).sendKeys(Keys.ARROW_RIGHT);
        assertThat(selected(other)).isEqualTo("Linux");
        open("/lessons/ports-environment-commands");
        assertThat(selected(driver.findElement(By.cssSelector("[data-tabs]")))).isEqualTo("Linux and macOS");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void searchFromTheHeaderFindsAndHighlights() throws Exception {
        open("/lessons/overview");
        WebElement box = driver.findElement(By.cssSelector(".site-search input[name=q]"));
        box.sendKeys("multi-stage distroless", Keys.ENTER);
        // Enter submits the form: the results page comes with a navigation the key press does not wait for.
        List<WebElement> results = waiting(driver).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("[data-search-results] li"));
            return found.isEmpty() ? null : found;
        });
        assertThat(results.get(0).findElement(By.tagName("a")).getAttribute("href")).contains("/lessons/multi-stage-small-images");
        assertThat(driver.findElements(By.cssSelector("[data-search-results] mark"))).isNotEmpty();
    }

    @Test
    void predictModeAsksBeforeItExplains() throws Exception {
        open("/lessons/writing-a-dockerfile");
        WebElement block = driver.findElement(By.cssSelector("[data-explainer][data-predict]"));
        hover(driver, block.findElement(By.cssSelector(".line[data-line='2']")));
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        assertThat(panel.getText()).contains("What do you think this line does?").doesNotContain("Picks the base image");
        panel.findElement(By.cssSelector(".panel-predict button")).click();
        assertThat(panel.getText()).contains("Picks the base image");
    }
}
