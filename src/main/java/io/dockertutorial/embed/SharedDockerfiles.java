package io.dockertutorial.embed;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the Dockerfile a share link packs into its fragment ({@code code=b:…} base64url of UTF-8,
 * {@code code=z:…} the same after raw deflate, as share-codec.js writes them), within a size budget: a link
 * that inflates past it, or is not what it claims, reads as nothing.
 */
final class SharedDockerfiles {

    /** Height of one code line and of the frame around the code, in CSS pixels (site.css: 1.6 × 14 px, caption, credit). */
    static final int LINE_PX = 23;
    static final int CHROME_PX = 110;
    static final int EMPTY_PX = 160;

    private SharedDockerfiles() {
    }

    static Optional<String> decode(String packed, int maxBytes) {
        if (packed == null || packed.length() < 2 || packed.length() > maxBytes * 2L) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(packed.substring(2));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (packed.startsWith("b:")) {
            return bytes.length > maxBytes ? Optional.empty() : Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!packed.startsWith("z:")) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    return Optional.empty();
                }
            }
            return Optional.of(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }

    /** A frame height for a share link's fragment ({@code code=…&line=…}): its lines, or a small empty frame. */
    static int frameHeight(String fragment, int maxBytes) {
        int at = fragment.indexOf("code=");
        if (at < 0) {
            return EMPTY_PX;
        }
        int end = fragment.indexOf('&', at);
        return decode(fragment.substring(at + 5, end < 0 ? fragment.length() : end), maxBytes)
                .map(text -> CHROME_PX + LINE_PX * (int) text.lines().count())
                .orElse(EMPTY_PX);
    }
}
