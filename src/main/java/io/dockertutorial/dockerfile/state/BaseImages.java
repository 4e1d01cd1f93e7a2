package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.syntax.ImageRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the engine knows about well-known base images without pulling them (base-images.yml): the
 * configuration a stage starts from. An image not listed is unknown: its ENV, USER and commands may be
 * anything, and the engine says so instead of guessing.
 */
public final class BaseImages {

    /** One image's configuration; {@code env} values are {@code null} where they depend on the tag. */
    record Config(String name, boolean windows, Map<String, String> env, String user, String workdir,
                  List<String> entrypoint, List<String> cmd, boolean commandKnown, String stopSignal,
                  List<String> exposed, boolean noShell) {
    }

    private record Entry(String key, Pattern match, Map<String, Object> base, List<Map.Entry<Pattern, Map<String, Object>>> tags) {
    }

    private final String defaultPath;
    private final Pattern windowsHint;
    private final List<Entry> entries = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public BaseImages(Map<String, Object> yaml) {
        defaultPath = (String) yaml.get("default_path");
        windowsHint = Pattern.compile((String) yaml.get("windows_hint"));
        ((Map<String, Map<String, Object>>) yaml.get("images")).forEach((key, m) -> {
            String match = (String) m.getOrDefault("match", "(?:docker\\.io/)?(?:library/)?" + Pattern.quote(key));
            List<Map.Entry<Pattern, Map<String, Object>>> tags = new ArrayList<>();
            ((Map<String, Map<String, Object>>) m.getOrDefault("tags", Map.of()))
                    .forEach((t, o) -> tags.add(Map.entry(Pattern.compile(t), o)));
            entries.add(new Entry(key, Pattern.compile(match), m, tags));
        });
    }

    String defaultPath() {
        return defaultPath;
    }

    /** The configuration of {@code image} (a full reference), or {@code null} when the image is not known. */
    public Config lookup(String image) {
        if (image == null || image.indexOf('$') >= 0) {
            return null;
        }
        ImageRef ref = ImageRef.parse(image.toLowerCase(Locale.ROOT));
        String tag = ref.tag() == null ? "latest" : ref.tag();
        for (Entry e : entries) {
            if (!e.match().matcher(ref.repository()).matches()) {
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>(e.base());
            for (Map.Entry<Pattern, Map<String, Object>> t : e.tags()) {
                if (t.getKey().matcher(tag).find()) {
                    merged.putAll(t.getValue());
                }
            }
            return config(e.key(), merged, windowsHint.matcher(image).find());
        }
        return null;
    }

    /** True when the image name or tag says it is a Windows image. */
    boolean looksWindows(String image) {
        return image != null && windowsHint.matcher(image).find();
    }

    @SuppressWarnings("unchecked")
    private Config config(String key, Map<String, Object> m, boolean windowsByName) {
        boolean windows = "windows".equals(m.get("os")) || windowsByName;
        Map<String, String> env = new LinkedHashMap<>();
        if (!windows) {
            env.put("PATH", defaultPath);
        }
        Map<String, Object> raw = (Map<String, Object>) m.getOrDefault("env", Map.of());
        raw.forEach((k, v) -> env.put(k, v == null ? null : String.valueOf(v)));
        return new Config(key, windows, Collections.unmodifiableMap(env), (String) m.get("user"),
                (String) m.get("workdir"), strings(m.get("entrypoint")), strings(m.get("cmd")),
                !Boolean.TRUE.equals(m.get("command_unknown")), (String) m.get("stopsignal"),
                strings(m.get("expose")) == null ? List.of() : strings(m.get("expose")),
                Boolean.TRUE.equals(m.get("no_shell")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? null : ((List<Object>) o).stream().map(String::valueOf).toList();
    }
}
