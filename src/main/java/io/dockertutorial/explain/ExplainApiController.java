package io.dockertutorial.explain;

import io.dockertutorial.markdown.CodeBlockHtml;
import io.dockertutorial.markdown.CodeFence;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code POST /api/explain?kind=…}: a text in ({@code text/plain}, or JSON {@code {"dockerfile": "…"}} for
 * the default kind {@code dockerfile} and {@code {"text": "…"}} for the others), its explanation out. The
 * kinds besides Dockerfiles come from the {@link TextExplainer} beans. A broken text is a 200 with
 * {@code errors}; only a bad request (an unknown kind too) is a 4xx, answered as
 * {@code application/problem+json}. Cross-origin reads are allowed.
 */
@RestController
@CrossOrigin(origins = "*", methods = {org.springframework.web.bind.annotation.RequestMethod.POST,
        org.springframework.web.bind.annotation.RequestMethod.GET}, maxAge = 3600)
class ExplainApiController {

    private final ExplainService explainer;
    private final TextExplainers others;
    private final ApiRequestBodies bodies;

    ExplainApiController(ExplainService explainer, TextExplainers others, ApiRequestBodies bodies) {
        this.explainer = explainer;
        this.others = others;
        this.bodies = bodies;
    }

    /**
     * The text from the request body and the explainer of its kind ({@code null} for a Dockerfile), or the
     * problem that keeps us from reading it.
     */
    private record Body(String dockerfile, TextExplainer kind, ResponseEntity<ProblemDetail> problem) {

        static Body problem(ResponseEntity<ProblemDetail> problem) {
            return new Body(null, null, problem);
        }
    }

    @PostMapping(value = "/api/explain", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> explain(HttpServletRequest request,
                              @RequestParam(name = "kind", required = false) String kind,
                              @RequestParam(name = "state", required = false) String state) throws IOException {
        boolean fullState = "full".equalsIgnoreCase(state == null ? "" : state.strip());
        if (state != null && !state.isBlank() && !fullState) {
            return ApiRequestBodies.problem(HttpStatus.BAD_REQUEST, "Unknown state \"" + abbreviate(state.strip())
                    + "\": use state=full for the full state after every instruction, or leave it out.");
        }
        Body body = read(request, kind);
        if (body.problem() != null) {
            return body.problem();
        }
        Object answer = body.kind() == null ? ExplainResponse.of(explainer.explain(body.dockerfile()), fullState)
                : body.kind().explain(body.dockerfile());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The same explanation as the explainer's HTML, for pages that show it (the playground, embeds). */
    @PostMapping(value = "/api/explain", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<?> explainHtml(HttpServletRequest request,
                                  @RequestParam(name = "kind", required = false) String kind,
                                  @RequestParam(name = "id", required = false) String id,
                                  @RequestParam(name = "title", required = false) String title) throws IOException {
        Body body = read(request, kind);
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
        String html = body.kind() == null
                ? DockerfileBlockHtml.render(id != null && id.matches("[a-z][a-z0-9-]{0,39}") ? id : "dockerfile-1",
                        title != null && !title.isBlank() && title.length() <= 120 ? title : "Dockerfile",
                        body.dockerfile(), explainer.explain(body.dockerfile()))
                : body.kind().render(CodeFence.parse(body.kind().kind(), body.dockerfile(), 1));
        if (html == null) {
            html = CodeBlockHtml.render(CodeFence.parse(body.kind().kind(), body.dockerfile(), 1));
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private Body read(HttpServletRequest request, String kindName) throws IOException {
        String kind = kindName == null || kindName.isBlank() ? TextExplainers.DOCKERFILE : kindName.strip().toLowerCase(Locale.ROOT);
        TextExplainer other = others.get(kind).orElse(null);
        if (other == null && !kind.equals(TextExplainers.DOCKERFILE)) {
            return Body.problem(ApiRequestBodies.problem(HttpStatus.BAD_REQUEST, "Unknown kind \""
                    + abbreviate(kindName.strip()) + "\": use one of " + String.join(", ", others.kinds()) + "."));
        }
        String field = other == null ? "dockerfile" : "text";
        ApiRequestBodies.Body body = bodies.read(request, true,
                "Send the " + (other == null ? "Dockerfile" : "text") + " as text/plain, or as application/json {\""
                        + field + "\": \"...\"}.");
        if (body.problem() != null) {
            return Body.problem(body.problem());
        }
        if (!body.isJson()) {
            return new Body(body.text(), other, null);
        }
        JsonNode text = body.json().get(field);
        if (text == null || !text.isString()) {
            return Body.problem(ApiRequestBodies.problem(HttpStatus.BAD_REQUEST, "The JSON body needs a string field \"" + field + "\"."));
        }
        return new Body(text.asString(), other, null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @GetMapping(value = "/api/openapi.yaml", produces = "application/yaml")
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource("api/openapi.yaml"));
    }

}
