package io.dockertutorial.web;

import io.dockertutorial.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path traversal through the real server (Tomcat decodes and normalises, unlike MockMvc). Raw
 * sockets, so no client library cleans the path first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TraversalTest {

    @Value("${local.server.port}")
    int port;

    private String request(String rawPath) throws IOException {
        return RawHttp.get(port, rawPath);
    }

    @Test
    void unknownPagesGetTheSitesNotFoundPage() throws IOException {
        for (String path : new String[]{"/lessons/nope", "/nothing/here", "/static/nope.css"}) {
            String response = request(path);
            assertThat(response).as(path).startsWith("HTTP/1.1 404").contains("This page does not exist")
                    .contains("class=\"site-header\"").contains("href=\"/lessons/overview\"");
        }
    }

    @Test
    void traversalAttemptsGetA404PageAndNeverAFile() throws IOException {
        String[] attempts = {
                "/lessons/..%2f..%2fetc%2fpasswd", "/lessons/..%2F..%2F..%2Fetc%2Fpasswd",
                "/lessons/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
                "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/css/..%2f..%2fapplication.yml",
                "/lessons/overview/..%2f..%2f..%2fpom.xml", "/static/..%5c..%5cetc%5cpasswd",
                "/static/../../etc/passwd", "/lessons/../../etc/passwd"};
        for (String path : attempts) {
            String response = request(path);
            String statusLine = response.substring(0, response.indexOf("\r\n"));
            assertThat(statusLine).as(path).matches("HTTP/1.1 (404|400) .*");
            assertThat(response).as(path).doesNotContain("root:x:").doesNotContain("<artifactId>")
                    .doesNotContain("content-dir");
            if (statusLine.contains("404")) {
                assertThat(response).as(path).contains("This page does not exist");
            }
        }
    }
}
