package io.dockertutorial.compose.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published port of a service, as Compose reads the short form {@code [HOST_IP:][HOST_PORT:]PORT[/PROTOCOL]}
 * ({@code "127.0.0.1:8080:80"}, {@code "[::1]:8080:80"}, {@code "8000-8001:8000-8001"}) or the long form.
 *
 * @param hostIp    the host address it listens on, {@code null} for every interface
 * @param published the host port or range as written, {@code null} when Docker picks a free one
 * @param target    the container port
 */
public record PortSpec(String hostIp, String published, int target, String protocol) {

    private static final Pattern SHORT = Pattern.compile(
            "^(?:(?:\\[(?<ip6>[0-9A-Fa-f:.]+)]|(?<ip>[0-9.]+|[0-9A-Fa-f]*:[0-9A-Fa-f:]*)?):)??"
                    + "(?:(?<host>[0-9]*(?:-[0-9]+)?):)?(?<target>[0-9]+(?:-[0-9]+)?)(?:/(?<proto>[a-z]+))?$");

    /** Whether the port listens on every interface of the host (no host address, or 0.0.0.0 / ::). */
    public boolean allInterfaces() {
        return hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::");
    }

    /** Whether the host address is a loopback one: only this machine can connect. */
    public boolean loopback() {
        return hostIp != null && (hostIp.startsWith("127.") || hostIp.equals("::1") || hostIp.equals("localhost"));
    }

    /** The short form as one or more ports (a range maps port by port), or an empty list when it cannot be read. */
    public static List<PortSpec> parse(String text) {
        Matcher m = SHORT.matcher(text.strip());
        if (!m.matches()) {
            return List.of();
        }
        String ip = m.group("ip6") != null ? m.group("ip6") : m.group("ip");
        String host = m.group("host");
        String proto = m.group("proto") == null ? "tcp" : m.group("proto");
        int[] targets = range(m.group("target"));
        int[] hosts = host == null || host.isEmpty() ? null : range(host);
        if (targets == null || (host != null && !host.isEmpty() && hosts == null)) {
            return List.of();
        }
        List<PortSpec> out = new ArrayList<>();
        int count = targets[1] - targets[0] + 1;
        if (count > 1024) {
            return List.of();
        }
        for (int i = 0; i < count; i++) {
            String published = null;
            if (hosts != null) {
                int hostCount = hosts[1] - hosts[0] + 1;
                // Equal ranges map port by port; one target over a host range takes any free port of the range.
                published = hostCount == count ? String.valueOf(hosts[0] + i)
                        : hostCount == 1 ? String.valueOf(hosts[0]) : hosts[0] + "-" + hosts[1];
            }
            out.add(new PortSpec(ip == null || ip.isEmpty() ? null : ip, published, targets[0] + i, proto));
        }
        return out;
    }

    private static int[] range(String text) {
        try {
            int dash = text.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? text : text.substring(0, dash));
            int to = dash < 0 ? from : Integer.parseInt(text.substring(dash + 1));
            return from <= to && to <= 65535 ? new int[]{from, to} : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
