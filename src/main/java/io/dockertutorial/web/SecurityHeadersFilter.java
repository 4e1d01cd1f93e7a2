package io.dockertutorial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A strict Content-Security-Policy and the other protective headers on every response: scripts,
 * styles, images and fonts come only from this app; no inline script; nothing may frame the page; HSTS over HTTPS.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors ";

    private final String pageCsp;
    private final String embedCsp;

    SecurityHeadersFilter(io.dockertutorial.TutorialProperties properties) {
        this.pageCsp = CSP + "'none'";
        java.util.List<String> origins = properties.embedOrigins().stream().map(String::strip)
                .filter(o -> o.equals("*") || o.matches("https?://[A-Za-z0-9.:\\[\\]*-]+")).toList();
        this.embedCsp = CSP + (origins.isEmpty() ? "'none'" : String.join(" ", origins));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Only embed pages may be framed, and only by the configured origins; their error pages too, so a
        // mistyped embed shows a message instead of a broken frame.
        boolean embed = SiteErrorController.originalUri(request).startsWith("/embed/");
        response.setHeader("Content-Security-Policy", embed ? embedCsp : pageCsp);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (!embed) {
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        // Over HTTPS (directly, or through a trusted proxy that said X-Forwarded-Proto: https): browsers stay on
        // HTTPS for a year. Never over plain HTTP, where a classroom server without TLS must stay reachable.
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
