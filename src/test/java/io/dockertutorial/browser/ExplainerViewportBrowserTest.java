package io.dockertutorial.browser;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The explainer where people read it: line and explanation in view together at every width (tap and
 * keyboard), focus that never falls to the page, the accessibility tree, each flag and command.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExplainerViewportBrowserTest extends BrowserSupport {

    static Stream<Arguments> widths() {
        return Stream.of(arguments(320, 640), arguments(375, 667), arguments(768, 1024), arguments(1024, 768),
                arguments(1280, 800));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebElement line(WebElement block, int n) {
        return block.findElement(By.cssSelector(".line[data-line='" + n + "']"));
    }

    private WebElement focused() {
        return (WebElement) js(driver, "return document.activeElement");
    }

    /** The active instruction's first code line, its last line and the explanation's summary can all be seen. */
    private void assertInView(WebElement block, String after) {
        settle(driver); // what the reader sees once the page has moved (and the panel with it)
        List<WebElement> active = block.findElements(By.cssSelector(".line.is-active"));
        assertThat(active).as(after + ": an instruction is active").isNotEmpty();
        WebElement head = block.findElement(By.cssSelector(".line.is-active[data-head]"));
        assertThat(visible(driver, head)).as(after + ": the active line " + head.getAttribute("data-line") + " is in view").isTrue();
        assertThat(visible(driver, active.get(active.size() - 1))).as(after + ": the instruction's last line is in view").isTrue();
        // An instruction that fits between the header and the window's bottom (or the sheet) shows whole: the
        // last row of a wrapped last line too, not only its first row.
        assertThat((String) js(driver, """
                const first = arguments[0].getBoundingClientRect(), last = arguments[1].getBoundingClientRect();
                const header = document.querySelector('.site-header').getBoundingClientRect().bottom;
                const sheet = document.querySelector('.is-sheet-open [data-explainer-panel]');
                const limit = sheet ? sheet.getBoundingClientRect().top : innerHeight;
                return last.bottom - first.top > limit - header || last.bottom <= limit + 0.5 ? ''
                  : 'its bottom ' + last.bottom + ' is below ' + limit;""", active.get(0), active.get(active.size() - 1)))
                .as(after + ": the whole instruction is in view").isEmpty();
        // The explanation of what was tapped: the instruction's summary, or the entry of the flag or command.
        List<WebElement> part = block.findElements(By.cssSelector("[data-explainer-panel] .note-part.is-current"));
        WebElement text = part.isEmpty()
                ? block.findElement(By.cssSelector("[data-explainer-panel] .panel-note .note-summary")) : part.get(0);
        assertThat(visible(driver, text)).as(after + ": the explanation is in view " + js(driver, """
                const r = arguments[0].getBoundingClientRect(), p = arguments[1].getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + 4, r.top + 8);
                return JSON.stringify({text: [r.left, r.top, r.bottom], panel: [p.top, p.bottom, arguments[1].scrollTop],
                  view: innerHeight, hit: hit && (hit.tagName + '.' + hit.className)});""",
                text, block.findElement(By.cssSelector("[data-explainer-panel]")))).isTrue();
    }

    @ParameterizedTest(name = "{0}×{1}")
    @MethodSource("widths")
    void lineAndExplanationStayInViewAfterTapsAndKeys(int width, int height) throws Exception {
        driver = start(width, height, true);
        driver.get(url("/lessons/overview"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));

        // A line low on the screen, where a bottom sheet would cover it unless the page moves.
        for (int n : new int[]{10, 19, 2, 24}) {
            // As low as it can be seen: just above the bottom sheet when one is open.
            js(driver, """
                    const sheet = document.querySelector('.is-sheet-open [data-explainer-panel]');
                    const bottom = sheet ? sheet.getBoundingClientRect().top : window.innerHeight;
                    window.scrollBy({top: arguments[0].getBoundingClientRect().bottom - bottom + 12, behavior: 'instant'});""",
                    line(block, n));
            tap(driver, line(block, n));
            assertThat(activeLines(block)).as("tap on line " + n).contains(n);
            assertInView(block, width + " px, tap on line " + n);
            WebElement close = block.findElement(By.cssSelector(".panel-close"));
            assertThat(close.isDisplayed()).as("a visible close control").isTrue();
        }
        // A second tap on the pinned line closes it.
        tap(driver, block.findElement(By.cssSelector(".line[data-line='24'] .line-code")));
        assertThat(activeLines(block)).as("second tap closes").isEmpty();

        js(driver, "window.scrollTo({top: 0, behavior: 'instant'}); arguments[0].focus()", code);
        Keys[] keys = {Keys.END, Keys.HOME, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER,
                Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP};
        for (Keys key : keys) {
            code.sendKeys(key);
            assertInView(block, width + " px, key " + key.name());
        }
        code.sendKeys(Keys.ESCAPE);
        assertThat(activeLines(block)).isEmpty();
        assertThat(focused()).isEqualTo(code);
        assertThat((Boolean) js(driver, "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as("no sideways scrolling at " + width + " px").isTrue();
        screenshot(driver, "explainer-" + width + ".png");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void focusNeverFallsToThePage() throws Exception {
        driver = start(1280, 800, false);
        driver.get(url("/lessons/overview"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        js(driver, "arguments[0].focus()", code);
        code.sendKeys(Keys.END, Keys.ENTER);
        assertThat(activeLines(block)).containsExactly(22, 23, 24);

        // Enter on the panel's "Line N · X" link: the line stays pinned and focus goes back to the code.
        panel.findElement(By.cssSelector(".panel-bar .note-heading a")).sendKeys(Keys.ENTER);
        assertThat(focused()).isEqualTo(code);
        assertThat(activeLines(block)).containsExactly(22, 23, 24);
        assertThat(driver.getCurrentUrl()).endsWith("#dockerfile-1-L24");

        // Escape inside the panel closes it and returns to the code.
        panel.findElement(By.cssSelector(".panel-note .note-docs a")).sendKeys(Keys.ESCAPE);
        assertThat(activeLines(block)).isEmpty();
        assertThat(focused()).isEqualTo(code);

        // The Close button likewise.
        code.sendKeys(Keys.ENTER);
        assertThat(activeLines(block)).isNotEmpty();
        click(driver, panel.findElement(By.cssSelector(".panel-close")));
        assertThat(activeLines(block)).isEmpty();
        assertThat(focused()).isEqualTo(code);
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void revealInPredictModeKeepsFocusOnTheExplanation() throws Exception {
        driver = start(1280, 800, false);
        driver.get(url("/lessons/writing-a-dockerfile"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer][data-predict]"));
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        js(driver, "arguments[0].focus()", code);
        code.sendKeys(Keys.ENTER);
        panel.findElement(By.cssSelector(".panel-predict button")).sendKeys(Keys.ENTER);
        assertThat(panel.getText()).doesNotContain("What do you think").contains("Declares a build argument");
        assertThat((Boolean) js(driver, "return arguments[0].contains(document.activeElement)", panel))
                .as("focus stays in the panel, on the explanation it revealed").isTrue();
        assertThat(focused().getTagName()).isNotEqualTo("body");
    }

    @Test
    void screenReadersGetAListboxWithTheActiveInstructionAndEachFlag() throws Exception {
        driver = start(1280, 800, false);
        driver.get(url("/playground?example=go"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));
        assertThat(code.getAriaRole()).isEqualTo("listbox");
        assertThat(code.getAccessibleName()).contains("instructions");
        js(driver, "arguments[0].focus()", code);
        code.sendKeys(Keys.HOME, Keys.ARROW_DOWN);
        WebElement option = driver.findElement(By.id(code.getAttribute("aria-activedescendant")));
        assertThat(option.getAriaRole()).isEqualTo("option");
        assertThat(option.getAccessibleName()).startsWith("Line 3: FROM").contains("golang");
        assertThat(option.getAttribute("aria-selected")).isEqualTo("true");
        WebElement live = block.findElement(By.cssSelector("[role=status]"));
        assertThat(live.getAttribute("textContent")).startsWith("Line 3, FROM.").contains("base image");

        code.sendKeys(Keys.ARROW_RIGHT);
        WebElement flag = driver.findElement(By.id(code.getAttribute("aria-activedescendant")));
        assertThat(flag.getAriaRole()).isEqualTo("option");
        assertThat(flag.getAccessibleName()).startsWith("--platform=$BUILDPLATFORM");
        assertThat(flag.getAttribute("class")).contains("is-current");
        assertThat(live.getAttribute("textContent")).startsWith("--platform");
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel] .note-part.is-current")).getText())
                .startsWith("--platform");

        // The same through Chromium's accessibility tree (which the browser updates after the page, in its own time).
        eventually(driver, () -> assertThat(axTree()).anyMatch(n -> n.matches("listbox: Dockerfile, \\d+ instructions"))
                .anyMatch(n -> n.startsWith("option: Line 3: FROM"))
                .anyMatch(n -> n.startsWith("option: --platform=$BUILDPLATFORM"))
                .anyMatch(n -> n.startsWith("option: --mount=type=cache,target=/go/pkg/mod"))
                .anyMatch(n -> n.startsWith("option: go mod download")));

        // Warnings are exposed in the instruction's name (the "!" markers say the same to the eye).
        driver.get(url("/lessons/overview"));
        // Audit finding 12: the keyword once, and the warnings by topic, not as a count.
        eventually(driver, () -> assertThat(axTree()).contains("option: Line 2: FROM python:3.9-slim. 2 warnings: end of life image, no user.")
                .anyMatch(n -> n.startsWith("option: Line 10: RUN python -m pip install") && n.endsWith("1 warning: file not copied yet."))
                .contains("region: Explanation of Dockerfile"));
    }

    @SuppressWarnings("unchecked")
    private List<String> axTree() {
        Map<String, Object> result = driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of());
        List<String> nodes = new ArrayList<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) result.get("nodes")) {
            Map<String, Object> role = (Map<String, Object>) node.get("role");
            Map<String, Object> name = (Map<String, Object>) node.get("name");
            if (role != null && name != null && !Boolean.TRUE.equals(node.get("ignored"))) {
                nodes.add(role.get("value") + ": " + name.get("value"));
            }
        }
        return nodes;
    }

    @Test
    void eachFlagAndCommandHighlightsItsOwnSpanAndEntry() throws Exception {
        // Wide enough for the panel beside the code (hover previews); narrower, it opens as a sheet on a click.
        driver = start(1440, 900, false);
        driver.get(url("/playground?example=go"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        List<WebElement> mount = block.findElements(By.cssSelector(".line[data-line='10'] .part"));
        assertThat(mount).isNotEmpty();
        hover(driver, mount.get(0));
        assertThat(activeLines(block)).containsExactly(10, 11);
        assertThat(String.join("", block.findElements(By.cssSelector(".part.is-current")).stream()
                .map(e -> e.getAttribute("textContent")).toList())).isEqualTo("--mount=type=cache,target=/root/.cache/go-build");
        assertThat(panel.findElement(By.cssSelector(".note-part.is-current")).getText()).startsWith("--mount=type=cache");

        // The command starts at the program: the leading CGO_ENABLED=0 GOOS=… GOARCH=… assignments set its
        // environment and are not part of it (the engine's span, as in PartSpansTest).
        hover(driver, block.findElement(By.cssSelector(".line[data-line='11'] .part")));
        assertThat(String.join("", block.findElements(By.cssSelector(".part.is-current")).stream()
                .map(e -> e.getAttribute("textContent")).toList())).isEqualTo("go build -o /out/server ./cmd/server");
        assertThat(panel.findElement(By.cssSelector(".note-part.is-current")).getText())
                .startsWith("go build -o /out/server ./cmd/server").contains("Compiles the Go program");

        // Keyboard: right and left move between the parts of the focused instruction.
        WebElement code = block.findElement(By.cssSelector(".explainer-code"));
        js(driver, "arguments[0].focus()", code);
        code.sendKeys(Keys.HOME);
        for (int i = 0; i < 4; i++) {
            code.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(activeLines(block)).containsExactly(6);
        code.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(panel.findElement(By.cssSelector(".note-part.is-current")).getText()).startsWith("go mod download");
        code.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertThat(block.findElements(By.cssSelector(".part.is-current"))).isEmpty();
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void noSeriousAccessibilityViolationsWithTheSheetOpenOrAFlagSelected() throws Exception {
        driver = start(375, 667, true);
        driver.get(url("/lessons/overview"));
        WebElement block = driver.findElement(By.cssSelector("[data-explainer]"));
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", line(block, 10));
        tap(driver, line(block, 10));
        assertThat(serious()).as("bottom sheet open").isEmpty();
        driver.quit();
        driver = start(1280, 800, false);
        driver.get(url("/playground?example=go"));
        WebElement code = driver.findElement(By.cssSelector(".explainer-code"));
        js(driver, "arguments[0].focus()", code);
        code.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_RIGHT, Keys.ENTER);
        assertThat(serious()).as("a flag selected and pinned").isEmpty();
    }

    private List<String> serious() {
        return new AxeBuilder().analyze(driver).getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Rule::getId).toList();
    }
}
