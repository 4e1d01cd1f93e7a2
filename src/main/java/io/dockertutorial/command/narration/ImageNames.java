package io.dockertutorial.command.narration;

import io.dockertutorial.command.catalog.CliCatalog;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What an image reference such as {@code nginx:1.30} or {@code 127.0.0.1:5000/greeting:2.0} names. */
final class ImageNames {

    /** The parts of a reference; {@code registry} null for Docker Hub, {@code tag} null when none is given. */
    record Ref(String registry, String repository, String tag, String digest) {

        boolean official() {
            return registry == null && !repository.contains("/");
        }

        Map<String, String> facts(String ref) {
            Map<String, String> f = new HashMap<>();
            f.put("ref", ref);
            f.put("registry", registry == null ? "Docker Hub" : registry);
            f.put("repository", repository);
            f.put("tag", tag == null ? "latest" : tag);
            f.put("digest", digest == null ? "" : digest);
            return f;
        }
    }

    private static final Pattern REFERENCE = Pattern.compile("^[a-z0-9][a-z0-9._:/@-]*[a-zA-Z0-9_]$|^[a-z0-9]$");

    private ImageNames() {
    }

    /** The reference's parts, or null when it is not one (a variable, an ID prefix is still a name). */
    static Ref parse(String ref) {
        if (ref == null || ref.length() > 512 || !REFERENCE.matcher(ref.replaceAll("[A-Z]", "a")).matches()) {
            return null;
        }
        String digest = null;
        String rest = ref;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            return null;
        }
        if (registry == null && rest.startsWith("library/")) {
            rest = rest.substring(8);
        }
        return new Ref(registry, rest, tag, digest);
    }

    /** "nginx:1.30: the official image nginx from Docker Hub, tag 1.30." (phrases from docker.yml). */
    static String describe(CliCatalog catalog, String ref) {
        Ref r = parse(ref);
        if (r == null) {
            return null;
        }
        String head = catalog.imagePhrase(r.registry() != null ? "registry" : r.official() ? "official" : "hub");
        String tail = r.digest() != null ? catalog.imagePhrase("digest")
                : r.tag() != null ? catalog.imagePhrase("tag") : catalog.imagePhrase("untagged");
        return Narrator.fill(head + tail, r.facts(ref), ref);
    }
}
