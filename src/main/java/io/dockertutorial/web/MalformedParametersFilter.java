package io.dockertutorial.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A query or form with a malformed {@code %} escape or bytes that are not UTF-8 is the client's mistake:
 * answer 400 with the site's error page here, before a controller asks for a parameter and the container
 * logs the refusal as an ERROR with a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class MalformedParametersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (InvalidParameterException e) {
            // Decoding failed (400), too many parameters, or a form over maxPostSize (413): Tomcat knows which.
            int status = e.getErrorCode();
            response.sendError(status >= 400 && status < 500 ? status : HttpServletResponse.SC_BAD_REQUEST);
            return;
        } catch (IllegalStateException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
