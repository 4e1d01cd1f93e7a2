package io.dockertutorial.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Debian Chromium driven by the system chromedriver; nothing is downloaded. Subclasses are
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} tests; the browser they start is closed after each test.
 */
abstract class BrowserSupport {

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    protected int port;

    protected ChromeDriver driver;

    @org.junit.jupiter.api.AfterEach
    void quitBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    static ChromeDriver start(int width, int height, boolean touch) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String message = "Chromium or chromedriver is missing (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("chromium"),
                "--window-size=" + width + "," + height);
        if (touch) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver may take more than Selenium's 20 s to answer on a loaded machine.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }

    static List<String> consoleErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    static List<Integer> activeLines(WebElement block) {
        return block.findElements(By.cssSelector(".line.is-active")).stream()
                .map(e -> Integer.parseInt(e.getAttribute("data-line"))).toList();
    }

    static void screenshot(WebDriver driver, String name, Path... alsoTo) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path artifacts = Path.of("target", "screenshots");
        Files.createDirectories(artifacts);
        Files.copy(shot.toPath(), artifacts.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        // The README's pictures in docs/ are refreshed on request only (-Dscreenshots.update=true), so a
        // test run does not rewrite tracked files.
        if (Boolean.getBoolean("screenshots.update")) {
            for (Path p : alsoTo) {
                Files.createDirectories(p.getParent());
                Files.copy(shot.toPath(), p, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Hovers an element after centring it, so the sticky header never sits under the pointer. */
    static void hover(WebDriver driver, WebElement element) {
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        // Two moves: after scrolling, the pointer may already rest on the element, and a real hover is a move.
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(element, -element.getSize().getWidth() / 2 + 3, 0)
                .moveToElement(element).perform();
    }

    static void click(WebDriver driver, WebElement element) {
        js(driver, "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** A finger tap (touch pointer) on the element's centre; the caller scrolls it into view first. */
    static void tap(WebDriver driver, WebElement element) {
        org.openqa.selenium.interactions.PointerInput finger = new org.openqa.selenium.interactions.PointerInput(
                org.openqa.selenium.interactions.PointerInput.Kind.TOUCH, "finger");
        org.openqa.selenium.interactions.Sequence tap = new org.openqa.selenium.interactions.Sequence(finger, 0)
                .addAction(finger.createPointerMove(java.time.Duration.ZERO,
                        org.openqa.selenium.interactions.PointerInput.Origin.fromElement(element), 0, 0))
                .addAction(finger.createPointerDown(org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
        ((org.openqa.selenium.interactions.Interactive) driver).perform(List.of(tap));
    }

    /**
     * Whether the element's first line of text can be seen: inside the viewport and not covered by
     * anything (the sticky header, a bottom sheet). Checked where a reader would look, with elementFromPoint.
     */
    static boolean visible(WebDriver driver, WebElement element) {
        return Boolean.TRUE.equals(js(driver, """
                const e = arguments[0];
                const r = e.getClientRects()[0] || e.getBoundingClientRect();
                if (r.height === 0 || r.top < 0 || r.top + Math.min(r.height, 16) > window.innerHeight) return false;
                for (const x of [r.left + 4, r.left + r.width / 2]) {
                  const hit = document.elementFromPoint(Math.min(x, window.innerWidth - 2), r.top + Math.min(r.height / 2, 8));
                  if (hit && (e === hit || e.contains(hit))) return true;
                }
                return false;""", element));
    }

    static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * How long a test waits for a state before it fails: long enough for a loaded 2-core CI machine (a server
     * round trip, a frame that loads), and only ever spent when something is wrong.
     */
    static final Duration WAIT = Duration.ofSeconds(30);

    /** A wait that looks again when an element it read was replaced meanwhile (a re-render, a navigation). */
    static WebDriverWait waiting(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    /**
     * Waits until the page has finished reacting to what was just done: resize observers, animation frames
     * (the embed's panel placement), a smooth scroll (the site's CSS asks for one where motion is welcome).
     * Done when a few frames in a row changed neither the scroll position nor the page's size; a page that
     * never settles fails with the driver's script timeout.
     */
    static void settle(WebDriver driver) {
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                let last = null, same = 0;
                const tick = () => {
                  const r = document.documentElement.getBoundingClientRect();
                  const now = [scrollX, scrollY, r.width, r.height].join(' ');
                  same = now === last ? same + 1 : 0;
                  last = now;
                  if (same >= 2) done(true); else requestAnimationFrame(tick);
                };
                requestAnimationFrame(tick);""");
    }

    /**
     * Asserts what the page shows once it has caught up: runs the assertions until they pass (or the wait is
     * over, then fails with their last message). For state the browser updates on its own schedule, such as
     * its accessibility tree; the claim is the same, only read after the update rather than before it.
     */
    static void eventually(WebDriver driver, Runnable assertions) {
        AssertionError[] last = {null};
        try {
            waiting(driver).until(d -> {
                try {
                    assertions.run();
                    return true;
                } catch (AssertionError e) {
                    last[0] = e;
                    return false;
                }
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            if (last[0] != null) {
                throw last[0];
            }
            throw e;
        }
    }

    /**
     * Counts the page's calls to fetch from now on and remembers the body of the latest, so that a test can
     * tell the answer to the latest request from an earlier one. The playground explains a text 350 ms after
     * the last key: while a test types, it may have explained half of it, and that answer is already on the
     * page when the typing ends.
     */
    static void recordFetches(WebDriver driver) {
        js(driver, """
                if (window.__fetches) return;
                const record = window.__fetches = {pending: 0, latest: null};
                const original = window.fetch;
                window.fetch = function (url, options) {
                  record.pending++;
                  record.latest = options && typeof options.body === 'string' ? options.body : null;
                  // Counted as answered a task after the caller's own handlers have used the answer.
                  const answered = () => setTimeout(() => record.pending--, 0);
                  return original.apply(this, arguments).then(response => {
                    for (const read of ['text', 'json']) {
                      const body = response[read].bind(response);
                      response[read] = () => body().finally(answered);
                    }
                    return response;
                  }, error => { answered(); throw error; });
                };""");
    }

    /** Whether the latest fetch sent exactly this body and its answer has been handled ({@link #recordFetches}). */
    static boolean answered(WebDriver driver, String body) {
        return Boolean.TRUE.equals(js(driver,
                "const r = window.__fetches; return !!r && r.pending === 0 && r.latest === arguments[0]", body));
    }
}
