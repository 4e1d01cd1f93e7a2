package io.dockertutorial.explain;

import io.dockertutorial.web.ApiRequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/explain}: a Dockerfile in ({@code text/plain} or {@code {"dockerfile": "…"}}),
 * its explanation out. A broken Dockerfile is a 200 with {@code errors}; only a bad request is a
 * 4xx, answered as {@code application/problem+json}. Cross-origin reads are allowed.
 */
@RestController
@CrossOrigin(origins = "*", methods = {org.springframework.web.bind.annotation.RequestMethod.POST,
        org.springframework.web.bind.annotation.RequestMethod.GET}, maxAge = 3600)
class ExplainApiController {

    private final ExplainService explainer;
    private final ApiRequestBodies bodies;

    ExplainApiController(ExplainService explainer, ApiRequestBodies bodies) {
        this.explainer = explainer;
        this.bodies = bodies;
    }

    /** The Dockerfile from the request body, or the problem that keeps us from reading it. */
    private record Body(String dockerfile, ResponseEntity<ProblemDetail> problem) {
    }

    @PostMapping(value = "/api/explain", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> explain(HttpServletRequest request) throws IOException {
        Body body = read(request);
        if (body.problem() != null) {
            return body.problem();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(ExplainResponse.of(explainer.explain(body.dockerfile())));
    }

    /** The same explanation as the explainer's HTML, for pages that show it (the playground, embeds). */
    @PostMapping(value = "/api/explain", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> explainHtml(HttpServletRequest request,
                                  @org.springframework.web.bind.annotation.RequestParam(required = false) String id,
                                  @org.springframework.web.bind.annotation.RequestParam(required = false) String title)
            throws IOException {
        Body body = read(request);
        if (body.problem() != null) {
            // The page that asked for HTML shows the message where the explainer would be.
            ProblemDetail p = body.problem().getBody();
            return ResponseEntity.status(body.problem().getStatusCode())
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body("<p class=\"explainer-error\" role=\"alert\">"
                            + io.dockertutorial.highlight.SyntaxHighlighter.escape(p == null ? "" : String.valueOf(p.getDetail()))
                            + "</p>");
        }
        // A lesson that re-explains one of its blocks ("Apply fix") keeps the block's id and title.
        String html = DockerfileBlockHtml.render(id != null && id.matches("[a-z][a-z0-9-]{0,39}") ? id : "dockerfile-1",
                title != null && !title.isBlank() && title.length() <= 120 ? title : "Dockerfile", body.dockerfile(),
                explainer.explain(body.dockerfile()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private Body read(HttpServletRequest request) throws IOException {
        ApiRequestBodies.Body body = bodies.read(request, true,
                "Send the Dockerfile as text/plain, or as application/json {\"dockerfile\": \"...\"}.");
        if (body.problem() != null) {
            return new Body(null, body.problem());
        }
        if (!body.isJson()) {
            return new Body(body.text(), null);
        }
        JsonNode dockerfile = body.json().get("dockerfile");
        if (dockerfile == null || !dockerfile.isString()) {
            return new Body(null, ApiRequestBodies.problem(HttpStatus.BAD_REQUEST, "The JSON body needs a string field \"dockerfile\"."));
        }
        return new Body(dockerfile.asString(), null);
    }

    @GetMapping(value = "/api/openapi.yaml", produces = "application/yaml")
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource("api/openapi.yaml"));
    }

}
