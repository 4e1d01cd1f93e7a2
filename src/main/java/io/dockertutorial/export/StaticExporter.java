package io.dockertutorial.export;

import io.dockertutorial.lesson.Course;
import io.dockertutorial.lesson.Lesson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the whole site as static files: every page is fetched from the running app (so the export
 * is exactly what the server shows, explainers included), its links are made relative so it works
 * from any static host and from {@code file://}, and every asset it references is copied.
 */
public final class StaticExporter {

    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(\\s(?:href|src|action)=\")([^\"]*)(\")");
    private static final Pattern OEMBED_LINK = Pattern.compile("\\s*<link rel=\"alternate\" type=\"application/json\\+oembed\"[^>]*>");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Path target;

    public StaticExporter(String base, Path target) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.target = target;
    }

    /** @return the number of files written */
    public int export(Course course) throws IOException, InterruptedException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "index.html");
        pages.put("/playground", "playground.html");
        pages.put("/search?offline=true", "search.html");
        for (Lesson lesson : course.lessons()) {
            pages.put("/lessons/" + lesson.slug(), "lessons/" + lesson.slug() + ".html");
        }
        Set<String> assets = new LinkedHashSet<>();
        int written = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String html = fetchText(page.getKey(), 200);
            write(page.getValue(), relativize(html, page.getValue(), assets).getBytes(StandardCharsets.UTF_8));
            written++;
        }
        write("search-index.js", fetchText("/search-index.js", 200).getBytes(StandardCharsets.UTF_8));
        written++;
        String notFound = fetchText("/this-page-does-not-exist", 404);
        write("404.html", relativize(notFound, "404.html", assets).getBytes(StandardCharsets.UTF_8));
        written++;
        for (String asset : assets) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + asset)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                write(asset.substring(1), response.body());
                written++;
            }
        }
        return written;
    }

    private String fetchText(String path, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private void write(String relative, byte[] bytes) throws IOException {
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target)) {
            throw new IOException("refusing to write outside the export folder: " + relative);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Rewrites site-absolute URLs into links relative to the page, and records the assets to copy. */
    String relativize(String html, String pagePath, Set<String> assets) {
        String prefix = "../".repeat((int) pagePath.chars().filter(c -> c == '/').count());
        html = OEMBED_LINK.matcher(html).replaceAll("");
        Matcher m = URL_ATTRIBUTE.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            String url = m.group(2);
            if (url.startsWith(base)) {
                url = url.substring(base.length());
                if (url.isEmpty()) {
                    url = "/";
                }
            }
            String rewritten = url;
            if (url.startsWith("/") && !url.startsWith("//")) {
                String fragment = "";
                int hash = url.indexOf('#');
                if (hash >= 0) {
                    fragment = url.substring(hash);
                    url = url.substring(0, hash);
                }
                rewritten = prefix + localPath(url, assets) + fragment;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + rewritten + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String localPath(String url, Set<String> assets) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (path.equals("/") || path.isEmpty()) {
            return "index.html";
        }
        if (path.startsWith("/static/")) {
            assets.add(path);
            return path.substring(1);
        }
        Matcher lesson = Pattern.compile("^/lessons/([^/]+)/?$").matcher(path);
        if (lesson.matches()) {
            return "lessons/" + lesson.group(1) + ".html";
        }
        if (path.startsWith("/lessons/")) {
            assets.add(path);
            return path.substring(1);
        }
        if (path.equals("/playground")) {
            return "playground.html";
        }
        if (path.equals("/search")) {
            return "search.html";
        }
        return path.substring(1);
    }
}
