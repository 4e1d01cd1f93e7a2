package io.dockertutorial.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
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
}
