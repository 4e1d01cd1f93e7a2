package io.dockertutorial.dockerfile.syntax;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The commands that run another command ({@code sudo -u app git …}, {@code gosu app node …},
 * {@code timeout 30 curl …}), read from the {@code wraps}, {@code operands}, {@code stops} and
 * value-taking flags of {@code commands.yml}: splitting a script into commands needs them before
 * anything is narrated.
 */
final class Wrappers {

    /** {@code valued}: options that take the next word; {@code stops}: options that make it run nothing. */
    private record Wrapper(Set<String> valued, Set<String> stops, int operands) {
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Map<String, Wrapper> WRAPPERS = load();

    private Wrappers() {
    }

    /**
     * Where the command a wrapper runs starts ({@code sudo -u app git …}: the index of {@code git}), or -1 when
     * {@code words.get(k)} is no wrapper or runs nothing here ({@code command -v x}, a bare {@code env}).
     */
    static int wrapped(List<String> words, int k) {
        String name = Words.unquote(words.get(k));
        Wrapper doc = WRAPPERS.get(name.substring(name.lastIndexOf('/') + 1));
        if (doc == null) {
            return -1;
        }
        int j = k + 1;
        while (j < words.size()) {
            String w = Words.unquote(words.get(j));
            if (w.equals("--")) {
                j++;
                break;
            }
            if (!w.startsWith("-") || w.length() == 1) {
                break;
            }
            String option = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (doc.stops().contains(option)) {
                return -1;
            }
            j += doc.valued().contains(option) && !w.contains("=") ? 2 : 1;
        }
        while (j < words.size() && ASSIGNMENT.matcher(words.get(j)).matches()) {
            j++;
        }
        j += doc.operands();
        return j < words.size() ? j : -1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Wrapper> load() {
        Map<String, Object> yaml;
        try (InputStream in = Wrappers.class.getResourceAsStream("/dockerfile/commands.yml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource dockerfile/commands.yml");
            }
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Wrapper> out = new HashMap<>();
        ((Map<String, Map<String, Object>>) yaml.get("commands")).forEach((name, m) -> {
            if (!Boolean.TRUE.equals(m.get("wraps"))) {
                return;
            }
            Set<String> valued = new HashSet<>();
            ((Map<String, String>) m.getOrDefault("flags", Map.of())).keySet().stream().filter(key -> key.contains("<"))
                    .forEach(key -> valued.addAll(List.of(key.replaceAll("<[^>]*>", "").trim().split("\\s+"))));
            Wrapper w = new Wrapper(Set.copyOf(valued), Set.copyOf((List<String>) m.getOrDefault("stops", List.of())),
                    ((Number) m.getOrDefault("operands", 0)).intValue());
            out.put(name, w);
            for (String alias : (List<String>) m.getOrDefault("aliases", List.of())) {
                out.put(alias, w);
            }
        });
        return Map.copyOf(out);
    }
}
