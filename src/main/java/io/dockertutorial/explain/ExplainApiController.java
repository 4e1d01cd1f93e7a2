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

    @PostMapping("/api/explain")
    ResponseEntity<?> explain(HttpServletRequest request) throws IOException {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        boolean plain = type != null && type.isCompatibleWith(MediaType.TEXT_PLAIN);
        boolean isJson = type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
        if (!plain && !isJson) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the Dockerfile as text/plain, or as application/json {\"dockerfile\": \"...\"}.");
        }
        if (request.getContentLengthLong() > maxBody) {
            return tooLarge();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(maxBody + 1);
        }
        if (body.length > maxBody) {
            return tooLarge();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return problem(HttpStatus.BAD_REQUEST, "The body is not valid UTF-8.");
        }
        if (isJson) {
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                return problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON: " + firstLine(e.getOriginalMessage()));
            }
            JsonNode dockerfile = node == null ? null : node.get("dockerfile");
            if (dockerfile == null || !dockerfile.isString()) {
                return problem(HttpStatus.BAD_REQUEST, "The JSON body needs a string field \"dockerfile\".");
            }
            text = dockerfile.asString();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(ExplainResponse.of(explainer.explain(text)));
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
