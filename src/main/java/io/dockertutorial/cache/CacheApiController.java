package io.dockertutorial.cache;

import io.dockertutorial.web.ApiRequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/cache}: a Dockerfile, its build context and the files that changed in; which steps of
 * the next build run again, and why, out. Bad input is a 4xx with {@code application/problem+json}.
 */
@RestController
@CrossOrigin(origins = "*", methods = RequestMethod.POST, maxAge = 3600)
class CacheApiController {

    private static final String EXPECTED = "Send application/json: {\"dockerfile\": \"...\", \"context\": [\"paths\"], "
            + "\"dockerignore\": \"...\", \"changed\": [\"paths\"], \"target\": \"stage\"}.";

    private final CacheService cache;
    private final ApiRequestBodies bodies;

    CacheApiController(CacheService cache, ApiRequestBodies bodies) {
        this.cache = cache;
        this.bodies = bodies;
    }

    /** A field that is not what the contract says. */
    private static final class BadField extends Exception {
        BadField(String message) {
            super(message);
        }
    }

    @PostMapping(value = "/api/cache", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> predict(HttpServletRequest request) throws IOException {
        ApiRequestBodies.Body body = bodies.read(request, false, EXPECTED);
        if (body.problem() != null) {
            return body.problem();
        }
        JsonNode json = body.json();
        try {
            String dockerfile = string(json, "dockerfile", true);
            CacheSimulator.Change change = new CacheSimulator.Change(strings(json, "context"),
                    string(json, "dockerignore", false), strings(json, "changed"), string(json, "target", false),
                    strings(json, "changedArgs"));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(CacheResponse.of(cache.predict(dockerfile, change)));
        } catch (BadField e) {
            return ApiRequestBodies.problem(HttpStatus.BAD_REQUEST, e.getMessage());
        } catch (CacheSimulator.UnknownTargetException e) {
            return ApiRequestBodies.problem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static String string(JsonNode json, String field, boolean required) throws BadField {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new BadField("The JSON body needs a string field \"" + field + "\".");
            }
            return null;
        }
        if (!node.isString()) {
            throw new BadField("\"" + field + "\" must be a string.");
        }
        return node.asString();
    }

    private static List<String> strings(JsonNode json, String field) throws BadField {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new BadField("\"" + field + "\" must be an array of paths (strings).");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw new BadField("\"" + field + "\" must hold only strings.");
            }
            out.add(item.asString());
        }
        return out;
    }
}
