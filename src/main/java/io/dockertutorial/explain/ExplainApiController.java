package io.dockertutorial.explain;

import io.dockertutorial.TutorialProperties;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
    private final ObjectMapper json;
    private final int maxBody;

    ExplainApiController(ExplainService explainer, ObjectMapper json, TutorialProperties properties) {
        this.explainer = explainer;
        this.json = json;
        this.maxBody = properties.apiMaxBodySize();
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
    ResponseEntity<?> explainHtml(HttpServletRequest request) throws IOException {
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
        String html = DockerfileBlockHtml.render("dockerfile-1", "Dockerfile", body.dockerfile(),
                explainer.explain(body.dockerfile()));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    private Body read(HttpServletRequest request) throws IOException {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        boolean plain = type != null && type.isCompatibleWith(MediaType.TEXT_PLAIN);
        boolean isJson = type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
        if (!plain && !isJson) {
            return new Body(null, problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the Dockerfile as text/plain, or as application/json {\"dockerfile\": \"...\"}."));
        }
        if (request.getContentLengthLong() > maxBody) {
            return new Body(null, tooLarge());
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(maxBody + 1);
        }
        if (bytes.length > maxBody) {
            return new Body(null, tooLarge());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Body(null, problem(HttpStatus.BAD_REQUEST, "The body is not valid UTF-8."));
        }
        if (!isJson) {
            return new Body(text, null);
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return new Body(null, problem(HttpStatus.BAD_REQUEST,
                    "The body is not valid JSON: " + firstLine(e.getOriginalMessage())));
        }
        JsonNode dockerfile = node == null ? null : node.get("dockerfile");
        if (dockerfile == null || !dockerfile.isString()) {
            return new Body(null, problem(HttpStatus.BAD_REQUEST, "The JSON body needs a string field \"dockerfile\"."));
        }
        return new Body(dockerfile.asString(), null);
    }

    @GetMapping(value = "/api/openapi.yaml", produces = "application/yaml")
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml"))
                .body(new ClassPathResource("api/openapi.yaml"));
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The Dockerfile is larger than " + maxBody + " bytes.");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
