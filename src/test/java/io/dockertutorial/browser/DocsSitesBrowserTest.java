package io.dockertutorial.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The example sites under integrations/, built with the real tools (Docusaurus 3 from npm; Debian's mkdocs and
 * mkdocs-material) against this server, served from another origin and used in Chromium as a reader would:
 * explainers on the first page and after client-side navigation, no hydration error, the dark toggle followed,
 * frames exactly as tall as their content. .ci/run installs the tools; without them these tests skip, except
 * under CI=true where they fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocsSitesBrowserTest extends BrowserSupport {

    static final Path INTEGRATIONS = Path.of("integrations");
    static final Path OUT = Path.of("target", "docs-sites");

    HttpServer site;

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.stop(0);
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static void require(boolean present, String message) {
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }

    static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }


    /** Runs a build tool; its output goes to target/docs-sites/NAME.log and is shown when it fails. */
    static void run(String name, Path dir, Map<String, String> env, String... command) throws Exception {
        Files.createDirectories(OUT);
        Path log = OUT.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(name + " took longer than 10 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            String output = Files.readString(log);
            fail(name + " failed (exit " + process.exitValue() + "):\n" + output.substring(Math.max(0, output.length() - 4000)));
        }
    }

    /** Serves a built site as a static host would, on 127.0.0.1 (the app is on localhost: two origins). */
    private String serve(Path root) throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                file = root.resolve("404.html");
                status = 404;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".css") ? "text/css" : name.endsWith(".svg") ? "image/svg+xml"
                    : name.endsWith(".json") ? "application/json" : name.endsWith(".xml") ? "application/xml"
                    : "application/octet-stream";
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        return "http://127.0.0.1:" + site.getAddress().getPort() + "/";
    }

    private List<WebElement> readyFrames(String selector, int count) {
        // Frames of the page being left may vanish while they are looked at (client-side navigation).
        return waiting().withMessage(count + " ready frames " + selector)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            List<WebElement> frames = d.findElements(By.cssSelector(selector));
            return frames.size() == count && frames.stream().allMatch(f -> Frames.ready(d, f)) ? frames : null;
        });
    }

    private String frameText(WebElement frame) {
        driver.switchTo().frame(frame);
        try {
            return waiting().until(d -> d.findElement(By.cssSelector("[data-explainer] .explainer-code"))).getText();
        } finally {
            driver.switchTo().defaultContent();
        }
    }

    private void themeIs(String theme, List<WebElement> frames) {
        for (WebElement frame : frames) {
            waiting().withMessage("frame theme " + theme).until(d -> theme.equals(Frames.theme(d, frame)));
        }
    }

    private void noErrorsInTheConsole() {
        assertThat(consoleErrors(driver)).as("console (a hydration error shows as Minified React error #418)").isEmpty();
    }

    private void clickLink(String text) {
        WebElement link = waiting().until(d -> d.findElements(By.linkText(text)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
        click(driver, link);
    }

    @Test
    void docusaurusExampleSite() throws Exception {
        Path example = INTEGRATIONS.resolve("docusaurus/example");
        require(onPath("node"), "Node.js 20+ is missing: the Docusaurus example cannot be built (.ci/run installs it)");
        require(Files.isDirectory(example.resolve("node_modules/@docusaurus/core")),
                "Docusaurus is not installed: run `npm ci` in " + example + " (.ci/run does)");
        Path out = OUT.resolve("docusaurus").toAbsolutePath();
        run("docusaurus-build", example, Map.of("DOCKER_TUTORIAL_URL", "http://localhost:" + port),
                "node", "node_modules/@docusaurus/core/bin/docusaurus.mjs", "build", "--out-dir", out.toString());
        String url = serve(out);
        driver = start(1280, 900, false);

        // First page: a ```dockerfile explain fence, converted at build time; the text is intact.
        driver.get(url);
        List<WebElement> frames = readyFrames(".dockerfile-explainer-embed iframe", 1);
        assertThat(driver.findElement(By.cssSelector(".dockerfile-explainer-source")).isDisplayed()).isFalse();
        Frames.fitsItsContent(driver, frames.get(0));
        assertThat(frameText(frames.get(0))).contains("# Install curl in one layer", "RUN <<EOF", "WORKDIR ${APP_HOME}",
                "COPY *.txt ./", "rm -rf /var/lib/apt/lists/*");
        assertThat(Frames.theme(driver, frames.get(0))).isEqualTo("light");
        js(driver, "window.__sameDocument = true");

        // Client-side navigation (the sidebar), then a page with the component and a raw <pre> in MDX.
        clickLink("Multi-stage builds");
        waiting().until(d -> d.getCurrentUrl().contains("/multi-stage"));
        Frames.fitsItsContent(driver, readyFrames(".dockerfile-explainer-embed iframe", 1).get(0));
        clickLink("The component by hand");
        waiting().until(d -> d.getCurrentUrl().contains("/by-hand"));
        frames = readyFrames("iframe.dockerfile-explain-frame", 2);
        frames.forEach(f -> Frames.fitsItsContent(driver, f));
        assertThat(frameText(frames.get(0))).contains("ENV NODE_ENV=production");
        assertThat(frameText(frames.get(1))).contains("FROM nginx:1.27-alpine");
        assertThat(js(driver, "return window.__sameDocument")).isEqualTo(true);

        // The dark toggle: frames follow without reloading.
        driver.switchTo().frame(frames.get(0));
        js(driver, "window.__frameKept = true");
        driver.switchTo().defaultContent();
        click(driver, driver.findElement(By.cssSelector(".navbar button[title*='dark'], .navbar [class*='colorModeToggle'] button")));
        waiting().until(d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
        themeIs("dark", frames);
        driver.switchTo().frame(frames.get(0));
        assertThat(js(driver, "return window.__frameKept")).isEqualTo(true);
        driver.switchTo().defaultContent();
        Frames.fitsItsContent(driver, frames.get(0));

        // Back, and a fresh load of each page with embed.js cached (fast: before hydration without the wait).
        driver.navigate().back();
        waiting().until(d -> d.getCurrentUrl().contains("/multi-stage"));
        readyFrames(".dockerfile-explainer-embed iframe", 1);
        for (String page : new String[]{"by-hand", "by-hand", "multi-stage", ""}) {
            driver.get(url + page);
            readyFrames("iframe.dockerfile-explain-frame", page.equals("by-hand") ? 2 : 1);
        }
        themeIs("dark", driver.findElements(By.cssSelector("iframe.dockerfile-explain-frame")));
        screenshot(driver, "docusaurus-example.png");
        noErrorsInTheConsole();
    }

    @Test
    void mkdocsMaterialExampleSite() throws Exception {
        Path example = INTEGRATIONS.resolve("mkdocs/example");
        require(onPath("mkdocs"), "mkdocs is missing: apt-get install mkdocs mkdocs-material (.ci/run does)");
        require(Files.isDirectory(Path.of("/usr/share/mkdocs/themes/material")) || onPath("mkdocs-material"),
                "mkdocs-material is missing: apt-get install mkdocs-material (.ci/run does)");
        Path out = OUT.resolve("mkdocs").toAbsolutePath();
        Files.createDirectories(out);
        String url = serve(out);
        run("mkdocs-build", example, Map.of("PYTHONPATH", INTEGRATIONS.resolve("mkdocs").toAbsolutePath().toString(),
                        "SITE_URL", url, "DOCKER_TUTORIAL_EMBED_JS", "http://localhost:" + port + "/embed.js"),
                "mkdocs", "build", "--strict", "--clean", "--site-dir", out.toString());
        driver = start(1280, 900, false);

        driver.get(url);
        List<WebElement> frames = readyFrames("iframe.dockerfile-explain-frame", 1);
        assertThat(driver.findElement(By.cssSelector("pre.dockerfile-explain")).isDisplayed()).isFalse();
        Frames.fitsItsContent(driver, frames.get(0));
        assertThat(frameText(frames.get(0))).contains("# Install curl in one layer", "RUN <<EOF", "WORKDIR ${APP_HOME}",
                "COPY *.txt ./");
        assertThat(driver.findElements(By.cssSelector(".highlight code")).stream().map(WebElement::getText))
                .as("a plain dockerfile fence stays highlighted code").contains("FROM alpine:3.22");
        js(driver, "window.__sameDocument = true");

        // Material's instant navigation swaps the content without a page load.
        clickLink("Multi-stage builds");
        waiting().until(d -> d.getCurrentUrl().contains("/multi-stage"));
        frames = readyFrames("iframe.dockerfile-explain-frame", 1);
        Frames.fitsItsContent(driver, frames.get(0));
        assertThat(frameText(frames.get(0))).contains("COPY --from=build /out/app /app");
        assertThat(js(driver, "return window.__sameDocument")).as("instant navigation, no reload").isEqualTo(true);

        // The palette toggle: frames follow without reloading.
        driver.switchTo().frame(frames.get(0));
        js(driver, "window.__frameKept = true");
        driver.switchTo().defaultContent();
        assertThat(Frames.theme(driver, frames.get(0))).isEqualTo("light");
        WebElement toggle = driver.findElements(By.cssSelector("form[data-md-component=palette] label")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        click(driver, toggle);
        waiting().until(d -> "slate".equals(d.findElement(By.tagName("body")).getAttribute("data-md-color-scheme")));
        themeIs("dark", frames);
        driver.switchTo().frame(frames.get(0));
        assertThat(js(driver, "return window.__frameKept")).isEqualTo(true);
        driver.switchTo().defaultContent();
        Frames.fitsItsContent(driver, frames.get(0));

        driver.navigate().back();
        waiting().until(d -> !d.getCurrentUrl().contains("/multi-stage"));
        frames = readyFrames("iframe.dockerfile-explain-frame", 1);
        themeIs("dark", frames);
        Frames.fitsItsContent(driver, frames.get(0));
        screenshot(driver, "mkdocs-example.png");
        noErrorsInTheConsole();
    }
}
