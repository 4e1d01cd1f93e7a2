package io.dockertutorial.compose.checks;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.compose.model.PortSpec;
import io.dockertutorial.compose.model.Project;
import io.dockertutorial.compose.syntax.Interpolation;
import io.dockertutorial.compose.syntax.Path;
import io.dockertutorial.compose.syntax.YamlTree;
import io.dockertutorial.compose.syntax.YamlTree.Entry;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Compose findings beyond the schema, each a fact about what Compose will do, with texts from
 * {@code compose/rules.yml}: the obsolete {@code version}, ports published on every interface, secrets written
 * into {@code environment}, {@code depends_on} a database without waiting for its health, untagged images and
 * values Compose cannot interpolate.
 */
public final class ComposeRules {

    private record Text(String severity, String message, String fix) {
    }

    private final Map<String, Text> texts;
    private final List<String> databases;
    private final List<String> secretWords;
    private final List<String> notSecretSuffixes;

    private ComposeRules(Map<String, Text> texts, List<String> databases, List<String> secretWords, List<String> notSecret) {
        this.texts = texts;
        this.databases = databases;
        this.secretWords = secretWords;
        this.notSecretSuffixes = notSecret;
    }

    @SuppressWarnings("unchecked")
    public static ComposeRules load() {
        try (InputStream in = ComposeRules.class.getResourceAsStream("/compose/rules.yml")) {
            Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Text> texts = new java.util.HashMap<>();
            ((Map<String, Map<String, String>>) raw.get("rules")).forEach((id, t) ->
                    texts.put(id, new Text(t.get("severity"), t.get("message"), t.get("fix"))));
            return new ComposeRules(Map.copyOf(texts), List.copyOf((List<String>) raw.get("databases")),
                    List.copyOf((List<String>) raw.get("secret-words")), List.copyOf((List<String>) raw.get("not-secret-suffixes")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> check(YamlTree tree, Project project) {
        List<Finding> out = new ArrayList<>();
        for (Entry e : tree.entries()) {
            Deadline.check();
            Path p = e.path();
            if (e.alias() || p.inExtension()) {
                continue;
            }
            ScalarNode scalar = e.value() instanceof ScalarNode s ? s : null;
            if (scalar != null && scalar.getValue().indexOf('$') >= 0) {
                String error = Interpolation.parse(scalar.getValue()).error();
                if (error != null) {
                    out.add(finding("compose-interpolation", e.startLine(), Map.of("detail", error)));
                }
            }
            if (p.matches("version")) {
                out.add(finding("compose-version-obsolete", e.startLine(), Map.of()));
            } else if (p.matches("services.*.ports[]")) {
                ports(e, scalar, out);
            } else if (scalar != null && p.matches("services.*.environment.*")) {
                secret(p.lastKey(), scalar.getValue(), e.startLine(), out);
            } else if (scalar != null && p.matches("services.*.environment[]")) {
                int eq = scalar.getValue().indexOf('=');
                if (eq > 0) {
                    secret(scalar.getValue().substring(0, eq), scalar.getValue().substring(eq + 1), e.startLine(), out);
                }
            } else if (scalar != null && p.matches("services.*.image")) {
                image(project, (String) p.get(1), e.startLine(), out);
            } else if (p.matches("services.*.depends_on[]") && scalar != null) {
                dependsOn(project, (String) p.get(1), scalar.getValue(), e.startLine(), out);
            } else if (p.matches("services.*.depends_on.*")) {
                dependsOn(project, (String) p.get(1), p.lastKey(), e.startLine(), out);
            }
        }
        return out;
    }

    private void ports(Entry e, ScalarNode scalar, List<Finding> out) {
        List<PortSpec> ports;
        if (scalar != null) {
            if (Interpolation.hasVariables(scalar.getValue())) {
                return; // the address may come from a variable
            }
            ports = PortSpec.parse(scalar.getValue());
        } else if (e.value() instanceof MappingNode m) {
            String hostIp = null;
            String published = null;
            String target = "?";
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                    switch (k.getValue()) {
                        case "host_ip" -> hostIp = v.getValue();
                        case "published" -> published = v.getValue();
                        case "target" -> target = v.getValue();
                        default -> {
                        }
                    }
                }
            }
            if ((hostIp != null && Interpolation.hasVariables(hostIp)) || !target.matches("\\d+")) {
                return;
            }
            ports = List.of(new PortSpec(hostIp, published, Integer.parseInt(target), "tcp"));
        } else {
            return;
        }
        if (!ports.isEmpty() && ports.get(0).allInterfaces()) {
            PortSpec p = ports.get(0);
            String port = p.published() == null ? "container port " + p.target() + " on a free host port"
                    : "port " + p.published() + (ports.size() > 1 ? "-" + ports.get(ports.size() - 1).published() : "");
            String example = "\"127.0.0.1:" + (p.published() == null ? "" : p.published()) + ":" + p.target() + "\"";
            out.add(finding("compose-port-all-interfaces", e.startLine(), Map.of("port", port, "example", example)));
        }
    }

    private void secret(String name, String value, int line, List<Finding> out) {
        if (value == null || value.isBlank() || value.indexOf('$') >= 0 || !isSecretName(name)) {
            return;
        }
        out.add(finding("compose-secret-in-environment", line, Map.of("name", name)));
    }

    boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (notSecretSuffixes.stream().anyMatch(upper::endsWith)) {
            return false;
        }
        List<String> words = List.of(upper.split("[^A-Z0-9]+"));
        return secretWords.stream().anyMatch(w -> w.contains("_") ? upper.contains(w) : words.contains(w));
    }

    private void image(Project project, String service, int line, List<Finding> out) {
        Project.Service s = project.services().get(service);
        if (s == null || s.build() != null || s.image() == null || Interpolation.hasVariables(s.image())) {
            return; // with build:, image is the name of the built image
        }
        String ref = s.image();
        if (ref.contains("@")) {
            return;
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        String tag = colon > slash ? ref.substring(colon + 1) : null;
        if (tag != null && !tag.equals("latest")) {
            return;
        }
        String repo = colon > slash ? ref.substring(0, colon) : ref;
        out.add(finding("compose-image-latest", line, Map.of("image", ref, "repo", repo,
                "why", tag == null ? "has no tag, so Compose pulls the tag latest" : "names the tag latest")));
    }

    private void dependsOn(Project project, String service, String dependency, int line, List<Finding> out) {
        Project.Service s = project.services().get(service);
        Project.Service d = project.services().get(dependency);
        if (s == null || d == null || !"service_started".equals(s.dependsOn().get(dependency)) || !isDatabase(d.image())) {
            return;
        }
        String healthcheck = d.healthcheck() ? "" : "Give " + dependency + " a healthcheck: that asks the database itself. ";
        out.add(finding("compose-depends-on-database-started", line,
                Map.of("service", service, "dependency", dependency, "healthcheck", healthcheck)));
    }

    boolean isDatabase(String image) {
        if (image == null) {
            return false;
        }
        String repo = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = repo.lastIndexOf('/');
        int colon = repo.lastIndexOf(':');
        repo = colon > slash ? repo.substring(0, colon) : repo;
        repo = repo.replaceFirst("^(docker\\.io/)?(library/)?", "");
        return databases.contains(repo);
    }

    private Finding finding(String rule, int line, Map<String, String> values) {
        Text t = texts.get(rule);
        return new Finding(rule, line, t.severity(), fill(t.message(), values), t.fix() == null ? null : fill(t.fix(), values));
    }

    private static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }
}
