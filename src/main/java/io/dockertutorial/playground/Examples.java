package io.dockertutorial.playground;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The playground's examples (Dockerfiles, and a Compose file and a .dockerignore), from {@code src/main/resources/examples/}. */
@Component
public class Examples {

    public record Example(String id, String title, String dockerfile) {
    }

    private final List<Example> examples;

    public Examples() {
        List<Example> list = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> index = (List<Map<String, String>>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(read("examples.yml"));
        for (Map<String, String> e : index) {
            list.add(new Example(e.get("id"), e.get("title"), read(e.getOrDefault("file", e.get("id") + ".Dockerfile"))));
        }
        examples = List.copyOf(list);
    }

    private static String read(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Example> all() {
        return examples;
    }

    public Optional<Example> byId(String id) {
        return examples.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
