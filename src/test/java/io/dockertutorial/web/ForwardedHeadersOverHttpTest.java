package io.dockertutorial.web;

import io.dockertutorial.support.RawHttp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers through real Tomcat (its RemoteIpValve does not run under MockMvc): review findings H3
 * (cache poisoning), L1 (redirects) and L2 (HSTS).
 */
class ForwardedHeadersOverHttpTest {

    static String get(int port, String path, String... headers) throws IOException {
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            head.append(h).append("\r\n");
            host |= h.regionMatches(true, 0, "Host:", 0, 5);
        }
        if (!host) {
            head.append("Host: localhost\r\n");
        }
        head.append("Accept: text/html\r\nConnection: close\r\n\r\n");
        return RawHttp.send(port, head.toString(), null);
    }

    static final String[] EVIL = {"X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https"};

    /** The default: the proxy on this host (loopback) is trusted, as a TLS proxy in front would be. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class FromATrustedProxy {

        @Value("${local.server.port}")
        int port;

        @Test
        void aForwardedHostNeverReachesAnotherHostsCachedPage() throws IOException {
            for (String path : new String[]{"/embed", "/lessons/overview"}) {
                assertThat(get(port, path, "Host: school.lan", EVIL[0], EVIL[1])).contains("https://evil.example/");
                String visitor = get(port, path, "Host: school.lan");
                assertThat(RawHttp.status(visitor)).isEqualTo(200);
                assertThat(visitor).as(path).doesNotContain("evil.example").contains("http://school.lan/");
            }
        }

        @Test
        void redirectsAreRelative() throws IOException {
            for (String path : new String[]{"/lessons", "/lessons/"}) {
                String response = get(port, path, EVIL);
                assertThat(RawHttp.status(response)).isEqualTo(302);
                assertThat(response).containsPattern("(?i)\r\nLocation: /\r\n").doesNotContain("evil.example");
            }
        }

        @Test
        void hstsOnlyWhenTheProxySaysHttps() throws IOException {
            assertThat(get(port, "/", "X-Forwarded-Proto: https"))
                    .containsPattern("(?i)\r\nStrict-Transport-Security: max-age=31536000\r\n");
            assertThat(get(port, "/").toLowerCase()).doesNotContain("strict-transport-security");
        }
    }

    /** A client that is not the trusted proxy (every learner's machine on a school network) changes nothing. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "server.tomcat.remoteip.internal-proxies=192.0.2.1/32")
    class FromAnyoneElse {

        @Value("${local.server.port}")
        int port;

        @Test
        void forwardedHeadersAreIgnored() throws IOException {
            String page = get(port, "/embed", "Host: school.lan", EVIL[0], EVIL[1]);
            assertThat(page).doesNotContain("evil.example").contains("http://school.lan/embed.js");
            assertThat(page.toLowerCase()).doesNotContain("strict-transport-security");
        }
    }

    /** With tutorial.public-url set, absolute URLs come from it alone, whatever the request says. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "tutorial.public-url=https://docker.school.example/")
    class WithAPublicUrl {

        @Value("${local.server.port}")
        int port;

        @Test
        void everyAbsoluteUrlUsesIt() throws IOException {
            String help = get(port, "/embed", "Host: school.lan", EVIL[0], EVIL[1]);
            assertThat(help).contains("https://docker.school.example/embed.js").doesNotContain("evil.example")
                    .doesNotContain("school.lan/");
            assertThat(get(port, "/lessons/overview", "Host: 10.0.0.7:8080"))
                    .contains("https://docker.school.example/oembed?url=https://docker.school.example/lessons/overview");
            String oembed = get(port, "/oembed?format=json&url=https://docker.school.example/lessons/overview", "Host: school.lan");
            assertThat(RawHttp.status(oembed)).isEqualTo(200);
            assertThat(oembed).contains("https://docker.school.example/embed/lessons/overview").doesNotContain("school.lan");
        }
    }
}
