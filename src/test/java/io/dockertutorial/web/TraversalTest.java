package io.dockertutorial.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
