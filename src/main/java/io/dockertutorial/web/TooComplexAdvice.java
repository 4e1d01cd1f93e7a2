package io.dockertutorial.web;

import io.dockertutorial.budget.TooComplexException;
import io.dockertutorial.highlight.SyntaxHighlighter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A text beyond the engines' budgets ({@link TooComplexException}) is a 422 with the engine's plain reason: a
 * problem for the API, the explainer's error paragraph for pages that asked the API for HTML, the site's error
 * page otherwise. One log line per refusal, never a stack trace.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooComplexAdvice {

    private static final Logger log = LoggerFactory.getLogger(TooComplexAdvice.class);

    @ExceptionHandler(TooComplexException.class)
    ResponseEntity<?> tooComplex(TooComplexException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.info("refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html")) {
            return ResponseEntity.unprocessableContent().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body("<p class=\"explainer-error\" role=\"alert\">" + SyntaxHighlighter.escape(e.getMessage()) + "</p>");
        }
        if (request.getRequestURI().startsWith("/api/")) {
            return ApiRequestBodies.problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        }
        request.setAttribute(SiteErrorController.DETAIL, e.getMessage());
        response.sendError(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return null;
    }
}
