package io.dockertutorial.classroom;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A learner driven from the test through the real path: joins over HTTP with the class code, then types
 * into the terminal's WebSocket (the same PTY and shell a browser gets) and reads what the shell prints.
 */
final class LearnerClient implements AutoCloseable {

    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[ -/]*[@-~]|\u001b\\][^\u0007]*\u0007|\r");
    private static final AtomicInteger MARK = new AtomicInteger(100);

    final String name;
    private final HttpClient http;
    private final String base;
    private WebSocket socket;
    private final StringBuffer out = new StringBuffer();
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();

    record Run(int exit, String output) {
    }

    LearnerClient(int port, String name, String code) throws Exception {
        this.name = name;
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = "code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/classroom/join"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/classroom")) {
            throw new IllegalStateException("join failed: " + r.statusCode() + " " + r.body());
        }
    }

    /** Opens the terminal and waits until the sandbox is ready (it may still be starting). */
    LearnerClient connect() throws Exception {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        this.ready = ready;
        socket = http.newWebSocketBuilder().header("Origin", base)
                .buildAsync(URI.create(base.replace("http", "ws") + "/classroom/terminal?cols=200&rows=50"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String msg = text.toString();
                            text.setLength(0);
                            if (msg.contains("\"ready\"")) {
                                ready.complete(null);
                            } else if (msg.contains("\"error\"") || msg.contains("\"ended\"")) {
                                ready.completeExceptionally(new IllegalStateException(msg));
                            }
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        out.append(StandardCharsets.UTF_8.decode(data));
                        ws.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        ready.get(180, TimeUnit.SECONDS);
        return this;
    }

    /** Runs one command line in the learner's shell and returns its exit status and output. */
    Run run(String command, Duration timeout) throws Exception {
        int n = MARK.incrementAndGet();
        // The markers are computed by the shell, so the echoed command line never matches them.
        String line = "echo \"@@S$((" + n + "+0))@@\"; " + command + "\necho \"@@E$((" + n + "+0))@@ $?\"\n";
        int from = out.length();
        socket.sendText("{\"input\":" + Json.quote(line) + "}", true).get(10, TimeUnit.SECONDS);
        // The status up to its line's end: output may arrive in pieces, and "13" is not yet "137".
        Pattern end = Pattern.compile("@@S" + n + "@@\n(.*?)@@E" + n + "@@ (\\d+)\n", Pattern.DOTALL);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String clean = ANSI.matcher(out.substring(Math.min(from, out.length()))).replaceAll("");
            Matcher m = end.matcher(clean);
            if (m.find()) {
                String body = m.group(1);
                int lastNl = body.lastIndexOf('\n', body.length() - 2);
                // drop the echoed "echo @@E…" line (the prompt and the typed second line)
                String output = lastNl >= 0 && body.substring(lastNl).contains("@@E$((") ? body.substring(0, lastNl) : body;
                return new Run(Integer.parseInt(m.group(2)), output.replaceAll("(?m)^.*@@E\\$\\(\\(.*$", "").strip());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + ": no answer within " + timeout + " to: " + command + "\nlast output: "
                + tail(ANSI.matcher(out.toString()).replaceAll("")));
    }

    Run run(String command) throws Exception {
        return run(command, Duration.ofSeconds(120));
    }

    /** Sends raw keystrokes (Ctrl-C is "\u0003"). */
    void type(String keys) throws Exception {
        socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).get(10, TimeUnit.SECONDS);
    }

    private static String tail(String s) {
        return s.substring(Math.max(0, s.length() - 1500));
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }

    /** Leaves the class: the app removes the sandbox. */
    void leave() throws Exception {
        close();
        http.send(HttpRequest.newBuilder(URI.create(base + "/classroom/leave")).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
