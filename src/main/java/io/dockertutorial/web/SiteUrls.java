package io.dockertutorial.web;

import io.dockertutorial.TutorialProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's own absolute address, for the few places that must write one (oEmbed answers, the embed
 * snippets teachers copy, discovery links). With {@code tutorial.public-url} set, it is that and nothing a
 * request says can change it; without, it is the scheme, host and port Tomcat resolved for the request
 * (forwarded headers count only from a trusted proxy: {@code server.tomcat.remoteip.internal-proxies}).
 */
@Component
public class SiteUrls {

    private final String publicUrl;

    public SiteUrls(TutorialProperties properties) {
        this.publicUrl = properties.publicUrl();
    }

    /** {@code scheme://host[:port][/context]}, no trailing slash. */
    public String base(HttpServletRequest request) {
        return publicUrl != null ? publicUrl
                : ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    /** What a rendered page may depend on of the request's address: part of the page cache's key. */
    String origin(HttpServletRequest request) {
        return publicUrl != null ? publicUrl
                : request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }
}
