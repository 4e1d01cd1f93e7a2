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

    static final byte[] FAVICON = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><rect width='16' height='16' fill='#1d63ed'/></svg>"
            .getBytes(StandardCharsets.UTF_8);

    HttpServer site;
    @org.springframework.beans.factory.annotation.Autowired
    io.dockertutorial.embed.IntegrationPackages packages;

    @AfterEach
    void stopSite() {
        if (site != null) {
            site.stop(0);
        }
    }

    private WebDriverWait waiting() {
        return waiting(driver);
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
            if (path.equals("/favicon.ico")) {
                // Like any real host: browsers ask for it on pages that name no icon (Hugo's, a fresh Docusaurus site).
                byte[] icon = FAVICON;
                exchange.getResponseHeaders().add("Content-Type", "image/svg+xml");
                exchange.sendResponseHeaders(200, icon.length);
                exchange.getResponseBody().write(icon);
                exchange.close();
                return;
            }
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
        // Frames of the page being left may vanish while they are looked at (client-side navigation), or still be
        // there, ready, after the address changed: those marked by leavingThePage() do not count.
        return waiting().withMessage(count + " ready frames " + selector).until(d -> {
            List<WebElement> frames = d.findElements(By.cssSelector(selector)).stream()
                    .filter(f -> !Boolean.TRUE.equals(js(d, "return arguments[0].__left === true", f))).toList();
            return frames.size() == count && frames.stream().allMatch(f -> Frames.ready(d, f)) ? frames : null;
        });
    }

    /** Before a client-side navigation: the frames on the screen now are the old page's. */
    private void leavingThePage() {
        js(driver, "document.querySelectorAll('iframe').forEach(f => { f.__left = true; })");
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
        leavingThePage();
        clickLink("Multi-stage builds");
        waiting().until(d -> d.getCurrentUrl().contains("/multi-stage"));
        Frames.fitsItsContent(driver, readyFrames(".dockerfile-explainer-embed iframe", 1).get(0));
        leavingThePage();
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
        leavingThePage();
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
        // As the README says: the plugin installed in one line from this server (a venv that sees Debian's mkdocs).
        Path venv = OUT.resolve("mkdocs-venv").toAbsolutePath();
        require(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is missing");
        run("mkdocs-venv", OUT, Map.of(), "/usr/bin/python3", "-m", "venv", "--clear", "--system-site-packages", venv.toString());
        // --no-deps: offline, pip cannot re-resolve the dependencies of Debian's own mkdocs (its metadata asks for
        // Markdown<3.4, Debian ships 3.4), though that mkdocs and pymdown-extensions are exactly what the plugin needs.
        // A reader with a network runs the README's line as it is and pip resolves them.
        run("mkdocs-pip", OUT, Map.of(), venv.resolve("bin/python").toString(), "-m", "pip", "install", "--no-index",
                "--no-deps", "--disable-pip-version-check", "http://localhost:" + port + "/integrations/" + packages.wheelName());
        run("mkdocs-build", example, Map.of("SITE_URL", url, "DOCKER_TUTORIAL_URL", "http://localhost:" + port),
                venv.resolve("bin/python").toString(), "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", out.toString());
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
        leavingThePage();
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

        leavingThePage();
        driver.navigate().back();
        waiting().until(d -> !d.getCurrentUrl().contains("/multi-stage"));
        frames = readyFrames("iframe.dockerfile-explain-frame", 1);
        themeIs("dark", frames);
        Frames.fitsItsContent(driver, frames.get(0));
        screenshot(driver, "mkdocs-example.png");
        noErrorsInTheConsole();
    }

    /** A new Docusaurus site that takes the plugin with one install line (from this server) and one config edit. */
    @Test
    void aFreshDocusaurusSiteInstallsThePluginFromThisServer() throws Exception {
        require(onPath("npm"), "npm is missing: the fresh Docusaurus site cannot be made (.ci/run installs it)");
        Path site = OUT.resolve("docusaurus-fresh").toAbsolutePath();
        if (Files.isDirectory(site)) {
            try (var walk = Files.walk(site)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(site.resolve("docs"));
        // The dependencies of Docusaurus's classic template (the versions the example site pins).
        Files.writeString(site.resolve("package.json"), """
                {"name": "fresh-docs", "version": "0.0.0", "private": true,
                 "dependencies": {"@docusaurus/core": "3.10.2", "@docusaurus/preset-classic": "3.10.2",
                  "@mdx-js/react": "^3.1.1", "clsx": "^2.1.1", "prism-react-renderer": "^2.4.1",
                  "react": "^19.2.0", "react-dom": "^19.2.0"}}
                """);
        String tutorial = "http://localhost:" + port;
        run("docusaurus-fresh-install", site, Map.of(), "npm", "install", "--no-audit", "--no-fund", "--prefer-offline",
                "--loglevel=error", tutorial + "/integrations/" + packages.tarballName());
        assertThat(Files.readString(site.resolve("package.json"))).contains("docusaurus-plugin-dockerfile-explainer");
        // The README's config edit, ESM as in the current template.
        Files.writeString(site.resolve("docusaurus.config.js"), """
                import explainFences from 'docusaurus-plugin-dockerfile-explainer/remark';

                export default {
                  title: 'Fresh docs', url: 'http://localhost', baseUrl: '/', onBrokenLinks: 'throw',
                  presets: [['classic', { docs: { routeBasePath: '/', beforeDefaultRemarkPlugins: [explainFences] }, blog: false }]],
                  plugins: [['docusaurus-plugin-dockerfile-explainer', { url: '%s' }]],
                };
                """.formatted(tutorial));
        Files.writeString(site.resolve("docs/index.md"), """
                # Build it

                ```dockerfile explain title="Fresh build"
                FROM debian:trixie-slim
                RUN <<EOF
                apt-get update
                EOF
                CMD ["bash"]
                ```
                """);
        Path out = OUT.resolve("docusaurus-fresh-build").toAbsolutePath();
        run("docusaurus-fresh-build", site, Map.of(), "node", "node_modules/@docusaurus/core/bin/docusaurus.mjs", "build",
                "--out-dir", out.toString());
        String url = serve(out);
        driver = start(1100, 900, false);
        driver.get(url);
        List<WebElement> frames = readyFrames(".dockerfile-explainer-embed iframe", 1);
        assertThat(frameText(frames.get(0))).contains("RUN <<EOF", "apt-get update");
        driver.switchTo().frame(frames.get(0));
        assertThat(driver.findElement(By.cssSelector("[data-explainer] > .code-title")).getText()).startsWith("Fresh build");
        driver.switchTo().defaultContent();
        noErrorsInTheConsole();
    }

    /** Hugo with the render hook this server hands out: the fence becomes a <pre> embed.js takes, escaped once. */
    @Test
    void hugoRenderHook() throws Exception {
        require(onPath("hugo"), "hugo is missing: apt-get install hugo (.ci/run does)");
        Path site = OUT.resolve("hugo").toAbsolutePath();
        Path hooks = site.resolve("layouts/_default/_markup");
        Files.createDirectories(hooks);
        Files.createDirectories(site.resolve("content"));
        Files.createDirectories(site.resolve("static"));
        Files.writeString(site.resolve("static/404.html"), "<!doctype html><title>Not found</title>");
        Files.copy(INTEGRATIONS.resolve("hugo/layouts/_default/_markup/render-codeblock-dockerfile.html"),
                hooks.resolve("render-codeblock-dockerfile.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(site.resolve("config.toml"), "baseURL = 'http://localhost/'\ntitle = 'Hugo docs'\n");
        Files.writeString(site.resolve("layouts/_default/single.html"), """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
                <script>addEventListener('load', function () { var s = document.createElement('script');
                  s.src = '%s/embed.js'; document.head.appendChild(s); });</script></head>
                <body>{{ .Content }}</body></html>
                """.formatted("http://localhost:" + port));
        Files.writeString(site.resolve("content/build.md"), """
                ---
                title: Build
                ---
                ```dockerfile {explain=true title="Hugo build"}
                FROM alpine:3.22
                RUN <<EOF
                echo "a & b" > /x
                EOF
                ```

                ```dockerfile
                FROM busybox:1.37
                ```
                """);
        Path out = site.resolve("public");
        run("hugo-build", site, Map.of(), "hugo", "--quiet", "--destination", out.toString());
        String html = Files.readString(out.resolve("build/index.html"));
        assertThat(html).contains("<pre class=\"dockerfile-explain\" title=\"Hugo build\"><code>FROM alpine:3.22\nRUN &lt;&lt;EOF")
                .contains("&amp; b").doesNotContain("&amp;lt;");
        String url = serve(out);
        driver = start(1100, 900, false);
        driver.get(url + "build/");
        List<WebElement> frames = readyFrames("iframe.dockerfile-explain-frame", 1);
        assertThat(frameText(frames.get(0))).contains("RUN <<EOF", "echo \"a & b\" > /x");
        noErrorsInTheConsole();
    }
}
