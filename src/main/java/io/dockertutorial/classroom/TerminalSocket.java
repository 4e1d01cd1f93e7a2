package io.dockertutorial.classroom;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terminal's WebSocket ({@code /classroom/terminal?cols=80&rows=24}). From the browser: binary frames are
 * keystrokes; the text frame {@code {"resize":[cols,rows]}} resizes. To the browser: binary frames are the
 * shell's output; text frames are status ({@code starting}, {@code ready}, {@code ended}, {@code error}).
 * Only a learner of the class (the HTTP session says so) gets a shell, and only their own.
 */
final class TerminalSocket extends AbstractWebSocketHandler {

    static final String LEARNER = "classroom.learner";
    private static final Pattern RESIZE = Pattern.compile("\\{\"resize\":\\[(\\d{1,4}),(\\d{1,4})]}");
    private static final Pattern SIZE = Pattern.compile("(?:^|&)(cols|rows)=(\\d{1,4})");

    private final Sandboxes sandboxes;
    private final Terminals terminals;

    TerminalSocket(Sandboxes sandboxes, Terminals terminals) {
        this.sandboxes = sandboxes;
        this.terminals = terminals;
    }

    private Optional<Learner> learner(WebSocketSession session) {
        Map<String, Object> attrs = session.getAttributes();
        return sandboxes.find((String) attrs.get(LEARNER));
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws Exception {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, 10_000, 1024 * 1024);
        raw.getAttributes().put("decorated", session);
        Optional<Learner> learner = learner(raw);
        if (learner.isEmpty()) {
            session.sendMessage(status("error", "Join the class first (Classroom page)."));
            session.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        int cols = 80;
        int rows = 24;
        String query = raw.getUri() == null ? null : raw.getUri().getRawQuery();
        if (query != null) {
            Matcher m = SIZE.matcher(query);
            while (m.find()) {
                int v = Integer.parseInt(m.group(2));
                if (m.group(1).equals("cols")) {
                    cols = Math.max(10, Math.min(v, 500));
                } else {
                    rows = Math.max(4, Math.min(v, 200));
                }
            }
        }
        Learner l = learner.get();
        // The sandbox may still be starting (about 5-10 s): tell the learner, wait for it, bounded.
        long end = System.currentTimeMillis() + 120_000;
        boolean told = false;
        while (l.state == Learner.State.STARTING && System.currentTimeMillis() < end && raw.isOpen()) {
            if (!told) {
                session.sendMessage(status("starting", "Starting your own Docker Engine…"));
                told = true;
            }
            Thread.sleep(200);
        }
        if (l.state != Learner.State.READY) {
            session.sendMessage(status("error", l.state == Learner.State.FAILED
                    ? "Your sandbox could not start. Ask your teacher to reset it." : "Your sandbox is not ready."));
            session.close(CloseStatus.SERVER_ERROR);
            return;
        }
        if (!terminals.attach(l, session, cols, rows)) {
            session.sendMessage(status("error", "Your sandbox's engine is not running. Ask your teacher to reset it."));
            session.close(CloseStatus.SERVER_ERROR);
            return;
        }
        session.sendMessage(status("ready", "Connected to your sandbox."));
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws IOException {
        Optional<Learner> learner = learner(session);
        if (learner.isPresent()) {
            ByteBuffer b = message.getPayload();
            byte[] data = new byte[b.remaining()];
            b.get(data);
            terminals.input(learner.get(), data);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Optional<Learner> learner = learner(session);
        Matcher m = RESIZE.matcher(message.getPayload());
        if (learner.isPresent() && m.matches()) {
            terminals.resize(learner.get(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } else if (learner.isPresent() && message.getPayload().startsWith("{\"input\":")) {
            // Commands sent by a lesson's "Run in my sandbox" button arrive as text, not keystrokes.
            terminals.input(learner.get(), Json.inputText(message.getPayload()).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Object decorated = session.getAttributes().get("decorated");
        learner(session).ifPresent(l -> terminals.detach(l,
                decorated instanceof WebSocketSession d ? d : session));
    }

    private static TextMessage status(String status, String message) {
        return new TextMessage("{\"status\":\"" + status + "\",\"message\":\"" + Json.escape(message) + "\"}");
    }
}
