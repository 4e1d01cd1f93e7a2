package io.dockertutorial.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dockertutorial.TutorialProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.ObjectMapper;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Admission for the routes that analyse a visitor's text ({@code POST /api/explain} of every kind, {@code /api/cache},
 * {@code /playground}, and {@code GET /embed/explain?dockerfile=}), in the order that costs least:
 * <ol>
 * <li>a token bucket per client (429 with {@code Retry-After}), before a byte of the body is read;</li>
 * <li>the whole body within {@code tutorial.body-timeout} (408), held in memory ({@link BufferedBody});</li>
 * <li>a permit among {@code tutorial.max-concurrent-analyses} (503 with {@code Retry-After}): a full server
 * says so at once (before reading the body, when it is full already) instead of queueing work that would pile
 * up behind the attack. The permit is taken only once the body is in, so a slow client never holds one.</li>
 * </ol>
 * Pages and assets never pass here, so lessons stay fast while analyses are refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AnalysisAdmissionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AnalysisAdmissionFilter.class);
    /** An URL-encoded form may be up to 9 bytes per character of a Dockerfile (%XX%XX%XX). */
    private static final int FORM_FACTOR = 9;
    private static final int BUSY_RETRY_SECONDS = 2;

    private final Semaphore permits;
    private final int maxConcurrent;
    private final int maxBody;
    private final Duration bodyTimeout;
    private final Duration analysisTimeout;
    private final int perMinute;
    private final int burst;
    /** One bucket per client address, forgotten after ten idle minutes; bounded in number. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    private final ObjectMapper json;

    AnalysisAdmissionFilter(TutorialProperties properties, ObjectMapper json) {
        this.json = json;
        this.maxConcurrent = properties.maxConcurrentAnalyses();
        this.permits = new Semaphore(maxConcurrent);
        this.maxBody = properties.apiMaxBodySize();
        this.bodyTimeout = properties.bodyTimeout();
        this.analysisTimeout = properties.analysisTimeout();
        this.perMinute = properties.rateLimitPerMinute();
        this.burst = properties.rateLimitBurst();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return switch (request.getMethod()) {
            case "POST" -> !(path.equals("/api/explain") || path.equals("/api/cache") || path.equals("/playground"));
            case "GET", "HEAD" -> !(path.equals("/embed/explain") && hasText(request));
            default -> true;
        };
    }

    /**
     * Read from the raw query, not through {@code getParameter}: Tomcat reports a malformed query only to the
     * first caller, and that must be {@link MalformedParametersFilter}.
     */
    private static boolean hasText(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = BufferedBody.decode(eq < 0 ? pair : pair.substring(0, eq));
                if (name.equals("dockerfile") || name.equals("text")) {
                    return true;
                }
            } catch (BufferedBody.Refused e) {
                return false;
            }
        }
        return false;
    }

    /** The analyses' permits (tests hold them to see a full server). */
    Semaphore permits() {
        return permits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = bucket(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            refuse(request, response, 429, seconds, "Too many analyses from your address: at most " + burst
                    + " at once and " + perMinute + " a minute. Try again in " + seconds + " s.");
            return;
        }
        if (permits.availablePermits() == 0) {
            // Full already: say so before reading a body that could not be analysed anyway.
            busy(request, response);
            return;
        }
        HttpServletRequest buffered = request;
        if (request.getMethod().equals("POST")) {
            boolean form = !request.getRequestURI().startsWith("/api/");
            try {
                buffered = BufferedBody.read(request, form ? FORM_FACTOR * maxBody + 1024 : maxBody,
                        System.nanoTime() + bodyTimeout.toNanos(),
                        "The body did not arrive within " + bodyTimeout.toSeconds() + " s; send it at once.");
            } catch (BufferedBody.Refused e) {
                refuse(request, response, e.status, 0, e.getMessage());
                return;
            }
        }
        if (!permits.tryAcquire()) {
            busy(request, response);
            return;
        }
        // The engines check this deadline in their loops: an analysis that runs out stops and answers 422.
        try (var deadline = io.dockertutorial.budget.Deadline.open(analysisTimeout)) {
            chain.doFilter(buffered, response);
        } finally {
            permits.release();
        }
    }

    private void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, 503, BUSY_RETRY_SECONDS, "The server is busy with " + maxConcurrent
                + " other analyses; try again in a few seconds.");
    }

    private Bucket bucket(String client) {
        return buckets.get(client == null ? "" : client, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    /**
     * The refusal in the form the caller reads: the explainer's error paragraph for the playground's and
     * embeds' {@code fetch} (which ask {@code /api/explain} for HTML), problem+json for the API, the site's
     * error page (with the same sentence) for pages. Sent at once: when the body was not read whole, the
     * connection closes right after (server.tomcat.max-swallow-size).
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, long retryAfter,
                        String detail) throws IOException {
        log.debug("Refused {} {} from {}: {} {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                status, detail);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
        }
        if (status == 408 || status == 413) {
            // The rest of the body is not wanted.
            response.setHeader("Connection", "close");
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith("/api/")) {
            request.setAttribute(SiteErrorController.DETAIL, detail);
            response.sendError(status, detail);
            return;
        }
        String accept = request.getHeader("Accept");
        byte[] body;
        if (uri.equals("/api/explain") && accept != null && accept.contains("text/html")) {
            response.setContentType("text/html;charset=UTF-8");
            body = ("<p class=\"explainer-error\" role=\"alert\">"
                    + io.dockertutorial.highlight.SyntaxHighlighter.escape(detail) + "</p>").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("application/problem+json");
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
            body = json.writeValueAsBytes(problem);
        }
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
