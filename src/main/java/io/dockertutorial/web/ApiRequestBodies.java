package io.dockertutorial.web;

import io.dockertutorial.TutorialProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
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
 * Reads the body of a JSON API request with the checks every API of this site shares: a supported
 * content type (415), the size limit (413), UTF-8 and JSON syntax (400). Problems come back as RFC 9457
 * {@code application/problem+json}, never as a stack trace.
 */
@Component
public class ApiRequestBodies {

    /**
     * Either the body ({@code text}, and {@code json} when it was JSON) or the problem to answer with.
     */
    public record Body(String text, JsonNode json, ResponseEntity<ProblemDetail> problem) {

        public boolean isJson() {
            return json != null;
        }
    }

    private final ObjectMapper json;
    private final int maxBody;

    public ApiRequestBodies(ObjectMapper json, TutorialProperties properties) {
        this.json = json;
        this.maxBody = properties.apiMaxBodySize();
    }

    /**
     * @param acceptPlain whether {@code text/plain} is accepted besides {@code application/json}
     * @param expected    what the 415 answer says to send instead
     */
    public Body read(HttpServletRequest request, boolean acceptPlain, String expected) throws IOException {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        boolean plain = acceptPlain && type != null && type.isCompatibleWith(MediaType.TEXT_PLAIN);
        boolean isJson = type != null && type.isCompatibleWith(MediaType.APPLICATION_JSON);
        if (!plain && !isJson) {
            return failed(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, expected));
        }
        if (request.getContentLengthLong() > maxBody) {
            return failed(tooLarge());
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(maxBody + 1);
        }
        if (bytes.length > maxBody) {
            return failed(tooLarge());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(problem(HttpStatus.BAD_REQUEST, "The body is not valid UTF-8."));
        }
        if (!isJson) {
            return new Body(text, null, null);
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return failed(problem(HttpStatus.BAD_REQUEST, "The body is not valid JSON: " + firstLine(e.getOriginalMessage())));
        }
        if (node == null || !node.isObject()) {
            return failed(problem(HttpStatus.BAD_REQUEST, "The JSON body must be an object, {…}."));
        }
        return new Body(text, node, null);
    }

    public int maxBody() {
        return maxBody;
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + maxBody + " bytes.");
    }

    private static Body failed(ResponseEntity<ProblemDetail> problem) {
        return new Body(null, null, problem);
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
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
