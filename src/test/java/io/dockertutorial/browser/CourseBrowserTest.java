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

    @Test
    void osTabsStayInSyncAcrossPages() throws Exception {
        open("/lessons/ports-environment-commands");
        WebElement tabs = driver.findElement(By.cssSelector("[data-tabs]"));
        WebElement powershell = tabs.findElement(By.cssSelector("[role=tab][data-tab='Windows PowerShell']"));
        click(driver, powershell);
        assertThat(powershell.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(tabs.findElement(By.cssSelector("[role=tabpanel][data-tab='Windows PowerShell']")).isDisplayed()).isTrue();
        assertThat(tabs.findElement(By.cssSelector("[role=tabpanel][data-tab='Linux']")).isDisplayed()).isFalse();
        open("/lessons/volumes-and-bind-mounts");
        WebElement other = driver.findElement(By.cssSelector("[data-tabs]"));
        assertThat(other.findElement(By.cssSelector("[role=tab][aria-selected=true]")).getText()).isEqualTo("Windows PowerShell");
        other.findElement(By.cssSelector("[role=tab][aria-selected=true]")).sendKeys(Keys.ARROW_RIGHT);
        assertThat(other.findElement(By.cssSelector("[role=tab][aria-selected=true]")).getText()).isEqualTo("Linux");
    }

    @Test
    void searchFromTheHeaderFindsAndHighlights() throws Exception {
        open("/lessons/overview");
        WebElement box = driver.findElement(By.cssSelector(".site-search input[name=q]"));
        box.sendKeys("multi-stage distroless", Keys.ENTER);
        List<WebElement> results = driver.findElements(By.cssSelector("[data-search-results] li"));
        assertThat(results).isNotEmpty();
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
