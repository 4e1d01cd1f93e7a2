package io.dockertutorial.embed;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The docs-site integrations (integrations/ in the repository, copied into the jar), packed the way their
 * package managers take them, so a docs author installs them from this server in one line:
 * {@code npm install https://HOST/integrations/docusaurus-plugin-dockerfile-explainer-V.tgz} (an npm
 * tarball: a gzipped ustar archive of {@code package/…}) and
 * {@code pip install https://HOST/integrations/docker_tutorial_mkdocs-V-py3-none-any.whl} (a wheel: a zip
 * with {@code .dist-info} metadata and a RECORD of hashes). Both carry the server's version; each is made
 * once, on first request, from files inside the app (nothing outside it is read).
 */
@Component
public class IntegrationPackages {

    static final String NPM_NAME = "docusaurus-plugin-dockerfile-explainer";
    static final String WHEEL_NAME = "docker_tutorial_mkdocs";
    /** npm's own fixed timestamp for reproducible tarballs (1985-10-26T08:15:00Z). */
    private static final long MTIME = 499162500L;
    private static final String[] PLUGIN_FILES = {"index.js", "remark.js", "loader.js", "theme/DockerfileExplainer/index.js"};

    private final String version;
    private volatile byte[] tarball;
    private volatile byte[] wheel;

    public IntegrationPackages() {
        this.version = serverVersion();
    }

    /** The server's version (META-INF/docker-tutorial-version.properties, written by the build), e.g. 0.1.0-SNAPSHOT. */
    static String serverVersion() {
        ClassPathResource info = new ClassPathResource("META-INF/docker-tutorial-version.properties");
        if (info.exists()) {
            try (InputStream in = info.getInputStream()) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("build.version");
                if (v != null && v.matches("[0-9]+\\.[0-9]+\\.[0-9]+(-[A-Za-z0-9.]+)?")) {
                    return v;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "0.0.0-dev";
    }

    /** The same version in Python's spelling (PEP 440): 0.1.0-SNAPSHOT becomes 0.1.0.dev0. */
    static String pythonVersion(String version) {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash) + ".dev0";
    }

    public String version() {
        return version;
    }

    public String tarballName() {
        return NPM_NAME + "-" + version + ".tgz";
    }

    public String wheelName() {
        return WHEEL_NAME + "-" + pythonVersion(version) + "-py3-none-any.whl";
    }

    byte[] tarball() {
        byte[] t = tarball;
        if (t == null) {
            tarball = t = buildTarball();
        }
        return t;
    }

    byte[] wheel() {
        byte[] w = wheel;
        if (w == null) {
            wheel = w = buildWheel();
        }
        return w;
    }

    static byte[] resource(String path) {
        try (InputStream in = new ClassPathResource("integrations/" + path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("integrations/" + path + " is missing from the app", e);
        }
    }

    private byte[] buildTarball() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode manifest = (ObjectNode) json.readTree(resource("docusaurus/plugin/package.json"));
        manifest.put("version", version);
        manifest.remove("private");
        manifest.remove("scripts");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("package.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        for (String file : PLUGIN_FILES) {
            files.put(file, resource("docusaurus/plugin/" + file));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                gzip.write(ustarHeader("package/" + file.getKey(), file.getValue().length));
                gzip.write(file.getValue());
                gzip.write(new byte[(512 - file.getValue().length % 512) % 512]);
            }
            gzip.write(new byte[1024]); // two empty blocks end the archive
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A POSIX ustar header for a regular file (names here are short: no prefix field needed). */
    static byte[] ustarHeader(String name, long size) {
        byte[] name8 = name.getBytes(StandardCharsets.UTF_8);
        if (name8.length > 99) {
            throw new IllegalArgumentException("name too long for ustar: " + name);
        }
        byte[] h = new byte[512];
        System.arraycopy(name8, 0, h, 0, name8.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, MTIME);
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        h[156] = '0';
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        return h;
    }

    private static void octal(byte[] h, int at, int width, long value) {
        String digits = String.format("%0" + (width - 1) + "o", value);
        System.arraycopy(digits.getBytes(StandardCharsets.US_ASCII), 0, h, at, width - 1);
        h[at + width - 1] = 0;
    }

    private byte[] buildWheel() {
        String py = pythonVersion(version);
        String distInfo = WHEEL_NAME + "-" + py + ".dist-info/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(WHEEL_NAME + ".py", resource("mkdocs/docker_tutorial_mkdocs.py"));
        files.put(distInfo + "METADATA", ("""
                Metadata-Version: 2.1
                Name: docker-tutorial-mkdocs
                Version: %s
                Summary: Docker Tutorial's line-by-line Dockerfile explainer in MkDocs: a plugin and a superfences fence
                Requires-Python: >=3.8
                Requires-Dist: mkdocs
                Requires-Dist: pymdown-extensions
                """.formatted(py)).getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "WHEEL", """
                Wheel-Version: 1.0
                Generator: docker-tutorial
                Root-Is-Purelib: true
                Tag: py3-none-any
                """.getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "entry_points.txt", """
                [mkdocs.plugins]
                dockerfile-explainer = docker_tutorial_mkdocs:DockerfileExplainerPlugin
                """.getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "top_level.txt", (WHEEL_NAME + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        files.forEach((name, content) -> record.append(name).append(",sha256=").append(sha256(content)).append(',')
                .append(content.length).append('\n'));
        record.append(distInfo).append("RECORD,,\n");
        files.put(distInfo + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(MTIME * 1000);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** RECORD's hash: urlsafe base64 of the SHA-256, without padding. */
    static String sha256(byte[] content) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
