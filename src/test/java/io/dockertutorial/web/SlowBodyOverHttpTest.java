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
 * Review finding M2: a body trickled a byte at a time no longer holds a worker thread past the body deadline.
 * Tomcat's connection-timeout bounds each read; the deadline bounds the whole body (408).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tutorial.body-timeout=2s")
class SlowBodyOverHttpTest {

    @Value("${local.server.port}")
    int port;

    /** Sends the headers, then a byte every 300 ms until the server has answered and closed the connection. */
    private String trickle(String path, String type) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(300);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: 65000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
            long start = System.nanoTime();
            boolean closed = false;
            while (!closed && System.nanoTime() - start < 40_000_000_000L) {
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                }
                try {
                    byte[] chunk = new byte[4096];
                    int n = in.read(chunk);
                    if (n < 0) {
                        closed = true;
                    } else {
                        response.write(chunk, 0, n);
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // nothing yet
                } catch (IOException e) {
                    closed = true;
                }
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertThat(closed).as("the server closed the connection").isTrue();
            // The deadline is 2 s; a loaded machine gets slack. Without the deadline the trickle (65,000 bytes at
            // 3 a second) would hold the connection for six hours.
            assertThat(seconds).as("closed after %d s", seconds).isLessThan(30);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aTrickledApiBodyGets408() throws Exception {
        String response = trickle("/api/explain", "text/plain");
        assertThat(response).startsWith("HTTP/1.1 408").contains("did not arrive within 2 s");
    }

    @Test
    void aTrickledFormGets408() throws Exception {
        assertThat(trickle("/playground", "application/x-www-form-urlencoded")).startsWith("HTTP/1.1 408");
    }
}
