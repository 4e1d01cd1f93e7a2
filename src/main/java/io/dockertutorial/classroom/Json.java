package io.dockertutorial.classroom;

import tools.jackson.databind.json.JsonMapper;

/** The little JSON the terminal socket speaks. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String escape(String s) {
        String quoted = MAPPER.writeValueAsString(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    static String quote(String s) {
        return MAPPER.writeValueAsString(s);
    }

    /** The text of {@code {"input":"..."}}; empty when it is anything else. */
    static String inputText(String json) {
        try {
            var node = MAPPER.readTree(json);
            var input = node.get("input");
            return input != null && input.isString() ? input.asString() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
