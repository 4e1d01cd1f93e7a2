package io.dockertutorial.web;

import io.dockertutorial.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile HTTP through the real server: odd paths, methods, headers and bodies never give a 5xx. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpAbuseTest {

    @Value("${local.server.port}")
    int port;

    private String send(String head, byte[] body) throws IOException {
        return RawHttp.send(port, head, body);
    }

    private String get(String rawPath) throws IOException {
        return RawHttp.get(port, rawPath);
    }

    private static int status(String response) {
        return RawHttp.status(response);
    }

    @Test
    void oddPathsGet400Or404() throws IOException {
        String[] paths = {"/static/..;/..;/etc/passwd", "/lessons/..;/..;/pom.xml", "/lessons/over%00view",
                "/static/css/site.css%00.html", "/lessons/a%0d%0aSet-Cookie:%20x=1", "/%2e%2e/%2e%2e/etc/passwd",
                "/static/%252e%252e/%252e%252e/etc/passwd", "/lessons/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/embed/lessons/..%2f..%2fetc%2fpasswd", "/lessons/overview/..%2f..%2fapplication.yml"};
        for (String path : paths) {
            String response = get(path);
            assertThat(status(response)).as(path).isIn(400, 404);
            assertThat(response).as(path).doesNotContain("root:x:").doesNotContain("Set-Cookie: x=1");
        }
    }

    @Test
    void otherMethodsOnPagesGet405() throws IOException {
        for (String method : new String[]{"POST", "PUT", "DELETE", "PATCH"}) {
            for (String path : new String[]{"/", "/lessons/overview", "/search"}) {
                String response = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n", null);
                assertThat(status(response)).as(method + " " + path).isEqualTo(405);
            }
        }
    }

    @Test
    void oversizedHeadersAndBodies() throws IOException {
        String big = "a".repeat(20_000);
        assertThat(status(send("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n", null)))
                .isIn(400, 431);
        byte[] body = new byte[3_000_000];
        java.util.Arrays.fill(body, (byte) 'a');
        assertThat(status(send("POST /api/explain HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n", body))).isEqualTo(413);
        byte[] form = ("dockerfile=" + "a".repeat(3_000_000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(status(send("POST /playground HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + form.length + "\r\nConnection: close\r\n\r\n", form))).isEqualTo(413);
    }

    @Test
    void unknownAcceptValuesNeverCause500() throws IOException {
        for (String accept : new String[]{"application/x-nonsense", "*/*;q=abc", "text/html;level=", "", "😀/😀"}) {
            for (String path : new String[]{"/", "/lessons/overview", "/nope", "/search?q=volume", "/oembed?url=x"}) {
                String response = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                        + "\r\nConnection: close\r\n\r\n", null);
                assertThat(status(response)).as(accept + " " + path).isLessThan(500);
            }
            String api = send("POST /api/explain HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\n", "FROM a".getBytes());
            assertThat(status(api)).as(accept + " api").isLessThan(500);
        }
    }
}
