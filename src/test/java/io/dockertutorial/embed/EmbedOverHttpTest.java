package io.dockertutorial.embed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What only the real container shows: its parameter decoding, error forwarding and forwarded headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EmbedOverHttpTest {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/html");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request line as a browser or a script may send it, even when java.net.URI would refuse it. */
    private String[] raw(String pathAndQuery) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return new String[]{response.substring(0, split), response.substring(split + 4)};
        }
    }

    @Test
    void malformedEscapesAndBadUtf8Get400WithoutAnErrorInTheLog(CapturedOutput output) throws Exception {
        for (String query : new String[]{"dockerfile=%ZZ", "dockerfile=%", "dockerfile=%C3%28", "dockerfile=FROM%20a%FF",
                "theme=%E2%82"}) {
            String[] response = raw("/embed/explain?" + query);
            assertThat(response[0]).as(query).startsWith("HTTP/1.1 400");
            Document page = Jsoup.parse(response[1]);
            assertThat(page.select("[data-embed-failed] .error-code").text()).as(query).isEqualTo("400");
            assertThat(response[0]).as("an embed's error is framable").doesNotContain("X-Frame-Options");
        }
        assertThat(raw("/playground?example=%ZZ")[0]).startsWith("HTTP/1.1 400");
        assertThat(get("/embed/explain?dockerfile=" + URLEncoder.encode("FROM alpine:3.22", StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("InvalidParameterException")
                .doesNotContain("MalformedInputException");
    }

    @Test
    void aMistypedEmbedIsAFramable404InTheEmbedLook() throws Exception {
        HttpResponse<String> response = get("/embed/lessons/no-such-lesson");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("html").hasClass("embedded")).isTrue();
        assertThat(page.select(".site-header")).isEmpty();
        assertThat(page.select("[data-embed-failed] h1").text()).isEqualTo("Nothing to show here");
        assertThat(page.select("main a[target=_blank][rel=noopener]")).hasSize(1);
        assertThat(page.select("script[src*=embed-frame]")).hasSize(1);
        // Other pages' 404s still refuse to be framed.
        HttpResponse<String> other = get("/lessons/no-such-lesson");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(Jsoup.parse(other.body()).select(".site-header")).hasSize(1);
    }

    @Test
    void behindATlsProxyTheSnippetsAndOembedSayHttps() throws Exception {
        String[] proxy = {"X-Forwarded-Proto", "https", "X-Forwarded-Host", "docs.example.org", "X-Forwarded-Port", "443"};
        HttpResponse<String> oembed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/oembed?format=json&url=" + URLEncoder.encode("https://docs.example.org/lessons/overview",
                        StandardCharsets.UTF_8))).headers(proxy).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oembed.statusCode()).isEqualTo(200);
        assertThat(oembed.body()).contains("src=\\\"https://docs.example.org/embed/lessons/overview\\\"")
                .contains("\"provider_url\":\"https://docs.example.org/\"").doesNotContain("http://");
        Document help = Jsoup.parse(get("/embed", proxy).body());
        // The page snippet loads embed.js after the host page's load event (issue 26: never hold the page up).
        assertThat(help.text()).contains("s.src = 'https://docs.example.org/embed.js';")
                .contains("npm install https://docs.example.org/integrations/docusaurus-plugin-dockerfile-explainer-")
                .contains("pip install https://docs.example.org/integrations/docker_tutorial_mkdocs-")
                .contains("url: 'https://docs.example.org'")
                .doesNotContain("http://docs.example.org").doesNotContain("127.0.0.1");
        Document lesson = Jsoup.parse(get("/lessons/overview", proxy).body());
        assertThat(lesson.select("link[type=application/json+oembed]").attr("href"))
                .startsWith("https://docs.example.org/oembed?url=https://docs.example.org/lessons/overview");
    }
}
