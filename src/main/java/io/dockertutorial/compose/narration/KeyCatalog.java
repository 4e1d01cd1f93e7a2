package io.dockertutorial.compose.narration;

import io.dockertutorial.compose.syntax.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Compose keys the explainer knows, from {@code compose/keys.yml}, looked up by where a key sits. */
public final class KeyCatalog {

    public static final String DOCS = "https://docs.docker.com/reference/compose-file/";

    /** @param values texts for particular values of the key ({@code service_healthy}), possibly empty */
    public record Key(String pattern, String summary, String explanation, String docsUrl, Map<String, String> values) {
    }

    private final List<Key> keys;

    private KeyCatalog(List<Key> keys) {
        this.keys = keys;
    }

    public static KeyCatalog load() {
        return load("/compose/keys.yml");
    }

    @SuppressWarnings("unchecked")
    static KeyCatalog load(String resource) {
        try (InputStream in = KeyCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Map<String, Map<String, Object>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Key> keys = raw.entrySet().stream().map(e -> {
                Map<String, Object> v = e.getValue();
                Map<String, String> values = new LinkedHashMap<>();
                if (v.get("values") instanceof Map<?, ?> m) {
                    m.forEach((k, t) -> values.put(String.valueOf(k), String.valueOf(t)));
                }
                Object docs = v.get("docs");
                return new Key(e.getKey(), (String) v.get("summary"), (String) v.get("explanation"),
                        docs == null ? null : DOCS + docs, Map.copyOf(values));
            }).sorted(Comparator.comparingInt((Key k) -> Path.specificity(k.pattern())).reversed()).toList();
            return new KeyCatalog(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most specific entry whose pattern fits the path. */
    public Optional<Key> find(Path path) {
        return keys.stream().filter(k -> path.matches(k.pattern())).findFirst();
    }

    /** The nearest ancestor the catalog knows, for a key it does not know itself. */
    public Optional<Key> nearest(Path path) {
        for (Path p = path.parent(); p.size() > 0; p = p.parent()) {
            Optional<Key> k = find(p);
            if (k.isPresent()) {
                return k;
            }
        }
        return Optional.empty();
    }

    public List<Key> keys() {
        return keys;
    }
}
