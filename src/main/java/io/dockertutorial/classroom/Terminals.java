package io.dockertutorial.classroom;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One PTY with the learner's login shell per learner. The shell outlives the browser's connection: a
 * reconnect (network blip, reload, second tab) attaches to the same shell and first gets the recent output
 * again, so the screen comes back as it was.
 */
final class Terminals {

    private static final Logger log = LoggerFactory.getLogger(Terminals.class);
    private static final int KEEP = 128 * 1024;

    private final SandboxProvider sandboxes;
    private final Map<String, Term> terms = new ConcurrentHashMap<>();

    Terminals(SandboxProvider sandboxes) {
        this.sandboxes = sandboxes;
    }

    private static final class Term {
        final PtyProcess pty;
        final byte[] ring = new byte[KEEP];
        long written;
        volatile WebSocketSession socket;

        Term(PtyProcess pty) {
            this.pty = pty;
        }

        synchronized void keep(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) (written++ % KEEP)] = b[i];
            }
        }

        synchronized byte[] recent() {
            int n = (int) Math.min(written, KEEP);
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = ring[(int) ((written - n + i) % KEEP)];
            }
            return out;
        }
    }

    /** Attaches a browser connection to the learner's shell, starting the shell when there is none. */
    boolean attach(Learner learner, WebSocketSession socket, int cols, int rows) throws IOException {
        Term term = terms.get(learner.id);
        if (term == null || !term.pty.isAlive()) {
            Optional<List<String>> cmd = sandboxes.shellCommand(learner);
            if (cmd.isEmpty()) {
                return false;
            }
            PtyProcess pty = new PtyProcessBuilder(cmd.get().toArray(String[]::new))
                    .setEnvironment(Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                            "TERM", "xterm-256color"))
                    .setInitialColumns(cols).setInitialRows(rows).setRedirectErrorStream(true).start();
            term = new Term(pty);
            terms.put(learner.id, term);
            Term started = term;
            Thread pump = new Thread(() -> pump(learner, started), "classroom-pty-" + learner.user());
            pump.setDaemon(true);
            pump.start();
        }
        WebSocketSession old = term.socket;
        term.socket = socket;
        if (old != null && old.isOpen() && old != socket) {
            old.close();
        }
        byte[] recent = term.recent();
        if (recent.length > 0) {
            send(socket, recent, recent.length);
        }
        resize(learner, cols, rows);
        return true;
    }

    private void pump(Learner learner, Term term) {
        byte[] buf = new byte[8192];
        try (InputStream in = term.pty.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                term.keep(buf, n);
                WebSocketSession s = term.socket;
                if (s != null && s.isOpen()) {
                    send(s, buf, n);
                }
            }
        } catch (IOException e) {
            // the shell ended or the PTY closed
        }
        WebSocketSession s = term.socket;
        if (s != null && s.isOpen()) {
            try {
                s.sendMessage(new TextMessage("{\"status\":\"ended\",\"message\":\"The shell ended. Reconnect for a new one.\"}"));
            } catch (IOException | IllegalStateException ignored) {
                // the browser went away
            }
        }
        terms.remove(learner.id, term);
    }

    private static void send(WebSocketSession s, byte[] b, int n) {
        try {
            s.sendMessage(new BinaryMessage(ByteBuffer.wrap(b, 0, n).slice()));
        } catch (IOException | IllegalStateException e) {
            log.debug("terminal output not delivered: {}", e.getMessage());
        }
    }

    void input(Learner learner, byte[] data) throws IOException {
        Term term = terms.get(learner.id);
        if (term != null && term.pty.isAlive()) {
            learner.touch();
            term.pty.getOutputStream().write(data);
            term.pty.getOutputStream().flush();
        }
    }

    void resize(Learner learner, int cols, int rows) {
        Term term = terms.get(learner.id);
        if (term != null && term.pty.isAlive()) {
            term.pty.setWinSize(new WinSize(Math.max(10, Math.min(cols, 500)), Math.max(4, Math.min(rows, 200))));
        }
    }

    void detach(Learner learner, WebSocketSession socket) {
        Term term = terms.get(learner.id);
        if (term != null && term.socket == socket) {
            term.socket = null;
        }
    }

    /** Ends the learner's shell (reset, remove). */
    void close(Learner learner) {
        Term term = terms.remove(learner.id);
        if (term != null) {
            WebSocketSession s = term.socket;
            term.pty.destroyForcibly();
            if (s != null && s.isOpen()) {
                try {
                    s.sendMessage(new TextMessage("{\"status\":\"ended\",\"message\":\"Your sandbox was reset or removed.\"}"));
                    s.close();
                } catch (IOException | IllegalStateException ignored) {
                    // the browser went away
                }
            }
        }
    }

    void closeAll() {
        terms.keySet().forEach(id -> {
            Term t = terms.remove(id);
            if (t != null) {
                t.pty.destroyForcibly();
            }
        });
    }
}
