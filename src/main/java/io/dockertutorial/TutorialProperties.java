package io.dockertutorial;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

/**
 * Everything a teacher may configure, bound from {@code application.yml}, environment variables
 * ({@code TUTORIAL_CONTENT_DIR}) or the command line ({@code --tutorial.content-dir=PATH}).
 *
 * @param contentDir            folder with the lessons; empty means the lessons shipped inside the app
 * @param siteTitle             the name shown in the header and the page titles
 * @param apiMaxBodySize        largest Dockerfile the API accepts, in bytes
 * @param embedOrigins          who may frame the embed routes ({@code frame-ancestors} sources); {@code *} = anyone
 * @param publicUrl             the site's address as visitors see it ({@code https://docker.school.example});
 *                              when set, every absolute URL (oEmbed, embed snippets) is built from it alone
 * @param maxConcurrentAnalyses analyses of visitors' Dockerfiles that may run at once; more are refused with 503
 * @param rateLimitPerMinute    analyses one client (IP address) may ask for per minute, on average
 * @param rateLimitBurst        analyses one client may ask for in a burst, before the per-minute rate applies
 * @param bodyTimeout           how long a client may take to send a whole request body (408 after that)
 * @param pageCacheSize         memory for rendered pages (both encodings), e.g. {@code 32MB}
 * @param analysisTimeout       how long one analysis of a visitor's text may run (422 "too complex" after that)
 */
@ConfigurationProperties("tutorial")
public record TutorialProperties(String contentDir, String siteTitle, Integer apiMaxBodySize,
                                 java.util.List<String> embedOrigins, String publicUrl,
                                 Integer maxConcurrentAnalyses, Integer rateLimitPerMinute, Integer rateLimitBurst,
                                 Duration bodyTimeout, DataSize pageCacheSize, Duration analysisTimeout) {

    @ConstructorBinding
    public TutorialProperties {
        if (embedOrigins == null || embedOrigins.isEmpty()) {
            embedOrigins = java.util.List.of("*");
        }
        if (siteTitle == null || siteTitle.isBlank()) {
            siteTitle = "Docker Tutorial";
        }
        if (apiMaxBodySize == null || apiMaxBodySize <= 0) {
            apiMaxBodySize = 64 * 1024;
        }
        publicUrl = publicUrl(publicUrl);
        if (maxConcurrentAnalyses == null || maxConcurrentAnalyses <= 0) {
            maxConcurrentAnalyses = Math.max(2, Runtime.getRuntime().availableProcessors());
        }
        if (rateLimitPerMinute == null || rateLimitPerMinute <= 0) {
            rateLimitPerMinute = 60;
        }
        if (rateLimitBurst == null || rateLimitBurst <= 0) {
            rateLimitBurst = 30;
        }
        if (bodyTimeout == null || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            bodyTimeout = Duration.ofSeconds(10);
        }
        if (pageCacheSize == null || pageCacheSize.toBytes() <= 0) {
            pageCacheSize = DataSize.ofMegabytes(32);
        }
        if (analysisTimeout == null || analysisTimeout.isNegative() || analysisTimeout.isZero()) {
            analysisTimeout = Duration.ofSeconds(5);
        }
    }

    /** The settings every test and tool that only names the content folder needs; the rest take their defaults. */
    public TutorialProperties(String contentDir, String siteTitle, Integer apiMaxBodySize,
                              java.util.List<String> embedOrigins) {
        this(contentDir, siteTitle, apiMaxBodySize, embedOrigins, null, null, null, null, null, null, null);
    }

    public boolean hasContentDir() {
        return contentDir != null && !contentDir.isBlank();
    }

    /** {@code https://host[:port][/prefix]} without a trailing slash, or {@code null} when not set. */
    private static String publicUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tutorial.public-url is not a URL: " + url);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("tutorial.public-url must look like https://host[:port][/path], not " + url);
        }
        return u;
    }
}
