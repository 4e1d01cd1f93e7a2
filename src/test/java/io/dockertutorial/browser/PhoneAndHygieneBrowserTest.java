package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page on a phone (no sideways scrolling at 320 px, the copy button clear of the code, the menu),
 * the playground's examples, and no layout shift from buttons that scripts reveal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneAndHygieneBrowserTest extends BrowserSupport {

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private List<String> everyPage() {
        driver.get(url("/"));
        List<String> pages = new ArrayList<>(List.of("/", "/playground", "/playground?example=go", "/search?q=docker",
                "/embed", "/embed/lessons/overview", "/embed/explain?dockerfile=FROM%20alpine%3A3.22%0ARUN%20apk%20add%20--no-cache%20curl",
                "/no-such-page", "/lessons/no-such-lesson"));
        driver.findElements(By.cssSelector(".lesson-card a")).forEach(a -> pages.add(a.getDomAttribute("href")));
        assertThat(pages).hasSizeGreaterThan(15);
        return pages;
    }

    @Test
    void noPageScrollsSidewaysAt320AndTheCopyButtonNeverCoversCode() throws Exception {
        driver = start(320, 640, true);
        for (String page : everyPage()) {
            driver.get(url(page));
            Object wider = js(driver, """
                    const W = document.documentElement.clientWidth;
                    if (document.documentElement.scrollWidth <= W) return null;
                    return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > W + 1)
                      .slice(0, 3).map(e => e.tagName + '.' + e.className + ' "' + e.textContent.slice(0, 60) + '"').join(', ');""");
            assertThat(wider).as(page + " scrolls sideways at 320 px").isNull();
            Object covered = js(driver, """
                    for (const button of document.querySelectorAll('.copy-button')) {
                      const b = button.getBoundingClientRect();
                      for (const code of button.parentElement.querySelectorAll('.line-code, .line')) {
                        const range = document.createRange();
                        range.selectNodeContents(code);
                        for (const r of range.getClientRects()) {
                          if (r.width > 0 && r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom)
                            return code.textContent;
                        }
                      }
                    }
                    return null;""");
            assertThat(covered).as(page + ": the copy button covers code").isNull();
        }
        assertThat(consoleErrors(driver)).allMatch(e -> e.contains("no-such-") && e.contains("status of 404"));
    }

    @Test
    void theMenuIsFullHeightWithThePageInertAndReachesPlaygroundAndSearchAtEveryWidth() throws Exception {
        for (int width : new int[]{320, 375, 768, 1024, 1280}) {
            if (driver != null) {
                driver.quit();
            }
            driver = start(width, 700, width < 1024);
            for (String page : List.of("/playground", "/lessons/overview")) {
                driver.get(url(page));
                WebElement toggle = driver.findElement(By.cssSelector(".nav-toggle"));
                WebElement playground;
                WebElement search;
                if (toggle.isDisplayed()) {
                    toggle.click();
                    WebElement menu = driver.findElement(By.id("site-menu"));
                    assertThat(menu.isDisplayed()).isTrue();
                    Number bottom = (Number) js(driver, "return arguments[0].getBoundingClientRect().bottom", menu);
                    Number top = (Number) js(driver, "return arguments[0].getBoundingClientRect().top", menu);
                    Number header = (Number) js(driver, "return document.querySelector('.site-header').getBoundingClientRect().bottom");
                    assertThat(bottom.intValue()).as("menu reaches the bottom at " + width).isEqualTo(700);
                    assertThat(top.doubleValue()).as("menu starts below the header").isBetween(header.doubleValue() - 1, header.doubleValue() + 1);
                    assertThat(js(driver, "return [...document.body.children].filter(c => !c.inert).map(c => c.tagName).join(' ')"))
                            .as("the page behind the menu is inert").isEqualTo("HEADER");
                    assertThat((Boolean) js(driver, "return document.elementFromPoint(innerWidth / 2, innerHeight - 5).closest('#site-menu') !== null"))
                            .as("the menu covers the page to the bottom").isTrue();
                    playground = menu.findElement(By.linkText("Playground"));
                    search = menu.findElement(By.cssSelector("input[type=search]"));
                    assertThat(playground.isDisplayed()).isTrue();
                    assertThat(search.isDisplayed()).isTrue();
                    search.sendKeys(Keys.ESCAPE);
                    assertThat(menu.isDisplayed()).isFalse();
                    assertThat(js(driver, "return document.activeElement === arguments[0]", toggle)).isEqualTo(true);
                    assertThat(js(driver, "return [...document.body.children].filter(c => c.inert).length")).isEqualTo(0L);
                } else {
                    playground = driver.findElement(By.cssSelector(".header-nav")).findElement(By.linkText("Playground"));
                    search = driver.findElement(By.id("site-search-q"));
                    assertThat(playground.isDisplayed()).as("Playground in the header at " + width).isTrue();
                    assertThat(search.isDisplayed()).as("search in the header at " + width).isTrue();
                }
            }
        }
    }

    @Test
    void choosingAnExampleKeepsTheLearnersTextWithAWayBack() throws Exception {
        driver = start(1280, 800, false);
        driver.get(url("/playground"));
        WebElement editor = driver.findElement(By.cssSelector("[data-editor]"));
        editor.clear();
        String mine = "FROM alpine:3.22\nRUN echo my own work";
        editor.sendKeys(mine);
        new Select(driver.findElement(By.cssSelector("[data-examples]"))).selectByValue("go");
        assertThat(editor.getDomProperty("value")).contains("golang");
        WebElement undo = driver.findElement(By.cssSelector("[data-undo-example]"));
        assertThat(undo.isDisplayed()).isTrue();
        click(driver, undo);
        assertThat(editor.getDomProperty("value")).isEqualTo(mine);
        assertThat(undo.isDisplayed()).isFalse();
    }

    @Test
    void scriptRevealedButtonsDoNotShiftTheLayout() throws Exception {
        for (String page : List.of("/lessons/overview", "/playground", "/")) {
            for (int width : new int[]{375, 1280}) {
                if (driver != null) {
                    driver.quit();
                }
                driver = start(width, 800, width < 1024);
                driver.get(url(page));
                // Shifts are recorded as frames are drawn: wait until the page has drawn and stopped moving,
                // then take every shift since it started (buffered), at once.
                settle(driver);
                Number shift = (Number) js(driver, """
                        const observer = new PerformanceObserver(() => {});
                        observer.observe({type: 'layout-shift', buffered: true});
                        return observer.takeRecords().filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0);""");
                assertThat(shift.doubleValue()).as("layout shift on " + page + " at " + width).isLessThan(0.01);
            }
        }
    }
}
