package io.dockertutorial;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything a teacher may configure, bound from {@code application.yml}, environment variables
 * ({@code TUTORIAL_CONTENT_DIR}) or the command line ({@code --tutorial.content-dir=PATH}).
 *
 * @param contentDir     folder with the lessons; empty means the lessons shipped inside the app
 * @param siteTitle      the name shown in the header and the page titles
 * @param apiMaxBodySize largest Dockerfile the API accepts, in bytes
 * @param embedOrigins   who may frame the embed routes ({@code frame-ancestors} sources); {@code *} = anyone
 */
@ConfigurationProperties("tutorial")
public record TutorialProperties(String contentDir, String siteTitle, Integer apiMaxBodySize,
                                 java.util.List<String> embedOrigins) {

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
    }

    public boolean hasContentDir() {
        return contentDir != null && !contentDir.isBlank();
    }
}
