package io.dockertutorial.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** embed.js on a page of another origin, and the playground's live update and share link. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbedAndPlaygroundBrowserTest extends BrowserSupport {


    HttpServer host;

    @AfterEach
    void stopHost() {
        if (host != null) {
            host.stop(0);
        }
    }

    private WebDriverWait waiting() {
        return waiting(driver);
    }

    /** Serves one page from another origin (127.0.0.1 vs localhost), with extra response headers. */
    private String host(String page, String... headers) throws Exception {
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
        return "http://127.0.0.1:" + host.getAddress().getPort() + "/";
    }

    private void fitsItsContent(WebElement frame) {
        Frames.fitsItsContent(driver, frame);
    }

    private long[] heights(WebElement frame) {
        return Frames.heights(driver, frame);
    }

    @Test
    void embedJsTurnsBlocksIntoSelfSizingExplainersOnAnotherOrigin() throws Exception {
        String app = "http://localhost:" + port;
        String url = host("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host docs</title></head>
                <body><h1>Our deployment guide</h1>
                <pre class="dockerfile-explain">FROM alpine:3.22
                RUN apk add --no-cache curl
                USER nobody
                CMD ["curl", "--version"]</pre>
                <p>And a Node app:</p>
                <dockerfile-explainer theme="dark" background="transparent">FROM node:22-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci --omit=dev
                COPY . .
                USER node
                CMD ["node", "server.js"]</dockerfile-explainer>
                <p>A hand-written frame, as the README shows it:</p>
                <iframe id="lesson" src="%1$s/embed/lessons/overview" width="100%%" height="150" title="Docker overview"></iframe>
                <iframe id="missing" src="%1$s/embed/lessons/no-such-lesson" width="100%%" height="600" title="Mistyped"></iframe>
                <script>
                  // The script arrives after the frames have loaded and posted their first height: the test
                  // adds it once the page has loaded (its frames with it) and it has seen the text.
                  window.addEmbed = function () {
                    var s = document.createElement('script');
                    s.src = '%1$s/embed.js';
                    document.body.appendChild(s);
                  };
                </script>
                </body></html>""".formatted(app));
        driver = start(1280, 900, false);
        driver.get(url);
        js(driver, "window.hostMarker = 'same page'");
        WebElement pre = driver.findElement(By.cssSelector("pre.dockerfile-explain"));
        assertThat(pre.isDisplayed()).as("the text is readable before the frame is ready").isTrue();
        js(driver, "addEmbed()");
        waiting().until(d -> d.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).size() == 2);
        List<WebElement> frames = driver.findElements(By.cssSelector("iframe.dockerfile-explain-frame"));
        WebElement frame = frames.get(0);
        waiting().until(d -> frame.isDisplayed() && !pre.isDisplayed());
        fitsItsContent(frame);
        fitsItsContent(frames.get(1));
        fitsItsContent(driver.findElement(By.id("lesson")));
        fitsItsContent(driver.findElement(By.id("missing")));

        // Pointing at lines never changes the frame's height: the host page does not jump.
        long before = heights(frame)[0];
        driver.switchTo().frame(frame);
        WebElement block = waiting().until(d -> d.findElement(By.cssSelector("[data-explainer].is-enhanced")));
        for (int line = 1; line <= 4; line++) {
            hover(driver, block.findElement(By.cssSelector(".line[data-line='" + line + "']")));
            assertThat(activeLines(block)).containsExactly(line);
        }
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).getText()).contains("Line 4 · CMD");
        settle(driver); // the panel is placed in an animation frame, and the frame's height follows
        js(driver, "window.frameMarker = 'not reloaded'");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("light");
        driver.switchTo().defaultContent();
        settle(driver);
        assertThat(heights(frame)[0]).isEqualTo(before);

        // The page turns dark (Docusaurus style, then Material style): the frames follow without reloading.
        js(driver, "document.documentElement.setAttribute('data-theme', 'dark')");
        driver.switchTo().frame(frame);
        waiting().until(d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
        assertThat(js(driver, "return window.frameMarker")).isEqualTo("not reloaded");
        driver.switchTo().defaultContent();
        js(driver, "document.documentElement.removeAttribute('data-theme'); document.body.setAttribute('data-md-color-scheme', 'default')");
        driver.switchTo().frame(driver.findElement(By.id("lesson")));
        waiting().until(d -> "light".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
        driver.switchTo().defaultContent();
        js(driver, "document.body.setAttribute('data-md-color-scheme', 'slate')");
        driver.switchTo().frame(driver.findElement(By.id("lesson")));
        waiting().until(d -> "dark".equals(d.findElement(By.tagName("html")).getAttribute("data-theme")));
        // Links leave the frame.
        List<WebElement> away = driver.findElements(By.cssSelector("main a[href^='http'], main a[href^='/']"));
        assertThat(away).isNotEmpty().allSatisfy(a -> {
            assertThat(a.getAttribute("target")).isEqualTo("_blank");
            assertThat(a.getAttribute("rel")).contains("noopener");
        });
        driver.switchTo().defaultContent();
        // The fixed theme="dark" frame stays dark whatever the page does.
        driver.switchTo().frame(frames.get(1));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
        waiting().until(d -> d.findElements(By.cssSelector(".explainer-note")).size() == 7);
        // background="transparent": the host page shows through (the frame's colour scheme matches its theme).
        assertThat(js(driver, "return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgba(0, 0, 0, 0)");
        driver.switchTo().defaultContent();
        assertThat(js(driver, "return arguments[0].style.colorScheme", frames.get(1))).isEqualTo("dark");
        assertThat(js(driver, "return arguments[0].style.colorScheme", frames.get(0))).isEqualTo("dark");

        // Blocks added later (client-side navigation) are found without a call.
        js(driver, "var p = document.createElement('pre'); p.className = 'dockerfile-explain';"
                + "p.textContent = 'FROM busybox:1.37\\nCMD [\"sh\"]'; document.body.appendChild(p);");
        waiting().until(d -> d.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).size() == 3);
        fitsItsContent(driver.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).get(2));
        assertThat(js(driver, "return window.hostMarker")).isEqualTo("same page");
        screenshot(driver, "embed-host-page.png");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void copyButtonsAndQuizzesWorkInsideAFrame() throws Exception {
        String url = host("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course in docs</title></head>
                <body><iframe id="lesson" src="http://localhost:%1$d/embed/lessons/overview" width="100%%" height="400"
                 title="Overview" allow="clipboard-write"></iframe>
                <script src="http://localhost:%1$d/embed.js" async></script></body></html>""".formatted(port));
        driver = start(1100, 900, false);
        driver.get(url);
        WebElement frame = driver.findElement(By.id("lesson"));
        fitsItsContent(frame);
        driver.switchTo().frame(frame);
        WebElement copy = waiting().until(d -> d.findElements(By.cssSelector(".copy-button")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        click(driver, copy);
        // What the button says is read once, when it changes: it says "Copy" again 1.8 s later.
        String said = waiting().until(d -> "Copy".equals(copy.getText()) ? null : copy.getText());
        assertThat(said).isIn("Copied", "Press Ctrl+C");
        WebElement quiz = driver.findElement(By.cssSelector("form[data-quiz]"));
        WebElement check = quiz.findElement(By.cssSelector("button[type=submit]"));
        assertThat(check.isDisplayed()).as("Check my answers is shown in a frame").isTrue();
        click(driver, quiz.findElement(By.cssSelector("input")));
        click(driver, check);
        waiting().until(d -> quiz.findElement(By.cssSelector(".quiz-result")).getText().contains(" right."));
        assertThat((String) js(driver, "return location.href")).as("the quiz is checked in place").contains("/embed/lessons/overview");
        driver.switchTo().defaultContent();
        fitsItsContent(frame);
        // A page without theme attributes follows the reader's system setting, live.
        assertThat(Frames.theme(driver, frame)).isEqualTo("light");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
                List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
        waiting().until(d -> "dark".equals(Frames.theme(d, frame)));
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void aLongDockerfileTravelsInTheFragmentNotTheUrl() throws Exception {
        StringBuilder dockerfile = new StringBuilder("FROM alpine:3.22\n");
        for (int i = 1; i <= 300; i++) {
            dockerfile.append("RUN echo \"step ").append(i).append(" of a long build, with some padding text\"\n");
        }
        assertThat(dockerfile.length()).as("twice Tomcat's 8 KB header limit").isGreaterThan(16_000);
        String url = host("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long</title></head>
                <body><pre class="dockerfile-explain">%s</pre>
                <script src="http://localhost:%d/embed.js" async></script></body></html>""".formatted(dockerfile, port));
        driver = start(1280, 900, false);
        driver.get(url);
        WebElement frame = new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> d.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).stream()
                        .filter(f -> Frames.ready(d, f)).findFirst().orElse(null));
        // The server sees only the options (embed.js adds background=transparent, the default look since issue 26);
        // the Dockerfile is in the fragment, which is never sent.
        java.net.URI src = java.net.URI.create(frame.getAttribute("src"));
        assertThat(src.getPath()).isEqualTo("/embed/explain");
        assertThat(src.getRawQuery()).contains("theme=light").doesNotContain("code=").doesNotContain("dockerfile=")
                .hasSizeLessThan(100);
        assertThat(src.getRawFragment()).startsWith("code=z:").hasSizeLessThan(60_000);
        fitsItsContent(frame);
        driver.switchTo().frame(frame);
        assertThat(driver.findElements(By.cssSelector("[data-explainer] .line[data-instruction]"))).hasSize(301);
        driver.switchTo().defaultContent();
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void aFrameTheHostBlocksLeavesTheDockerfileReadable() throws Exception {
        String url = host("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict host</title></head>
                <body><pre class="dockerfile-explain">FROM alpine:3.22
                RUN echo "still here"</pre>
                <script>document.addEventListener('securitypolicyviolation', function (e) {
                  if (e.violatedDirective.indexOf('frame-src') === 0) window.frameBlocked = true; });</script>
                <script src="http://localhost:%d/embed.js" async></script></body></html>""".formatted(port),
                "Content-Security-Policy", "frame-src 'none'");
        driver = start(1024, 768, false);
        driver.get(url);
        waiting().until(d -> d.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).size() == 1);
        // The browser has refused the frame: from now on nothing can come from it (not a time that may pass first).
        waiting().until(d -> Boolean.TRUE.equals(js(d, "return window.frameBlocked === true")));
        settle(driver);
        WebElement pre = driver.findElement(By.cssSelector("pre.dockerfile-explain"));
        assertThat(pre.isDisplayed()).isTrue();
        assertThat(pre.getText()).contains("RUN echo \"still here\"");
        assertThat(driver.findElement(By.cssSelector("iframe.dockerfile-explain-frame")).getSize().getHeight()).isZero();
    }

    @Test
    void playgroundUpdatesAsYouTypeAndSharesByLink() throws Exception {
        driver = start(1280, 900, false);
        driver.get("http://localhost:" + port + "/playground");
        WebElement editor = driver.findElement(By.id("dockerfile"));
        assertThat(driver.findElements(By.cssSelector("[data-result] .explainer-note"))).hasSize(8);
        // Typing may pause longer than the playground's 350 ms: half the text can be explained (and shown) before
        // the whole is. Each step waits for the answer to the whole text.
        recordFetches(driver);
        editor.clear();
        editor.sendKeys("FROM alpine:3.22\nRUNN echo hi\nUSER nobody\n");
        waiting().until(d -> answered(d, editor.getDomProperty("value")));
        WebElement error = driver.findElement(By.cssSelector("[data-result] .line[data-line='2'] .line-error"));
        assertThat(error.getText()).contains("did you mean RUN?");
        editor.sendKeys("CMD [\"echo\", \"done\"]\n");
        waiting().until(d -> answered(d, editor.getDomProperty("value")));
        assertThat(driver.findElements(By.cssSelector("[data-result] .explainer-note"))).hasSize(4);

        WebElement block = driver.findElement(By.cssSelector("[data-result] [data-explainer]"));
        click(driver, block.findElement(By.cssSelector(".line[data-line='4']")));
        assertThat(activeLines(block)).containsExactly(4);
        click(driver, driver.findElement(By.cssSelector("[data-share]")));
        waiting().until(d -> d.getCurrentUrl().contains("#code="));
        String link = driver.getCurrentUrl();
        assertThat(link).contains("&line=4");

        driver.get("about:blank");
        driver.get(link);
        waiting().until(d -> d.findElements(By.cssSelector("[data-result] .explainer-note")).size() == 4);
        assertThat(driver.findElement(By.id("dockerfile")).getAttribute("value"))
                .isEqualTo("FROM alpine:3.22\nRUNN echo hi\nUSER nobody\nCMD [\"echo\", \"done\"]\n");
        WebElement restored = driver.findElement(By.cssSelector("[data-result] [data-explainer]"));
        waiting().until(d -> !activeLines(restored).isEmpty());
        assertThat(activeLines(restored)).containsExactly(4);
        assertThat(consoleErrors(driver)).allSatisfy(e -> assertThat(e).doesNotContain("Uncaught"));
    }
}
