package io.dockertutorial.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Raw HTTP/1.1 over a socket, so no client library cleans up a hostile request before it is sent. */
public final class RawHttp {

    private RawHttp() {
    }

    public static String send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readNBytes(200_000), StandardCharsets.UTF_8);
            return response.isEmpty() ? "HTTP/1.1 000 closed" : response;
        }
    }

    public static String get(int port, String rawPath) throws IOException {
        return send(port, "GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n", null);
    }

    public static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
