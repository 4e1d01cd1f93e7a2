package io.dockertutorial.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings of the UX audit of 2026-12-02 (design/ux-audit-2026-12-02.md), each at the widths it was
 * found at, measured the way the audit measured them (boxes, order, what is spoken).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplainerAuditBrowserTest extends BrowserSupport {

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement block() {
        return driver.findElement(By.cssSelector("[data-explainer]"));
    }

    private WebElement codeOf(WebElement block, int line) {
        return block.findElement(By.cssSelector(".line[data-line='" + line + "'] .line-code"));
    }

    private double number(String script, Object... args) {
        return ((Number) js(driver, script, args)).doubleValue();
    }

    private boolean noSidewaysScroll() {
        return (Boolean) js(driver, "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    /** 1. The panel fits the window, its title row and Close in view, and what is wrong comes first. */
    @ParameterizedTest(name = "{0}×{1} touch={2}, line {3}")
    @CsvSource({"1024, 768, false, 24", "1440, 900, false, 10", "1440, 900, false, 24", "768, 1024, true, 24"})
    void panelFitsTheWindowWithItsHeaderAndTheMistakeFirst(int width, int height, boolean touch, int line) throws Exception {
        driver = start(width, height, touch);
        driver.get(url("/lessons/overview"));
        WebElement block = block();
        WebElement code = codeOf(block, line);
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", code);
        if (touch) tap(driver, code); else click(driver, code);
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        waiting(driver).until(d -> panel.isDisplayed() && !activeLines(block).isEmpty());
        settle(driver); // measured where the panel ends up, after the page's resize observer placed it again
        double header = number("return document.querySelector('.site-header').getBoundingClientRect().bottom");
        double top = number("return arguments[0].getBoundingClientRect().top", panel);
        double bottom = number("return arguments[0].getBoundingClientRect().bottom", panel);
        assertThat(top).as("panel top below the header").isGreaterThanOrEqualTo(header - 1);
        assertThat(bottom).as("panel bottom inside the window").isLessThanOrEqualTo(height + 1);
        assertThat(visible(driver, block.findElement(By.cssSelector(".panel-bar .note-heading")))).as("title row in view").isTrue();
        assertThat(block.findElement(By.cssSelector(".panel-close")).isDisplayed()).isTrue();
        WebElement warning = block.findElement(By.cssSelector("[data-explainer-panel] .note-warnings li"));
        assertThat(visible(driver, warning)).as("the mistake is in view").isTrue();
        // summary → warnings → this instance → flags and commands → state
        assertThat((Boolean) js(driver, """
                const order = [...arguments[0].querySelectorAll('.panel-note > *')].map(e => e.className.split(' ')[0]);
                const at = c => order.indexOf(c);
                return at('note-summary') === 0 && at('note-warnings') === 1
                  && (at('note-explanation') < 0 || at('note-explanation') > 1)
                  && (at('note-state') < 0 || at('note-state') > at('note-warnings'));""", panel)).isTrue();
        assertThat(activeLines(block).stream().allMatch(n -> n <= line)).isTrue();
        assertThat(visible(driver, block.findElement(By.cssSelector(".line.is-active[data-head]")))).as("the line in view").isTrue();
        assertThat(noSidewaysScroll()).isTrue();
        assertThat(consoleErrors(driver)).isEmpty();
    }

    /** 2, 3, 6. Cache marks sit in the gutter; picking keeps the code in place; the control belongs to its figure. */
    @ParameterizedTest(name = "{0}×{1} touch={2}")
    @CsvSource({"1024, 768, false", "375, 740, true"})
    void changeAFileMarksInTheGutterKeepsTheCodeAndNamesItsFigure(int width, int height, boolean touch) throws Exception {
        driver = start(width, height, touch);
        driver.get(url("/lessons/layers-and-cache"));
        List<WebElement> controls = driver.findElements(By.cssSelector("[data-cache-control].is-enhanced"));
        assertThat(controls).isNotEmpty();
        for (WebElement control : controls) {
            WebElement figure = control.findElement(By.xpath("ancestor::figure[1]"));
            assertThat(figure.getAttribute("id")).as("inside the figure it changes").isEqualTo(control.getAttribute("data-for"));
            String title = (String) js(driver, "return arguments[0].querySelector('.code-title').firstChild.data.trim()", figure);
            assertThat(control.findElement(By.cssSelector(".cache-control-title")).getText()).contains(title);
            assertThat(number("return arguments[0].getBoundingClientRect().top", control))
                    .as("between the title and the code").isLessThan(number(
                            "return arguments[0].querySelector('.explainer-code').getBoundingClientRect().top", figure));
        }
        WebElement control = controls.get(0);
        WebElement figure = control.findElement(By.xpath("ancestor::figure[1]"));
        WebElement pill = control.findElement(By.cssSelector("input[value='app.py']")).findElement(By.xpath(".."));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", pill);
        double before = number("return arguments[0].querySelector('.line[data-line=\"1\"]').getBoundingClientRect().top", figure);
        boolean markedInView = visible(driver, figure.findElement(By.cssSelector(".line[data-line='3'] .line-code")));
        if (touch) tap(driver, pill); else click(driver, pill);
        waiting(driver).until(d -> !figure.findElements(By.cssSelector(".cache-mark")).isEmpty());
        settle(driver);
        double after = number("return arguments[0].querySelector('.line[data-line=\"1\"]').getBoundingClientRect().top", figure);
        if (markedInView) { // else the page brings the first marked line into view, as it should
            assertThat(Math.abs(after - before)).as("the Dockerfile stays where it is on the screen").isLessThan(2);
        }
        // Each mark is in the gutter, whole, and covers no code.
        assertThat((Boolean) js(driver, """
                return [...arguments[0].querySelectorAll('.cache-mark')].every(m => {
                  const r = m.getBoundingClientRect(), c = m.parentNode.querySelector('.line-code').getClientRects()[0];
                  return r.right <= c.left && m.scrollWidth <= m.clientWidth + 1 && r.height >= 16;
                });""", figure)).isTrue();
        assertThat(control.findElement(By.cssSelector(".cache-result")).getText()).contains("3 steps run again (lines 3, 4, 5)");
        assertThat(visible(driver, figure.findElement(By.cssSelector(".line.cache-rebuilt")))).as("first rebuilt line in view").isTrue();
        assertThat(noSidewaysScroll()).isTrue();
        assertThat(consoleErrors(driver)).isEmpty();
    }

    /** 3. With 22 files the control is one list, not two screens of pills. */
    @Test
    void manyFilesMakeOneCompactList() throws Exception {
        driver = start(375, 740, true);
        driver.get(url("/lessons/fixing-the-overview"));
        List<WebElement> controls = driver.findElements(By.cssSelector("[data-cache-control].is-enhanced"));
        assertThat(controls).isNotEmpty();
        for (WebElement control : controls) {
            assertThat(control.getSize().getHeight()).as("compact on a phone").isLessThan(320);
            assertThat(control.findElements(By.cssSelector("select.cache-list optgroup"))).as("grouped by folder").isNotEmpty();
        }
        assertThat(noSidewaysScroll()).isTrue();
    }

    /** 4. Lines wrap between words only, with a continuation mark; the TOC gives the code its column. */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"375, 667, true", "768, 1024, true", "1024, 768, false", "1440, 900, false"})
    void codeWrapsOnlyBetweenWords(int width, int height, boolean touch) throws Exception {
        driver = start(width, height, touch);
        for (String page : List.of("/lessons/overview", "/lessons/layers-and-cache")) {
            driver.get(url(page));
            settle(driver); // the continuation marks follow the layout in a resize observer
            // every word of the code is on one row (a word wider than the row would scroll, not break)
            Object broken = js(driver, """
                    const bad = [];
                    for (const code of document.querySelectorAll('.explainer-code .line-code')) {
                      const text = code.textContent, walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
                      const range = document.createRange();
                      let node, offset = 0;
                      while ((node = walker.nextNode())) {
                        const re = /\\S+/g; let m;
                        while ((m = re.exec(node.data))) {
                          range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                          const rows = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                          if (rows.size > 1 && range.getBoundingClientRect().width < code.parentNode.clientWidth * 0.6) bad.push(m[0]);
                        }
                      }
                    }
                    return bad.join(' ');""");
            assertThat((String) broken).as(page + " at " + width + ": words broken in the middle").isEmpty();
            assertThat((Boolean) js(driver, """
                    return [...document.querySelectorAll('.explainer-code .line')].every(l =>
                      l.classList.contains('is-wrapped') === (l.offsetHeight > parseFloat(getComputedStyle(l).lineHeight) * 1.5)
                      && (!l.classList.contains('is-wrapped') || getComputedStyle(l, '::after').content.includes('\u21AA')));"""))
                    .as("wrapped lines carry the continuation mark").isTrue();
            assertThat(noSidewaysScroll()).isTrue();
        }
        if (width >= 1440) {
            driver.get(url("/lessons/overview"));
            assertThat(driver.findElement(By.cssSelector(".line[data-line='1']")).getAttribute("class")).doesNotContain("is-wrapped");
        }
    }

    /** 5. The hint and the legend come before the code; the gutter holds warnings only. */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"375, 667, true", "1024, 768, false"})
    void hintAndLegendBeforeTheCode(int width, int height, boolean touch) throws Exception {
        driver = start(width, height, touch);
        driver.get(url("/lessons/overview"));
        WebElement block = block();
        WebElement hint = block.findElement(By.cssSelector(".explainer-hint"));
        assertThat(hint.isDisplayed()).isTrue();
        assertThat(hint.getText()).contains("Point at a line").contains("marks a mistake");
        assertThat(hint.getLocation().getY()).isLessThan(block.findElement(By.cssSelector(".explainer-code")).getLocation().getY());
        assertThat((Boolean) js(driver, """
                return [...arguments[0].querySelectorAll('.line:not(.is-active):not(.is-hovered) .explain-cue')]
                  .every(c => getComputedStyle(c).opacity === '0');""", block)).as("no dot on every line").isTrue();
    }

    /** 7. Predict, then reveal: nothing names the answer before the learner asks for it. */
    @Test
    void predictThenRevealKeepsTheAnswerForLater() throws Exception {
        driver = start(1024, 768, false);
        driver.get(url("/lessons/writing-a-dockerfile"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer][data-predict]"));
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));
        String summary = (String) js(driver, "return arguments[0].querySelector('.explainer-note .note-summary').textContent", block);
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].focus()", code);
        code.sendKeys(Keys.HOME);
        WebElement live = block.findElement(By.cssSelector("[role=status]"));
        assertThat(live.getAttribute("textContent")).contains("Predict first").doesNotContain(summary);
        String active = code.getAttribute("aria-activedescendant");
        assertThat(driver.findElement(By.id(active)).getAttribute("aria-label")).doesNotContain(summary);
        code.sendKeys(Keys.ENTER); // pins
        code.sendKeys(Keys.ENTER); // reveals
        waiting(driver).until(d -> live.getAttribute("textContent").contains(summary));
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel] .note-summary")).getText()).isEqualTo(summary);
    }

    /** 8. Every flag and command is a finger-sized target on touch screens. */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"320, 640", "375, 667"})
    void touchTargetsAreAtLeast24Pixels(int width, int height) throws Exception {
        driver = start(width, height, true);
        for (String page : List.of("/lessons/overview", "/playground?example=go")) {
            driver.get(url(page));
            settle(driver);
            // A flag written across highlighting tokens is several spans of one part: measured together, per row.
            Object small = js(driver, """
                    const boxes = new Map();
                    for (const e of document.querySelectorAll('.explainer-code .part, .explainer-tools .tool, .panel-close')) {
                      const key = e.getAttribute('data-part') || e.textContent;
                      for (const r of e.getClientRects()) {
                        const id = key + '@' + Math.round(r.top), b = boxes.get(id);
                        boxes.set(id, b ? {l: Math.min(b.l, r.left), r: Math.max(b.r, r.right), h: Math.max(b.h, r.height), n: b.n}
                          : {l: r.left, r: r.right, h: r.height, n: e.getClientRects().length});
                      }
                    }
                    return [...boxes].filter(([, b]) => b.h < 24 || (b.r - b.l < 24 && b.n === 1))
                      .map(([id, b]) => id + ' ' + Math.round(b.r - b.l) + 'x' + Math.round(b.h));""");
            assertThat((List<?>) small).as(page + " at " + width).isEmpty();
        }
    }

    /** 9. The phone sheet opens at a peek height with its title row kept, and can grow. */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"320, 640", "375, 740"})
    void sheetKeepsItsTitleRowAndCanGrow(int width, int height) throws Exception {
        driver = start(width, height, true);
        driver.get(url("/lessons/overview"));
        WebElement block = block();
        WebElement command = block.findElement(By.cssSelector(".line[data-line='10'] .part"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", command);
        tap(driver, command);
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        waiting(driver).until(d -> panel.isDisplayed());
        settle(driver);
        assertThat(panel.getSize().getHeight()).as("a peek, not half the screen").isLessThanOrEqualTo((int) (height * 0.42));
        assertThat(visible(driver, block.findElement(By.cssSelector(".panel-bar .note-heading")))).as("Line 10 · RUN in view").isTrue();
        assertThat(visible(driver, block.findElement(By.cssSelector("[data-explainer-panel] .note-part.is-current")))).isTrue();
        WebElement grow = block.findElement(By.cssSelector(".panel-grow"));
        tap(driver, grow);
        waiting(driver).until(d -> "true".equals(grow.getAttribute("aria-expanded")));
        settle(driver);
        assertThat(panel.getSize().getHeight()).isGreaterThan((int) (height * 0.5));
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).getText()).contains("INSIDE THIS COMMAND");
        assertThat(noSidewaysScroll()).isTrue();
        // 13. The header stays one row at 320 px.
        assertThat(driver.findElement(By.cssSelector(".site-header")).getSize().getHeight()).isLessThan(60);
    }

    /** 11. The playground's editor (with line numbers) and its explanation side by side on a wide screen. */
    @Test
    void playgroundEditorBesideItsExplanation() throws Exception {
        driver = start(1440, 900, false);
        driver.get(url("/playground?example=go"));
        WebElement editor = driver.findElement(By.cssSelector("[data-editor]"));
        WebElement result = driver.findElement(By.cssSelector("[data-result] [data-explainer]"));
        assertThat(result.getLocation().getX()).isGreaterThan(editor.getLocation().getX() + editor.getSize().getWidth() - 1);
        assertThat(result.getLocation().getY()).as("above the fold").isLessThan(900);
        long lines = ((String) js(driver, "return arguments[0].value", editor)).split("\n", -1).length;
        assertThat(driver.findElement(By.cssSelector("[data-editor-lines]")).getAttribute("textContent").split("\n")).hasSize((int) lines);
    }

    /** 13. Tags are not split by number colours; search snippets hold lesson text, not buttons. */
    @Test
    void polish() throws Exception {
        driver = start(1024, 768, false);
        driver.get(url("/lessons/overview"));
        assertThat(driver.findElements(By.cssSelector(".line[data-line='2'] .tok-number"))).isEmpty();
        driver.get(url("/search?q=cache"));
        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(text).doesNotContain("Change a file:").doesNotContain("Copy Every").doesNotContain("Quiz me");
        assertThat(driver.findElement(By.id("site-search-q")).getAttribute("placeholder")).isEqualTo("Search");
    }
}
