package io.dockertutorial.web;

import io.dockertutorial.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors come as HTML unless JSON is asked for; scripts go out compressed. Through the real server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorNegotiationTest {

    @Value("${local.server.port}")
    int port;

    private String get(String path, String accept) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + (accept == null ? "" : "Accept: " + accept + "\r\n")
                + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n", null);
    }

    @Test
    void aPlainRequestForAMissingPageGetsTheHtmlPage() throws IOException {
        for (String accept : new String[]{null, "*/*", "text/html", "text/html,application/json;q=0.9"}) {
            String response = get("/lessons/nope", accept);
            assertThat(response).as(String.valueOf(accept)).startsWith("HTTP/1.1 404")
                    .containsIgnoringCase("Content-Type: text/html");
        }
    }

    @Test
    void jsonOnlyWhenAskedForOrFromTheApi() throws IOException {
        assertThat(get("/lessons/nope", "application/json")).startsWith("HTTP/1.1 404")
                .containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(get("/api/nope", "*/*")).startsWith("HTTP/1.1 404")
                .containsIgnoringCase("Content-Type: application/problem+json");
    }

    @Test
    void scriptsAreCompressed() throws IOException {
        String page = RawHttp.get(port, "/lessons/overview");
        Matcher script = Pattern.compile("src=\"(/static/js/explainer[^\"]*\\.js)\"").matcher(page);
        assertThat(script.find()).isTrue();
        String response = get(script.group(1), "*/*");
        assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Type: text/javascript")
                .containsIgnoringCase("Content-Encoding: gzip");
    }
}
