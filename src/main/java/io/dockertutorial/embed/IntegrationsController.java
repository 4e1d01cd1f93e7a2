package io.dockertutorial.embed;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * The docs-site integrations, downloadable from this server (their names and install lines are on the
 * {@code /embed} page): the Docusaurus plugin as an npm tarball, the MkDocs plugin as a wheel, and the Hugo
 * render hook as a file. The file names carry the server's version, so they are cached for good.
 */
@RestController
class IntegrationsController {

    static final String HUGO_HOOK = "hugo/layouts/_default/_markup/render-codeblock-dockerfile.html";

    private final IntegrationPackages packages;

    IntegrationsController(IntegrationPackages packages) {
        this.packages = packages;
    }

    @GetMapping("/integrations/{file:.+}")
    ResponseEntity<byte[]> download(@PathVariable String file) {
        if (file.equals(packages.tarballName())) {
            return file(packages.tarball(), new MediaType("application", "gzip"), file);
        }
        if (file.equals(packages.wheelName())) {
            return file(packages.wheel(), new MediaType("application", "zip"), file);
        }
        if (file.equals("render-codeblock-dockerfile.html")) {
            return file(IntegrationPackages.resource(HUGO_HOOK), new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8), file);
        }
        return ResponseEntity.notFound().build();
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
