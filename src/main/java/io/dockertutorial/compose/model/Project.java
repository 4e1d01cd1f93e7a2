package io.dockertutorial.compose.model;

import io.dockertutorial.budget.Deadline;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a Compose file will run, read from the file with its variables resolved: the services with their
 * images, published ports, mounts, networks and start dependencies, and the project's named networks and
 * volumes. The labs compare it with {@code docker compose config --format json}.
 *
 * @param networks the networks Compose creates or uses, by key ({@code default} when a service uses no other)
 * @param volumes  the named volumes declared at the top level
 */
public record Project(String name, Map<String, Service> services, List<String> networks, List<String> volumes) {

    /**
     * @param image     the image to run (or the name of the built image), {@code null} when only built
     * @param build     the build context, {@code null} when not built
     * @param dependsOn the services this one waits for, with the condition ({@code service_started} when only named)
     */
    public record Service(String name, String image, String build, List<PortSpec> ports, List<Mount> mounts,
                          List<String> networks, Map<String, String> dependsOn, boolean healthcheck) {
    }

    public static Project of(JsonNode doc) {
        Map<String, Service> services = new LinkedHashMap<>();
        TreeSet<String> usedNetworks = new TreeSet<>();
        JsonNode s = doc.path("services");
        if (s.isObject()) {
            for (String name : s.propertyNames()) {
                Deadline.check();
                Service service = service(name, s.get(name));
                services.put(name, service);
                usedNetworks.addAll(service.networks());
            }
        }
        List<String> networks = new ArrayList<>();
        if (usedNetworks.contains("default")) {
            networks.add("default");
        }
        JsonNode n = doc.path("networks");
        if (n.isObject()) {
            n.propertyNames().forEach(k -> {
                if (!networks.contains(k)) {
                    networks.add(k);
                }
            });
        }
        List<String> volumes = new ArrayList<>();
        doc.path("volumes").propertyNames().forEach(volumes::add);
        return new Project(text(doc.get("name")), services, List.copyOf(networks), List.copyOf(volumes));
    }

    private static Service service(String name, JsonNode s) {
        JsonNode build = s.get("build");
        String context = build == null || build.isNull() ? null
                : build.isObject() ? textOr(build.get("context"), ".") : text(build);
        List<PortSpec> ports = new ArrayList<>();
        for (JsonNode p : s.path("ports")) {
            if (p.isObject()) {
                String published = text(p.get("published"));
                ports.add(new PortSpec(blankToNull(text(p.get("host_ip"))), blankToNull(published),
                        p.path("target").asInt(), textOr(p.get("protocol"), "tcp")));
            } else if (text(p) != null) {
                ports.addAll(PortSpec.parse(text(p)));
            }
        }
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode v : s.path("volumes")) {
            if (v.isObject()) {
                mounts.add(new Mount(textOr(v.get("type"), "volume"), text(v.get("source")), text(v.get("target")),
                        v.path("read_only").asBoolean(false)));
            } else if (text(v) != null) {
                mounts.add(Mount.parse(text(v)));
            }
        }
        List<String> networks = new ArrayList<>();
        JsonNode nets = s.get("networks");
        if (nets != null && nets.isArray()) {
            nets.forEach(x -> networks.add(x.asString()));
        } else if (nets != null && nets.isObject()) {
            networks.addAll(nets.propertyNames());
        }
        if (networks.isEmpty() && !"host".equals(text(s.get("network_mode"))) && s.get("network_mode") == null) {
            networks.add("default");
        }
        Map<String, String> dependsOn = new LinkedHashMap<>();
        JsonNode deps = s.get("depends_on");
        if (deps != null && deps.isArray()) {
            deps.forEach(d -> dependsOn.put(d.asString(), "service_started"));
        } else if (deps != null && deps.isObject()) {
            for (String d : deps.propertyNames()) {
                dependsOn.put(d, textOr(deps.get(d).get("condition"), "service_started"));
            }
        }
        JsonNode health = s.get("healthcheck");
        boolean healthcheck = health != null && health.isObject() && !health.path("disable").asBoolean(false)
                && !(health.path("test").isArray() && "NONE".equals(health.path("test").path(0).asString()));
        return new Service(name, text(s.get("image")), context, List.copyOf(ports), List.copyOf(mounts),
                List.copyOf(networks), dependsOn, healthcheck);
    }

    /** The start order: every service after the ones it depends on (a cycle keeps the file's order). */
    public List<String> startOrder() {
        List<String> order = new ArrayList<>();
        for (String name : services.keySet()) {
            visit(name, order, new TreeSet<>());
        }
        return order;
    }

    private void visit(String name, List<String> order, TreeSet<String> path) {
        if (order.contains(name) || !path.add(name)) {
            return;
        }
        Service s = services.get(name);
        if (s != null) {
            s.dependsOn().keySet().forEach(d -> visit(d, order, path));
        }
        if (!order.contains(name) && services.containsKey(name)) {
            order.add(name);
        }
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainer() ? null : n.asString();
    }

    private static String textOr(JsonNode n, String otherwise) {
        String t = text(n);
        return t == null ? otherwise : t;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
