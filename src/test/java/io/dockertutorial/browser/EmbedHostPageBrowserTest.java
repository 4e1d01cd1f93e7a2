package io.dockertutorial.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * embed.js never hurts the page that uses it (embedding audit 2026-12-02): a hanging server does not hold up
 * the host's load event, an unescaped heredoc in a {@code <pre>} does not make the rest of the page vanish,
 * script and template containers take a Dockerfile as written, and frames are as tall as what they show,
 * with the author's title as their caption.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbedHostPageBrowserTest extends BrowserSupport {

    HttpServer host;
    ServerSocket hanging;
    final List<Socket> held = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        if (host != null) {
            host.stop(0);
        }
        for (Socket s : held) {
            s.close();
        }
        if (hanging != null) {
            hanging.close();
        }
    }

    private WebDriverWait waiting() {
        return waiting(driver);
    }

    private String host(String page) throws Exception {
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
        return "http://127.0.0.1:" + host.getAddress().getPort() + "/";
    }

    /** A server that accepts connections and never answers (an internal host behind a VPN, a hung app). */
    private String hangingServer() throws Exception {
        hanging = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!hanging.isClosed()) {
                try {
                    Socket s = hanging.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        accept.setDaemon(true);
        accept.start();
        return "http://127.0.0.1:" + hanging.getLocalPort();
    }

    private static String loader(String base) {
        return """
                <script>
                  addEventListener('load', function () {
                    var s = document.createElement('script');
                    s.src = '%s/embed.js';
                    document.head.appendChild(s);
                  });
                </script>""".formatted(base);
    }

    @Test
    void aHangingServerNeverHoldsUpTheHostPage() throws Exception {
        String dead = hangingServer();
        String url = host("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title>%s</head>
                <body><h1>Guide</h1><pre class="dockerfile-explain">FROM alpine:3.22
                CMD ["sh"]</pre><p id="after">The rest of the guide.</p></body></html>""".formatted(loader(dead)));
        driver = start(1000, 800, false);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        long started = System.nanoTime();
        driver.get(url);
        waiting().until(d -> "complete".equals(js(d, "return document.readyState")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the load event came without the server")
                .isLessThan(Duration.ofSeconds(15));
        assertThat(driver.findElement(By.cssSelector("pre.dockerfile-explain")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("after")).isDisplayed()).isTrue();
    }

    @Test
    void containersAndAnUnescapedHeredoc() throws Exception {
        String app = "http://localhost:" + port;
        String url = host("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title>
                <script src="%1$s/embed.js" async></script></head>
                <body><h1>Guide</h1>
                <pre class="dockerfile-explain" id="broken">FROM debian:trixie-slim
                RUN <<EOF
                apt-get update
                EOF
                </pre>
                <p id="after">This paragraph must stay visible.</p>
                <script type="text/x-dockerfile" class="dockerfile-explain" title="Heredoc build">FROM debian:trixie-slim
                RUN <<EOF
                echo "a & b" > /greeting
                EOF
                CMD ["cat", "/greeting"]</script>
                <template class="dockerfile-explain" data-title="From a template">FROM alpine:3.22
                RUN echo "fish & chips" > /menu && test -s /menu</template>
                </body></html>""".formatted(app));
        driver = start(1200, 900, false);
        driver.get(url);
        waiting().until(d -> d.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).size() == 2
                && d.findElements(By.cssSelector("iframe.dockerfile-explain-frame")).stream().allMatch(f -> Frames.ready(d, f)));
        // The <pre> the browser parsed into elements is left alone: the rest of the page is still there.
        WebElement broken = driver.findElement(By.id("broken"));
        assertThat(broken.isDisplayed()).isTrue();
        assertThat(broken.getAttribute("data-embedded")).isEqualTo("refused");
        assertThat(driver.findElement(By.cssSelector("body")).getText()).contains("This paragraph must stay visible.");
        assertThat(consoleErrors(driver)).anySatisfy(m -> assertThat(m).contains("holds HTML elements"));

        List<WebElement> frames = driver.findElements(By.cssSelector("iframe.dockerfile-explain-frame"));
        driver.switchTo().frame(frames.get(0));
        WebElement code = waiting().until(d -> d.findElement(By.cssSelector("[data-explainer] .explainer-code")));
        assertThat(code.getText()).contains("RUN <<EOF", "echo \"a & b\" > /greeting");
        assertThat(driver.findElement(By.cssSelector("[data-explainer] > .code-title")).getText()).startsWith("Heredoc build");
        driver.switchTo().defaultContent();
        driver.switchTo().frame(frames.get(1));
        assertThat(waiting().until(d -> d.findElement(By.cssSelector("[data-explainer] .explainer-code"))).getText())
                .contains("RUN echo \"fish & chips\" > /menu && test -s /menu");
        assertThat(driver.findElement(By.cssSelector("[data-explainer] > .code-title")).getText()).startsWith("From a template");
        driver.switchTo().defaultContent();
        // While a frame is on its way (and if it never came), the container's text shows as code; once ready it hides.
        assertThat(driver.findElements(By.cssSelector("pre.dockerfile-explain-fallback")))
                .hasSize(2).allSatisfy(p -> assertThat(p.isDisplayed()).isFalse());
    }

    @Test
    void framesAreAsTallAsWhatTheyShow() throws Exception {
        String app = "http://localhost:" + port;
        String three = "FROM alpine:3.22\nRUN apk add --no-cache curl\nCMD [\"curl\", \"--version\"]";
        String url = host("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs</title>
                <script src="%1$s/embed.js" async></script></head>
                <body style="margin:0"><main style="max-width:640px">
                <pre class="dockerfile-explain" id="short" title="Three lines">%2$s</pre>
                <pre class="dockerfile-explain" id="fixed" data-height="120">%2$s</pre>
                </main></body></html>""".formatted(app, three));
        driver = start(1280, 900, false);
        driver.get(url);
        List<WebElement> frames = waiting().until(d -> {
            List<WebElement> f = d.findElements(By.cssSelector("iframe.dockerfile-explain-frame"));
            return f.size() == 2 && f.stream().allMatch(x -> Frames.ready(d, x)) ? f : null;
        });
        WebElement frame = frames.get(0);
        Frames.fitsItsContent(driver, frame);
        long height = Frames.heights(driver, frame)[0];
        assertThat(height).as("a three-line Dockerfile in a 640 px column").isLessThan(260);
        assertThat(frames.get(1).getSize().getHeight()).isEqualTo(120);

        // Pointing at a line opens its note over the code, under the line; the host page grows at most a little.
        driver.switchTo().frame(frame);
        WebElement block = waiting().until(d -> d.findElement(By.cssSelector("[data-explainer].is-enhanced")));
        click(driver, block.findElement(By.cssSelector(".line[data-line='1']")));
        WebElement panel = block.findElement(By.cssSelector("[data-explainer-panel]"));
        waiting().until(d -> panel.isDisplayed() && panel.getText().contains("FROM"));
        settle(driver); // the frame places the panel under the line in the next animation frame
        long lineBottom = ((Number) js(driver, "return arguments[0].getBoundingClientRect().bottom",
                block.findElement(By.cssSelector(".line[data-line='1']")))).longValue();
        long panelTop = ((Number) js(driver, "return arguments[0].getBoundingClientRect().top", panel)).longValue();
        assertThat(panelTop - lineBottom).as("the note starts just under its line").isBetween(0L, 12L);
        driver.switchTo().defaultContent();
        // The frame grows just enough to show the whole note: no scrollbar inside it.
        waiting().withMessage(() -> "frame, content, scroll: " + java.util.Arrays.toString(Frames.heights(driver, frame)))
                .until(d -> {
                    long[] h = Frames.heights(driver, frame);
                    return Math.abs(h[0] - h[2]) <= 1;
                });
        assertThat(Frames.heights(driver, frame)[0]).isLessThan(height + 400);
        screenshot(driver, "embed-short-frame.png");
        assertThat(consoleErrors(driver)).isEmpty();
    }
}
