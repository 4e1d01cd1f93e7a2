package io.dockertutorial.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark, not a test (its name keeps it out of the test run; bench/embed-ready.sh runs it): how long an
 * explainer takes in an embed, from the moment embed.js inserts the frame to the moment the frame reports
 * ready and is shown, for the seed Dockerfile and for 800 instructions. Prints one line per size with the
 * median and range of five cold loads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbedReadyBenchmark extends BrowserSupport {

    HttpServer host;

    @AfterEach
    void stopHost() {
        if (host != null) {
            host.stop(0);
        }
    }

    private String page(String dockerfile) throws Exception {
        String html = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench</title>
                <script>
                  window.__inserted = 0; window.__ready = 0;
                  new MutationObserver(function () {
                    var f = document.querySelector('iframe.dockerfile-explain-frame');
                    if (f && !window.__inserted) window.__inserted = performance.now();
                    if (f && !window.__ready && f.style.visibility === 'visible') window.__ready = performance.now();
                  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
                </script>
                <script src="http://localhost:%d/embed.js" async></script></head>
                <body><main style="max-width:760px"><script type="text/x-dockerfile" class="dockerfile-explain">%s</script></main></body></html>
                """.formatted(port, dockerfile.replace("</", "<\\/"));
        if (host != null) {
            host.stop(0);
        }
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
        return "http://127.0.0.1:" + host.getAddress().getPort() + "/";
    }

    private String measure(String name, String dockerfile) throws Exception {
        String url = page(dockerfile);
        List<Double> times = new ArrayList<>();
        int failed = 0;
        for (int run = 0; run < 6; run++) {
            driver = start(1100, 900, false);
            try {
                driver.get(url);
                // Ready, or the frame is gone: embed.js removes a frame that reports failure (the server refused the
                // analysis, e.g. its 2 s deadline on a loaded machine) and leaves the text; that run is counted apart.
                new WebDriverWait(driver, Duration.ofSeconds(90)).withMessage(() -> "state: " + js(driver,
                                "var f = document.querySelector('iframe'); return window.__inserted + ' ' + window.__ready + ' '"
                                + " + (f ? f.outerHTML.slice(0, 300) : 'no frame') + ' ' + document.readyState"))
                        .until(d -> (Boolean) js(d, "return window.__ready > 0 || (window.__inserted > 0"
                                + " && !document.querySelector('iframe.dockerfile-explain-frame'))"));
                boolean ready = (Boolean) js(driver, "return window.__ready > 0");
                if (run > 0) { // the first load warms the server's JIT
                    if (ready) {
                        times.add(((Number) js(driver, "return window.__ready - window.__inserted")).doubleValue());
                    } else {
                        failed++;
                    }
                }
            } finally {
                quitBrowser();
            }
        }
        times.sort(Double::compare);
        String refused = failed == 0 ? "" : ", %d runs not ready (the frame reported failure)".formatted(failed);
        if (times.isEmpty()) {
            return "embed ready: %s, never ready%s".formatted(name, refused);
        }
        return "embed ready: %s, median %.0f ms (%.0f–%.0f) from frame inserted to shown, %d runs%s"
                .formatted(name, times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size(), refused);
    }

    @Test
    void timeToReady() throws Exception {
        String seed = Files.readString(Path.of("src/main/resources/examples/overview.Dockerfile")); // the seed's
        StringBuilder big = new StringBuilder("FROM debian:trixie-slim\n");
        for (int i = 1; big.toString().lines().count() < 800; i++) {
            big.append(switch (i % 4) {
                case 0 -> "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n";
                case 1 -> "ENV STEP_" + i + "=value-" + i + "\n";
                case 2 -> "COPY file-" + i + ".txt /opt/app/\n";
                default -> "WORKDIR /opt/app/step-" + i + "\n";
            });
        }
        String a = measure("seed (" + seed.lines().count() + " lines)", seed);
        String b = measure("800 instructions", big.toString());
        System.out.println(a);
        System.out.println(b);
        Files.createDirectories(Path.of("target"));
        // The machine's load says how far to trust the figures (the browser's work is most of the time).
        Path loadavg = Path.of("/proc/loadavg");
        String load = "load average: " + (Files.isReadable(loadavg) ? Files.readString(loadavg).strip() : "unknown");
        System.out.println(load);
        Files.writeString(Path.of("target/embed-ready.txt"), a + "\n" + b + "\n" + load + "\n");
    }
}
