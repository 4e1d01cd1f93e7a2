package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.checks.Catalog;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The teaching text for each cache outcome, from {@code cache/reasons.yml}. Loaded once; immutable. */
public final class CacheReasons {

    private static final CacheReasons DEFAULT = new CacheReasons(load());

    private final Map<String, String> texts;

    CacheReasons(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static CacheReasons get() {
        return DEFAULT;
    }

    /** The sentence for a step, or {@code null} when the step has none. */
    public String text(CachePrediction.Step step) {
        if (step.reason() == null) {
            return null;
        }
        String template = texts.get(step.reason());
        if (template == null) {
            throw new IllegalStateException("cache/reasons.yml has no text for '" + step.reason() + "'");
        }
        return Catalog.fill(template, step.values());
    }

    /** A text that is about a file rather than a line ({@code file-not-taken}). */
    public String text(String key, Map<String, String> values) {
        String template = texts.get(key);
        if (template == null) {
            throw new IllegalStateException("cache/reasons.yml has no text for '" + key + "'");
        }
        return Catalog.fill(template, values);
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    private static Map<String, String> load() {
        try (InputStream in = CacheReasons.class.getResourceAsStream("/cache/reasons.yml")) {
            if (in == null) {
                throw new IllegalStateException("cache/reasons.yml is missing from the classpath");
            }
            Map<?, ?> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, String> texts = new LinkedHashMap<>();
            raw.forEach((k, v) -> texts.put(String.valueOf(k), String.valueOf(v)));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
