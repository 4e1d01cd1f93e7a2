package io.dockertutorial.dockerfile;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Dockerfile knowledge, read from the YAML files in {@code src/main/resources/dockerfile/}:
 * what each instruction and flag means, the commands inside RUN, the lint rules' teaching text,
 * and facts about base images. Loaded once; immutable.
 */
public final class Catalog {

    public static final String REFERENCE = "https://docs.docker.com/reference/dockerfile/";
    public static final String RULES = "https://docs.docker.com/go/dockerfile/rule/";

    public record FlagDoc(String summary, String explanation) {
    }

    public record InstructionDoc(String keyword, String summary, String explanation, String docsUrl,
                                 Map<String, String> details, Map<String, FlagDoc> flags, String needs,
                                 String example) {
        public String detail(String key, Map<String, ?> values) {
            String template = details.get(key);
            return template == null ? null : fill(template, values);
        }
    }

    public record RuleDoc(String id, Severity severity, String message, String fix, String url, boolean experimental,
                          Map<String, String> hints, Map<String, String> servers, String hadolint) {
    }

    /** A dependency install command and the files it reads (dependency-installs.yml). */
    public record DependencyInstall(Pattern match, String files) {
    }

    private final Map<String, InstructionDoc> instructions;
    private final CommandCatalog commands;
    private final CommandCatalog windowsCommands;
    private final Map<String, RuleDoc> rules;
    private final Map<String, Map<String, Map<String, String>>> endOfLife;
    private final Map<String, String> exampleTags;
    private final Map<String, Map<String, String>> codenames;
    private final BaseImages baseImages;
    private final Map<String, String> phrases;
    private final List<DependencyInstall> dependencyInstalls;

    private static final Catalog DEFAULT = new Catalog();

    public static Catalog get() {
        return DEFAULT;
    }

    @SuppressWarnings("unchecked")
    private Catalog() {
        Map<String, Object> raw = (Map<String, Object>) load("instructions.yml");
        Map<String, InstructionDoc> docs = new LinkedHashMap<>();
        raw.forEach((keyword, value) -> {
            Map<String, Object> m = (Map<String, Object>) value;
            Map<String, FlagDoc> flags = new LinkedHashMap<>();
            Map<String, Map<String, String>> rawFlags = (Map<String, Map<String, String>>) m.getOrDefault("flags", Map.of());
            rawFlags.forEach((name, f) -> flags.put(name, new FlagDoc(f.get("summary"), f.get("explanation"))));
            Map<String, String> details = (Map<String, String>) m.getOrDefault("details", Map.of());
            docs.put(keyword, new InstructionDoc(keyword, (String) m.get("summary"), (String) m.get("explanation"),
                    REFERENCE + "#" + m.get("docs"), Map.copyOf(details), Map.copyOf(flags), (String) m.get("needs"),
                    (String) m.get("example")));
        });
        instructions = Map.copyOf(docs);

        commands = new CommandCatalog((Map<String, Object>) load("commands.yml"));
        windowsCommands = new CommandCatalog((Map<String, Object>) load("windows-commands.yml"), true);

        Map<String, RuleDoc> r = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) load("rules.yml")).forEach((id, m) -> {
            String page = (String) m.get("page");
            r.put(id, new RuleDoc(id, Severity.valueOf(((String) m.get("severity")).toUpperCase()),
                    (String) m.get("message"), (String) m.get("fix"), page == null ? null : RULES + page + "/",
                    Boolean.TRUE.equals(m.get("experimental")),
                    Map.copyOf((Map<String, String>) m.getOrDefault("hints", Map.of())),
                    Map.copyOf((Map<String, String>) m.getOrDefault("servers", Map.of())), (String) m.get("hadolint")));
        });
        rules = Map.copyOf(r);

        Map<String, Object> images = (Map<String, Object>) load("images.yml");
        endOfLife = (Map<String, Map<String, Map<String, String>>>) images.get("eol");
        exampleTags = (Map<String, String>) images.get("examples");
        codenames = (Map<String, Map<String, String>>) images.get("codenames");
        baseImages = new BaseImages((Map<String, Object>) load("base-images.yml"));
        phrases = Map.copyOf((Map<String, String>) load("phrases.yml"));
        List<DependencyInstall> installs = new ArrayList<>();
        for (Map<String, String> d : (List<Map<String, String>>) load("dependency-installs.yml")) {
            installs.add(new DependencyInstall(Pattern.compile(d.get("match")), d.get("files")));
        }
        dependencyInstalls = List.copyOf(installs);
    }

    public List<DependencyInstall> dependencyInstalls() {
        return dependencyInstalls;
    }

    /** A sentence from phrases.yml with its placeholders filled. */
    public String phrase(String key, Map<String, ?> values) {
        String template = phrases.get(key);
        if (template == null) {
            throw new IllegalArgumentException("no phrase " + key + " in phrases.yml");
        }
        return fill(template, values);
    }

    private static Object load(String name) {
        try (InputStream in = Catalog.class.getResourceAsStream("/dockerfile/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dockerfile/" + name);
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code {name}} placeholders; unknown ones stay as written. */
    public static String fill(String template, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(open + 1, close);
            Object value = values.get(key);
            out.append(template, i, open);
            out.append(value != null ? value : template.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }

    public InstructionDoc instruction(String keyword) {
        return instructions.get(keyword);
    }

    public Map<String, InstructionDoc> instructions() {
        return instructions;
    }

    /** PowerShell cmdlets, cmd.exe built-ins and Windows programs (windows-commands.yml). */
    CommandCatalog windowsCommands() {
        return windowsCommands;
    }

    CommandCatalog commands() {
        return commands;
    }

    public RuleDoc rule(String id) {
        RuleDoc rule = rules.get(id);
        if (rule == null) {
            throw new IllegalArgumentException("no rule " + id + " in rules.yml");
        }
        return rule;
    }

    public Map<String, RuleDoc> rules() {
        return rules;
    }

    /** End-of-life facts for an image and version, e.g. ("python", "3.9"), or {@code null}. */
    public Map<String, String> endOfLife(String image, String version) {
        Map<String, Map<String, String>> versions = endOfLife.get(image);
        return versions == null ? null : versions.get(version);
    }

    /** End-of-life facts for an operating system release named in a tag ({@code buster}), or {@code null}. */
    public Map<String, String> endOfLifeCodename(String codename) {
        return codenames.get(codename);
    }

    BaseImages baseImages() {
        return baseImages;
    }

    public String exampleTag(String image) {
        return exampleTags.getOrDefault(image, image + ":<version>");
    }
}
