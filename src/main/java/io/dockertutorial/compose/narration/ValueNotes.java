package io.dockertutorial.compose.narration;

import io.dockertutorial.compose.model.Mount;
import io.dockertutorial.compose.model.PortSpec;
import io.dockertutorial.compose.syntax.Interpolation;
import io.dockertutorial.compose.syntax.Path;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a particular value means where it stands: this port mapping, this mount, this image. */
final class ValueNotes {

    private ValueNotes() {
    }

    /** One sentence about the value, or {@code null} when the key's own text says it all. */
    static String sentence(Path path, String value, KeyCatalog.Key key) {
        if (key != null && key.values().containsKey(value)) {
            return key.values().get(value);
        }
        if (key != null && key.pattern().equals("services.*.restart") && value.startsWith("on-failure:")) {
            return key.values().get("on-failure") + " At most " + value.substring(11) + " times.";
        }
        if (Interpolation.hasVariables(value)) {
            return null; // the variable parts say where the value comes from
        }
        if (path.matches("services.*.image")) {
            return image(value);
        }
        if (path.matches("services.*.ports[]")) {
            return ports(value);
        }
        if (path.matches("services.*.volumes[]")) {
            return mount(value);
        }
        if (path.matches("services.*.build")) {
            return value.equals(".") ? "Builds from the folder of this Compose file, with the Dockerfile in it."
                    : "Builds from the folder " + value + ", relative to this Compose file.";
        }
        if (path.matches("services.*.depends_on[]")) {
            return "Starts the service " + value + " first.";
        }
        if (path.matches("services.*.environment[]")) {
            int eq = value.indexOf('=');
            return eq < 0 ? "Passes " + value + " from the shell that runs Compose into the container (nothing when it is unset there)."
                    : "Sets " + value.substring(0, eq) + " to \"" + value.substring(eq + 1) + "\" in the container.";
        }
        if (path.matches("services.*.environment.*")) {
            return "Sets " + path.lastKey() + " to \"" + value + "\" in the container.";
        }
        if (path.matches("services.*.healthcheck.test") && !value.isEmpty()) {
            return "Runs it with /bin/sh -c, as CMD-SHELL would.";
        }
        return null;
    }

    static String image(String ref) {
        String name = ref;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        String tag = colon > slash ? name.substring(colon + 1) : null;
        String repo = colon > slash ? name.substring(0, colon) : name;
        String first = repo.contains("/") ? repo.substring(0, repo.indexOf('/')) : "";
        boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
        String from = registry ? "from the registry " + first : "from Docker Hub";
        if (digest != null) {
            return "Runs " + repo + " pinned to the digest " + digest + ", " + from + ": exactly the same image everywhere.";
        }
        if (tag == null) {
            return "Runs " + repo + " " + from + " with no tag, which means the tag latest.";
        }
        return "Runs " + repo + " at the tag " + tag + ", " + from + ".";
    }

    static String ports(String value) {
        List<PortSpec> ports = PortSpec.parse(value);
        if (ports.isEmpty()) {
            return null;
        }
        PortSpec p = ports.get(0);
        String target = ports.size() > 1 ? p.target() + "-" + ports.get(ports.size() - 1).target() : String.valueOf(p.target());
        String published = ports.size() > 1 && p.published() != null
                ? p.published() + "-" + ports.get(ports.size() - 1).published() : p.published();
        String container = "Container port " + target + "/" + p.protocol();
        String hostPort = published == null ? "a free port Docker picks" : "port " + published;
        if (p.loopback()) {
            return container + " is reachable at " + hostPort + " of " + p.hostIp() + ": only from this machine.";
        }
        if (p.allInterfaces()) {
            return container + " is reachable at " + hostPort + " on every network interface of this machine:"
                    + " other computers that can reach it can connect too.";
        }
        return container + " is reachable at " + hostPort + " of the address " + p.hostIp() + ".";
    }

    /** Parts of a short-form port: host address, host port, container port, each with its span. */
    static List<Note.Part> portParts(ScalarNode node, List<String> lines) {
        String value = node.getValue();
        List<PortSpec> ports = PortSpec.parse(value);
        if (ports.isEmpty() || Interpolation.hasVariables(value)) {
            return List.of();
        }
        List<Note.Part> parts = new ArrayList<>();
        String[] pieces = value.startsWith("[") ? null : value.split(":", -1);
        if (pieces == null || pieces.length > 3) {
            return List.of();
        }
        int offset = VariableNotes.quoted(node) ? 1 : 0;
        int at = 0;
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            String role = i == pieces.length - 1 ? "container-port" : i == pieces.length - 2 ? "host-port" : "host-address";
            String summary = switch (role) {
                case "host-address" -> "The host address: " + (PortSpec.parse(value).get(0).loopback()
                        ? "a loopback address, so only this machine can connect." : "connections to this address only.");
                case "host-port" -> piece.isEmpty() ? "No host port: Docker picks a free one." : "The port on this machine.";
                default -> "The port inside the container (the program's own port).";
            };
            if (!piece.isEmpty()) {
                parts.add(new Note.Part(piece, role, summary, null, Spans.at(node, lines, value, offset + at, piece.length())));
            }
            at += piece.length() + 1;
        }
        return parts;
    }

    static String mount(String value) {
        Mount m = Mount.parse(value);
        String ro = m.readOnly() ? ", read-only" : "";
        if (m.source() == null) {
            return "An anonymous volume at " + m.target() + ": new and empty for each new container.";
        }
        if (m.type().equals("bind")) {
            return "Mounts " + m.source() + " from this machine at " + m.target() + ro + ": the container sees the real "
                    + (m.readOnly() ? "files and your changes to them, but cannot change them." : "files, and changes go both ways.");
        }
        return "Mounts the named volume " + m.source() + " at " + m.target() + ro
                + ": its data outlives the container (docker compose down keeps it).";
    }

    /** The value as written when it fits on one line; longer values are summarised by the key. */
    static String shortValue(ScalarNode node) {
        String v = node.getValue();
        return v.contains("\n") || v.length() > 80 ? null : v;
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
