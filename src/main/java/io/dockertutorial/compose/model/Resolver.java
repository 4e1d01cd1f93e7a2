package io.dockertutorial.compose.model;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.compose.syntax.Interpolation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The document with its variables replaced as Compose does, from the variables given (a learner's shell and
 * {@code .env} are not known here: an empty map means every variable is unset). A value Compose would stop
 * on ({@code ${X:?…}} unset) is left as written. Extension keys ({@code x-…}) are not interpolated.
 */
public final class Resolver {

    private Resolver() {
    }

    public static JsonNode resolve(JsonNode node, Map<String, String> env) {
        Deadline.check();
        if (node.isString()) {
            Interpolation.Resolved r = Interpolation.resolve(node.asString(), env);
            return r.error() == null ? JsonNodeFactory.instance.stringNode(r.value()) : node;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(resolve(item, env)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String k : node.propertyNames()) {
                out.set(k, k.startsWith("x-") ? node.get(k) : resolve(node.get(k), env));
            }
            return out;
        }
        return node;
    }
}
