package io.dockertutorial.dockerfile.syntax;

/** An image reference split into repository, tag and digest: {@code registry/ns/name:tag@sha256:…}. */
public record ImageRef(String repository, String tag, String digest) {

    public static ImageRef parse(String ref) {
        String digest = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            digest = ref.substring(at + 1);
            ref = ref.substring(0, at);
        }
        String tag = null;
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            tag = ref.substring(colon + 1);
            ref = ref.substring(0, colon);
        }
        return new ImageRef(ref, tag, digest);
    }

    /** The last part of the repository ({@code python} for {@code docker.io/library/python}). */
    public String shortName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }
}
