package io.dockertutorial.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error the container or the app raises ends here: a page in the site's look for browsers,
 * {@code application/problem+json} for the API. Never a stack trace.
 */
@Controller
class SiteErrorController implements ErrorController {

    /**
     * HTML unless JSON is asked for: by an API address, or by an Accept header that names JSON and not
     * HTML. A plain {@code curl} (Accept: *&#47;*) of a missing lesson gets the page.
     */
    /** A request attribute: the sentence that says why the request was refused, shown instead of the generic one. */
    static final String DETAIL = SiteErrorController.class.getName() + ".detail";

    @RequestMapping("/error")
    String errorPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (wantsJson(request)) {
            return "forward:/error/problem";
        }
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("notFound", status == HttpStatus.NOT_FOUND);
        model.addAttribute("reason", status.getReasonPhrase());
        model.addAttribute("detail", request.getAttribute(DETAIL));
        return originalUri(request).startsWith("/embed/") ? "embed-error" : "error";
    }

    /** The address the client asked for, also while the container forwards it to this controller. */
    static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String s ? s : request.getRequestURI();
    }

    @RequestMapping("/error/problem")
    ResponseEntity<ProblemDetail> errorProblem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        Object detail = request.getAttribute(DETAIL);
        problem.setDetail(detail instanceof String d ? d
                : status == HttpStatus.NOT_FOUND ? "There is nothing at this address." : status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean wantsJson(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String u ? u : request.getRequestURI();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/oembed")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.NOT_FOUND : status;
    }
}
