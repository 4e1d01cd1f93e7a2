package io.dockertutorial.command.catalog;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the docker command line accepts and what each command, argument and flag means
 * ({@code command/docker.yml}). Commands are found by their path under {@code docker}
 * ({@code "container run"}); aliases ({@code "run"}) lead to the same command.
 */
public final class CliCatalog {

    /** A flag: {@code shortName} like {@code -p} (or null), {@code longName} like {@code --publish}. */
    public record Flag(String shortName, String longName, boolean takesValue, String summary, String text,
                       String read, Map<String, String> cases) {

        /** How the flag is best named: its long name. */
        public String name() {
            return longName != null ? longName : shortName;
        }
    }

    /** A positional argument: {@code name} like {@code image}; {@code rest} when it takes every remaining word. */
    public record Argument(String name, boolean rest, String text, String read) {
    }

    /** A command; {@code path} is its canonical path, "" for docker itself. */
    public record Command(String path, String text, List<Argument> arguments, boolean stopAtArgument,
                         Map<String, Flag> flags) {

        /** A flag by any spelling ({@code -p}, {@code --publish}), or null. */
        public Flag flag(String spelling) {
            return flags.get(spelling);
        }

        /** Every long flag name, for suggestions. */
        public Set<String> longNames() {
            Set<String> names = new TreeSet<>();
            flags.keySet().stream().filter(n -> n.startsWith("--")).forEach(names::add);
            return names;
        }
    }

    /** The default catalog, read once from the classpath. */
    public static final CliCatalog DEFAULT = load();

    private final Map<String, Command> byPath = new LinkedHashMap<>();
    private final Map<String, Set<String>> children = new LinkedHashMap<>();
    private final Set<String> unexplained;
    private final Map<String, String> images;

    @SuppressWarnings("unchecked")
    CliCatalog(Map<String, Object> yaml) {
        Map<String, Map<String, Object>> commands = (Map<String, Map<String, Object>>) yaml.get("commands");
        for (var e : commands.entrySet()) {
            Map<String, Object> m = e.getValue() == null ? Map.of() : e.getValue();
            Map<String, Flag> flags = new LinkedHashMap<>();
            Object of = m.get("flags-of");
            if (of != null) {
                Map<String, Object> other = commands.get(of.toString());
                if (other == null) {
                    throw new IllegalArgumentException(e.getKey() + ": flags-of names no command: " + of);
                }
                readFlags((Map<String, Object>) other.get("flags"), flags);
                for (Object except : (List<Object>) m.getOrDefault("except", List.of())) {
                    Flag gone = flags.get(except.toString());
                    if (gone == null) {
                        throw new IllegalArgumentException(e.getKey() + ": except names no flag of " + of + ": " + except);
                    }
                    flags.values().removeIf(f -> f == gone);
                }
            }
            readFlags((Map<String, Object>) m.get("flags"), flags);
            flags.putIfAbsent("--help", new Flag(null, "--help", false, "Prints the command's help and exits.",
                    "Prints the command's help and exits.", null, Map.of()));
            List<Argument> arguments = new ArrayList<>();
            for (Object a : (List<Object>) m.getOrDefault("arguments", List.of())) {
                var entry = ((Map<String, Object>) a).entrySet().iterator().next();
                String name = entry.getKey();
                boolean rest = name.endsWith("...");
                String text;
                String read = null;
                if (entry.getValue() instanceof Map<?, ?> details) {
                    text = String.valueOf(details.get("text"));
                    read = details.get("read") == null ? null : details.get("read").toString();
                } else {
                    text = String.valueOf(entry.getValue());
                }
                arguments.add(new Argument(rest ? name.substring(0, name.length() - 3) : name, rest, text, read));
            }
            Command c = new Command(e.getKey(), String.valueOf(m.get("text")), List.copyOf(arguments),
                    Boolean.TRUE.equals(m.get("stop-at-argument")), Collections.unmodifiableMap(flags));
            add(e.getKey(), c);
            for (Object alias : (List<Object>) m.getOrDefault("aliases", List.of())) {
                add(alias.toString(), c);
            }
        }
        unexplained = Set.copyOf(((List<Object>) yaml.getOrDefault("unexplained", List.of())).stream().map(String::valueOf).toList());
        images = Map.copyOf((Map<String, String>) yaml.getOrDefault("images", Map.of()));
    }

    private void add(String path, Command c) {
        if (byPath.putIfAbsent(path, c) != null) {
            throw new IllegalArgumentException("command listed twice: " + path);
        }
        if (!path.isEmpty()) {
            int space = path.lastIndexOf(' ');
            String parent = space < 0 ? "" : path.substring(0, space);
            children.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(path.substring(space + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static void readFlags(Map<String, Object> yaml, Map<String, Flag> into) {
        if (yaml == null) {
            return;
        }
        yaml.forEach((key, value) -> {
            boolean takesValue = key.contains("<");
            String shortName = null;
            String longName = null;
            for (String spelling : key.replaceAll("<[^>]*>", " ").trim().split("\\s+")) {
                if (spelling.startsWith("--")) {
                    longName = spelling;
                } else if (spelling.startsWith("-") && spelling.length() == 2) {
                    shortName = spelling;
                } else {
                    throw new IllegalArgumentException("not a flag spelling: " + spelling + " in " + key);
                }
            }
            Flag flag;
            if (value instanceof Map<?, ?> raw) {
                Map<String, Object> m = (Map<String, Object>) raw;
                Map<String, String> cases = new LinkedHashMap<>();
                ((Map<Object, Object>) m.getOrDefault("cases", Map.of())).forEach((k, v) -> cases.put(String.valueOf(k), String.valueOf(v)));
                String summary = String.valueOf(m.get("summary"));
                flag = new Flag(shortName, longName, takesValue, summary,
                        m.get("text") == null ? summary : String.valueOf(m.get("text")),
                        m.get("read") == null ? null : String.valueOf(m.get("read")), Map.copyOf(cases));
            } else {
                String text = String.valueOf(value);
                flag = new Flag(shortName, longName, takesValue, firstSentence(text), text, null, Map.of());
            }
            if (shortName != null) {
                into.put(shortName, flag);
            }
            if (longName != null) {
                into.put(longName, flag);
            }
        });
    }

    /** The first sentence of a text (up to the first full stop followed by a space), {value} left out. */
    public static String firstSentence(String text) {
        String s = text.replace(" {value}", "").replace("{value}", "");
        int at = s.indexOf(". ");
        return at < 0 ? s : s.substring(0, at + 1);
    }

    public Command command(String path) {
        return byPath.get(path);
    }

    /** The sub-command words under a path ("" for docker itself). */
    public Set<String> children(String path) {
        return children.getOrDefault(path, Set.of());
    }

    /** Every path, aliases included. */
    public Set<String> paths() {
        return Collections.unmodifiableSet(byPath.keySet());
    }

    /** A real docker command this catalog does not explain (swarm, trust, Desktop plugins …). */
    public boolean unexplained(String word) {
        return unexplained.contains(word);
    }

    /** A phrase about image references: official, hub, registry, tag, untagged, digest. */
    public String imagePhrase(String key) {
        return images.getOrDefault(key, "");
    }

    private static CliCatalog load() {
        try (InputStream in = CliCatalog.class.getResourceAsStream("/command/docker.yml")) {
            if (in == null) {
                throw new IllegalStateException("command/docker.yml is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static CliCatalog parse(InputStream yaml) {
        return new CliCatalog((Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }
}
