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
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Test
    void embedJsTurnsBlocksIntoSelfSizingExplainersOnAnotherOrigin() throws Exception {
        String page = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host docs</title></head>
                <body><h1>Our deployment guide</h1>
                <pre class="dockerfile-explain">FROM alpine:3.22
                RUN apk add --no-cache curl
                USER nobody
                CMD ["curl", "--version"]</pre>
                <p>And a Node app:</p>
                <dockerfile-explainer theme="dark">FROM node:22-slim
                WORKDIR /app
                COPY package.json package-lock.json ./
                RUN npm ci --omit=dev
                COPY . .
                USER node
                CMD ["node", "server.js"]</dockerfile-explainer>
                <script src="http://localhost:%d/embed.js" async></script>
                </body></html>""".formatted(port);
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
        driver = start(1280, 900, false);
        driver.get("http://127.0.0.1:" + host.getAddress().getPort() + "/");
        waiting().until(d -> d.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).size() == 2);
        List<WebElement> frames = driver.findElements(By.cssSelector("iframe.dockerfile-explain-frame"));
        WebElement frame = frames.get(0);
        // It grows from its initial 320px to its content.
        waiting().until(d -> frame.getSize().getHeight() != 320);
        Thread.sleep(300);
        driver.switchTo().frame(frame);
        long scrollHeight = (Long) js(driver, "return document.documentElement.scrollHeight");
        long innerHeight = (Long) js(driver, "return window.innerHeight");
        assertThat(scrollHeight).as("no inner scrollbar").isLessThanOrEqualTo(innerHeight + 1);
        WebElement block = waiting().until(d -> d.findElement(By.cssSelector("[data-explainer]")));
        WebElement runLine = block.findElement(By.cssSelector(".line[data-line='2']"));
        hover(driver, runLine);
        assertThat(activeLines(block)).containsExactly(2);
        assertThat(block.findElement(By.cssSelector("[data-explainer-panel]")).getText()).contains("Line 2 · RUN")
                .contains("apk add --no-cache curl");
        driver.switchTo().defaultContent();
        driver.switchTo().frame(frames.get(1));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("data-theme")).isEqualTo("dark");
        waiting().until(d -> d.findElements(By.cssSelector(".explainer-note")).size() == 7);
        driver.switchTo().defaultContent();
        screenshot(driver, "embed-host-page.png");
        assertThat(consoleErrors(driver)).isEmpty();
    }

    @Test
    void playgroundUpdatesAsYouTypeAndSharesByLink() throws Exception {
        driver = start(1280, 900, false);
        driver.get("http://localhost:" + port + "/playground");
        WebElement editor = driver.findElement(By.id("dockerfile"));
        assertThat(driver.findElements(By.cssSelector("[data-result] .explainer-note"))).hasSize(8);
        editor.clear();
        editor.sendKeys("FROM alpine:3.22\nRUNN echo hi\nUSER nobody\n");
        WebElement error = waiting().until(d -> d.findElement(By.cssSelector("[data-result] .line[data-line='2'] .line-error")));
        assertThat(error.getText()).contains("did you mean RUN?");
        editor.sendKeys("CMD [\"echo\", \"done\"]\n");
        waiting().until(d -> d.findElements(By.cssSelector("[data-result] .explainer-note")).size() == 4);

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
