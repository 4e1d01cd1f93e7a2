package io.dockertutorial.command.narration;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a flag's value into the facts its explanation needs, and picks which of the flag's cases (texts in
 * {@code docker.yml}) applies: {@code -p 127.0.0.1:8080:80} is case {@code loopback} with {@code ip},
 * {@code host} and {@code container}. A value that cannot be read returns null, and the flag's general text
 * is used.
 */
final class ValueReaders {

    /** The case that applies and the facts to fill into its text. */
    record Reading(String kase, Map<String, String> facts) {
    }

    private static final Pattern PORT_NUMBER = Pattern.compile("^(?:[0-9]{1,5}(?:-[0-9]{1,5})?)?$");
    private static final Pattern CONTAINER_PORT = Pattern.compile("^[0-9]{1,5}(?:-[0-9]{1,5})?(?:/(?:tcp|udp|sctp))?$");
    private static final Pattern ADDRESS = Pattern.compile("^(?:[0-9.]{7,15}|[0-9A-Fa-f:]{2,39})$");
    private static final Pattern SIZE = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*([bkmgBKMG])?[bB]?$");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private ValueReaders() {
    }

    static Reading read(String reader, String value) {
        if (reader == null || value == null) {
            return null;
        }
        return switch (reader) {
            case "port" -> port(value);
            case "volume" -> volume(value);
            case "mount" -> mount(value);
            case "env" -> env(value);
            case "restart" -> restart(value);
            case "network" -> network(value);
            case "user" -> user(value);
            case "size" -> size(value);
            case "choice" -> new Reading(value.toLowerCase(Locale.ROOT), Map.of());
            default -> null;
        };
    }

    private static Reading port(String value) {
        String ip = null;
        String rest = value;
        if (rest.startsWith("[")) {
            int close = rest.indexOf("]:");
            if (close < 0) {
                return null;
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 2);
        }
        String[] parts = rest.split(":", -1);
        String host;
        String container;
        if (ip != null) {
            if (parts.length != 2) {
                return null;
            }
            host = parts[0];
            container = parts[1];
        } else if (parts.length == 1) {
            host = "";
            container = parts[0];
        } else if (parts.length == 2) {
            host = parts[0];
            container = parts[1];
        } else if (parts.length == 3) {
            ip = parts[0];
            host = parts[1];
            container = parts[2];
        } else {
            return null;
        }
        if (!PORT_NUMBER.matcher(host).matches() || !CONTAINER_PORT.matcher(container).matches()
                || (ip != null && !ADDRESS.matcher(ip).matches())) {
            return null;
        }
        Map<String, String> facts = new HashMap<>();
        facts.put("container", container);
        facts.put("host", host);
        facts.put("ip", ip == null ? "" : ip);
        boolean everywhere = ip == null || ip.equals("0.0.0.0") || ip.equals("::");
        if (host.isEmpty()) {
            return new Reading(everywhere ? "random" : "random-on-ip", facts);
        }
        if (everywhere) {
            return new Reading("all", facts);
        }
        boolean loopback = ip.startsWith("127.") || ip.equals("::1") || ip.equals("localhost");
        return new Reading(loopback ? "loopback" : "address", facts);
    }

    private static Reading volume(String value) {
        String rest = value;
        String drive = "";
        if (DRIVE.matcher(rest).matches()) {
            drive = rest.substring(0, 2);
            rest = rest.substring(2);
        }
        String[] parts = rest.split(":", -1);
        if (parts.length > 3 || parts[0].isEmpty() && parts.length > 1) {
            return null;
        }
        Map<String, String> facts = new HashMap<>();
        if (parts.length == 1) {
            facts.put("target", drive + parts[0]);
            return new Reading("anonymous", facts);
        }
        String source = drive + parts[0];
        facts.put("source", source);
        facts.put("target", parts[1]);
        String options = parts.length == 3 ? parts[2] : "";
        facts.put("mode", java.util.Arrays.asList(options.split(",")).contains("ro") ? "read-only" : "read-write");
        boolean bind = !drive.isEmpty() || source.startsWith("/") || source.startsWith(".") || source.startsWith("~")
                || source.startsWith("$") || source.contains("/") || source.contains("\\");
        return new Reading(bind ? "bind" : "named", facts);
    }

    private static Reading mount(String value) {
        Map<String, String> kv = new HashMap<>();
        for (String pair : value.split(",")) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            kv.put(key, eq < 0 ? "true" : pair.substring(eq + 1).strip());
        }
        String type = kv.getOrDefault("type", "volume");
        String source = kv.getOrDefault("source", kv.get("src"));
        String target = kv.getOrDefault("target", kv.getOrDefault("destination", kv.get("dst")));
        if (target == null) {
            return null;
        }
        String ro = kv.getOrDefault("readonly", kv.getOrDefault("ro", "false"));
        Map<String, String> facts = new HashMap<>();
        facts.put("target", target);
        facts.put("source", source == null ? "" : source);
        facts.put("mode", ro.equals("true") || ro.equals("1") ? "read-only" : "read-write");
        return switch (type) {
            case "bind" -> source == null ? null : new Reading("bind", facts);
            case "volume" -> new Reading(source == null ? "anonymous" : "volume", facts);
            case "tmpfs" -> new Reading("tmpfs", facts);
            default -> null;
        };
    }

    private static Reading env(String value) {
        int eq = value.indexOf('=');
        Map<String, String> facts = new HashMap<>();
        facts.put("name", eq < 0 ? value : value.substring(0, eq));
        if (eq < 0) {
            return new Reading("pass", facts);
        }
        facts.put("val", value.substring(eq + 1));
        return new Reading(eq == value.length() - 1 ? "empty" : "set", facts);
    }

    private static Reading restart(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith("on-failure")) {
            String limit = v.startsWith("on-failure:") ? ", at most " + v.substring(11) + " times" : "";
            return new Reading("on-failure", Map.of("limit", limit));
        }
        return new Reading(v, Map.of());
    }

    private static Reading network(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.startsWith("container:")) {
            return new Reading("container", Map.of("name", value.substring(10)));
        }
        return new Reading(v.equals("bridge") || v.equals("host") || v.equals("none") ? v : "custom", Map.of());
    }

    private static Reading user(String value) {
        int colon = value.indexOf(':');
        String uid = colon < 0 ? value : value.substring(0, colon);
        String group = colon < 0 ? "" : " and group " + value.substring(colon + 1);
        Map<String, String> facts = Map.of("uid", uid, "group", group);
        if (uid.equals("0") || uid.equals("root")) {
            return new Reading("root", facts);
        }
        return new Reading(uid.matches("[0-9]+") ? "numeric" : "name", facts);
    }

    /** Docker's sizes: a number with b, k, m or g, in powers of 1024 (512m is 512 MiB). */
    private static Reading size(String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        String size = m.group(1) + switch (unit) {
            case "k" -> " KiB";
            case "m" -> " MiB";
            case "g" -> " GiB";
            default -> " bytes";
        };
        return new Reading("size", Map.of("size", size));
    }
}
