package io.dockertutorial.embed;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Adds the oEmbed discovery link ({@code <link rel="alternate" …>}) to lesson and playground pages. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class OEmbedDiscoveryAdvice {

    private final io.dockertutorial.web.SiteUrls urls;

    OEmbedDiscoveryAdvice(io.dockertutorial.web.SiteUrls urls) {
        this.urls = urls;
    }

    @ModelAttribute("oembedUrl")
    String oembedUrl(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/lessons/") && !path.equals("/playground")) {
            return null;
        }
        String base = urls.base(request);
        return UriComponentsBuilder.fromUriString(base + "/oembed").queryParam("url", base + path)
                .queryParam("format", "json").encode().build().toUriString();
    }
}
