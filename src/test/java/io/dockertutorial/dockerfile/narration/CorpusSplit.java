package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.*;
import io.dockertutorial.dockerfile.state.*;
import io.dockertutorial.dockerfile.syntax.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fixed split of the real-world corpus: about a fifth of the files is held out (never looked at while
 * tuning the engine, judged by hand only at the end), the rest is the tuning set. A file is held out when
 * the first four bytes of the SHA-256 of its name, read as an unsigned number, are divisible by 5; the
 * split depends on nothing but the file name, so anyone can reproduce it
 * ({@code printf '%s' NAME | sha256sum}, first 8 hex digits mod 5 == 0).
 */
final class CorpusSplit {

    private CorpusSplit() {
    }

    static boolean heldOut(String fileName) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(fileName.getBytes(StandardCharsets.UTF_8));
            long first = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
            return first % 5 == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean tuning(String fileName) {
        return !heldOut(fileName);
    }
}
