package io.dockertutorial.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read whole, within an overall deadline, before anything else sees it. Tomcat's
 * {@code connection-timeout} bounds each read, not the body: a client sending a byte every 19 s would hold a
 * worker thread for weeks. Here the body must arrive within {@code tutorial.body-timeout}; a read that
 * blocks past it still ends after one {@code connection-timeout} at most.
 * <p>
 * The wrapped request serves the bytes to {@link ApiRequestBodies} and, for an
 * {@code application/x-www-form-urlencoded} form, its fields as request parameters (after the query's),
 * decoded strictly as UTF-8 like Tomcat does.
 */
final class BufferedBody {

    /** Why the body could not be read: the status to answer with and a sentence for the client. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private BufferedBody() {
    }

    /**
     * @param limit bytes accepted; a longer body is refused with 413 without reading the rest
     * @param deadlineNanos {@link System#nanoTime()} by which the whole body must have arrived
     */
    static HttpServletRequest read(HttpServletRequest request, int limit, long deadlineNanos, String timeoutText)
            throws IOException, Refused {
        if (request.getContentLengthLong() > limit) {
            throw new Refused(413, "The body is larger than " + limit + " bytes.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, (int) Math.min(limit, request.getContentLengthLong())));
        byte[] chunk = new byte[8192];
        InputStream in = request.getInputStream();
        while (true) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new Refused(408, timeoutText);
            }
            int n = in.read(chunk, 0, (int) Math.min(chunk.length, limit + 1L - out.size()));
            if (n < 0) {
                break;
            }
            out.write(chunk, 0, n);
            if (out.size() > limit) {
                throw new Refused(413, "The body is larger than " + limit + " bytes.");
            }
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Refused(408, timeoutText);
        }
        byte[] body = out.toByteArray();
        String type = request.getContentType();
        boolean form = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        return new Wrapper(request, body, form ? formParameters(request, body) : null);
    }

    /** The query's parameters, then the form's, each decoded as strict UTF-8 (400 otherwise). */
    private static Map<String, String[]> formParameters(HttpServletRequest request, byte[] body) throws Refused {
        Map<String, List<String>> all = new LinkedHashMap<>();
        String query = request.getQueryString();
        addPairs(query == null ? "" : query, all);
        Map<String, String[]> given = request.getParameterMap();
        if (!all.keySet().containsAll(given.keySet())) {
            // The container parsed the form already (a mock request does): its parameters are the form's.
            return given;
        }
        addPairs(new String(body, StandardCharsets.ISO_8859_1), all);
        Map<String, String[]> out = new LinkedHashMap<>();
        all.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return Collections.unmodifiableMap(out);
    }

    private static void addPairs(String text, Map<String, List<String>> all) throws Refused {
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            all.computeIfAbsent(name, x -> new java.util.ArrayList<>()).add(value);
        }
    }

    /** {@code %XX} and {@code +} of one form field; the bytes must be UTF-8. */
    static String decode(String s) throws Refused {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new Refused(400, "The form holds a malformed % escape.");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new Refused(400, "The form holds a malformed % escape.");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(400, "The form is not valid UTF-8.");
        }
    }

    private static final class Wrapper extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String[]> form;

        Wrapper(HttpServletRequest request, byte[] body, Map<String, String[]> form) {
            super(request);
            this.body = body;
            this.form = form;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            if (form == null) {
                return super.getParameter(name);
            }
            String[] v = form.get(name);
            return v == null || v.length == 0 ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return form == null ? super.getParameterMap() : form;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return form == null ? super.getParameterNames() : Collections.enumeration(form.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return form == null ? super.getParameterValues(name) : form.get(name);
        }
    }
}
