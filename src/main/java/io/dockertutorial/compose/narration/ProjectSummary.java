package io.dockertutorial.compose.narration;

import io.dockertutorial.compose.model.Mount;
import io.dockertutorial.compose.model.PortSpec;
import io.dockertutorial.compose.model.Project;
import io.dockertutorial.compose.model.Project.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the file will run, in sentences: per service, and for the whole project. */
public final class ProjectSummary {

    private ProjectSummary() {
    }

    /** One service: what it runs, where it is published, what it waits for. */
    static String service(Project project, Service s) {
        List<String> out = new ArrayList<>();
        String runs = s.build() != null
                ? "Builds an image from " + (s.build().equals(".") ? "this folder" : s.build())
                + (s.image() != null ? " (named " + s.image() + ")" : "") + " and runs it"
                : s.image() != null ? "Runs the image " + s.image() : "Runs no image (neither image nor build is set)";
        out.add(runs + ".");
        if (!s.ports().isEmpty()) {
            out.add("Published: " + ports(s.ports()) + ".");
        } else {
            out.add("No published ports: only the project's other services can reach it.");
        }
        if (!s.dependsOn().isEmpty()) {
            out.add("Starts after " + waits(s.dependsOn()) + ".");
        }
        return String.join(" ", out);
    }

    /** The whole project, for the summary at the top of the explainer. */
    public static String project(Project project) {
        List<String> out = new ArrayList<>();
        int n = project.services().size();
        if (n == 0) {
            return "This file defines no services, so docker compose up has nothing to start.";
        }
        out.add((project.name() != null ? "The project " + project.name() + " runs " : "Runs ")
                + n + (n == 1 ? " service" : " services") + ": " + String.join(", ", project.services().keySet()) + ".");
        for (Service s : project.services().values()) {
            String image = s.build() != null ? "built from " + (s.build().equals(".") ? "this folder" : s.build())
                    : s.image() != null ? s.image() : "no image";
            String ports = s.ports().isEmpty() ? "no published ports" : "published at " + ports(s.ports());
            List<String> mounts = new ArrayList<>();
            for (Mount m : s.mounts()) {
                mounts.add((m.source() == null ? "an anonymous volume" : m.type().equals("bind") ? m.source() : "volume " + m.source())
                        + " at " + m.target() + (m.readOnly() ? " (read-only)" : ""));
            }
            out.add(s.name() + ": " + image + ", " + ports + (mounts.isEmpty() ? "" : ", mounts " + String.join(", ", mounts))
                    + (s.dependsOn().isEmpty() ? "" : ", starts after " + waits(s.dependsOn())) + ".");
        }
        List<String> order = project.startOrder();
        if (project.services().values().stream().anyMatch(s -> !s.dependsOn().isEmpty())) {
            out.add("Start order: " + String.join(", then ", order) + ".");
        }
        out.add("Networks: " + (project.networks().isEmpty() ? "none" : String.join(", ", project.networks()))
                + (project.networks().contains("default") ? " (default is the one Compose creates for the project)" : "") + ".");
        out.add("Named volumes: " + (project.volumes().isEmpty() ? "none" : String.join(", ", project.volumes())) + ".");
        return String.join(" ", out);
    }

    private static String ports(List<PortSpec> ports) {
        List<String> out = new ArrayList<>();
        for (PortSpec p : ports) {
            String host = p.published() == null ? "a free port" : p.published();
            String where = p.allInterfaces() ? "every interface" : p.hostIp();
            out.add(where + ":" + host + " → " + p.target() + "/" + p.protocol());
        }
        return String.join(", ", out);
    }

    private static String waits(Map<String, String> dependsOn) {
        List<String> out = new ArrayList<>();
        dependsOn.forEach((name, condition) -> out.add(name + switch (condition) {
            case "service_healthy" -> " is healthy";
            case "service_completed_successfully" -> " has finished successfully";
            default -> " has started";
        }));
        return String.join(" and ", out);
    }
}
