package io.dockertutorial.embed;

import io.dockertutorial.TutorialProperties;
import io.dockertutorial.lesson.CourseService;
import io.dockertutorial.lesson.Lesson;
import io.dockertutorial.web.SiteUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.dockertutorial.highlight.SyntaxHighlighter.escape;

/** The oEmbed provider (oembed.com): {@code /oembed?url=…&format=json} for lessons and the playground. */
@RestController
@CrossOrigin(origins = "*", methods = org.springframework.web.bind.annotation.RequestMethod.GET)
class OEmbedController {

    static final int DEFAULT_WIDTH = 800;
    /** A lesson is long: a frame this tall shows a good part of it where no script sizes the frame. */
    static final int LESSON_HEIGHT = 2400;
    private static final Pattern LESSON = Pattern.compile("^/(?:embed/)?lessons/([A-Za-z0-9._-]+)/?$");
    /** A playground share link's fragment: the packed Dockerfile (see share-codec.js) and a line. */
    private static final Pattern SHARED_CODE = Pattern.compile("(?:^|&)code=([bz]:[A-Za-z0-9_-]+)(?:&|$)");
    private static final Pattern SHARED_LINE = Pattern.compile("(?:^|&)line=([0-9]{1,6})(?:&|$)");
    /** The kind of text (command, compose, dockerignore) when the link shares something else than a Dockerfile. */
    private static final Pattern SHARED_KIND = Pattern.compile("(?:^|&)kind=([a-z]{1,20})(?:&|$)");

    private final CourseService courses;
    private final TutorialProperties properties;
    private final SiteUrls urls;

    OEmbedController(CourseService courses, TutorialProperties properties, SiteUrls urls) {
        this.courses = courses;
        this.properties = properties;
        this.urls = urls;
    }

    @GetMapping("/oembed")
    ResponseEntity<?> oembed(@RequestParam(required = false) String url,
                             @RequestParam(defaultValue = "json") String format,
                             @RequestParam(required = false) Integer maxwidth,
                             @RequestParam(required = false) Integer maxheight,
                             @RequestParam(required = false) String theme,
                             HttpServletRequest request) {
        if (!"json".equalsIgnoreCase(format)) {
            return problem(HttpStatus.NOT_IMPLEMENTED, "Only format=json is provided.");
        }
        String base = urls.base(request);
        Optional<Target> target = target(url, base);
        if (target.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "That URL is not a lesson or the playground of this site.");
        }
        int width = clamp(DEFAULT_WIDTH, maxwidth);
        int height = clamp(target.get().height(), maxheight);
        String chosen = EmbedController.theme(theme);
        String src = base + target.get().embedPath(chosen);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "1.0");
        body.put("type", "rich");
        body.put("title", target.get().title());
        body.put("provider_name", properties.siteTitle());
        body.put("provider_url", base + "/");
        body.put("width", width);
        body.put("height", height);
        // embed.js sizes the frame to its content and, without a chosen theme, makes it follow the page's.
        body.put("html", "<iframe src=\"" + escape(src) + "\" width=\"" + width + "\" height=\"" + height
                + "\" title=\"" + escape(target.get().title()) + "\" loading=\"lazy\" frameborder=\"0\""
                + " allow=\"clipboard-write\"></iframe><script src=\"" + escape(base + "/embed.js")
                + "\" async></script>");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** @param height a frame height that shows the whole thing without a script (embed.js refines it) */
    private record Target(String title, String path, String fragment, int height) {

        String embedPath(String theme) {
            return path + (theme == null ? "" : "?theme=" + theme) + (fragment.isEmpty() ? "" : "#" + fragment);
        }
    }

    private Optional<Target> target(String url, String base) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        URI ours;
        // The fragment is only looked at for a share link's Dockerfile: whatever else it holds is no reason to refuse.
        String address = url.strip();
        int hash = address.indexOf('#');
        String fragment = hash < 0 ? null : address.substring(hash + 1);
        try {
            uri = URI.create(hash < 0 ? address : address.substring(0, hash));
            ours = URI.create(base);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(ours.getHost())
                || uri.getPort() != ours.getPort() || uri.getPath() == null) {
            return Optional.empty();
        }
        String path = uri.getPath();
        if (path.equals("/playground") || path.equals("/playground/")) {
            String shared = sharedDockerfile(fragment);
            return Optional.of(new Target("Dockerfile playground · " + properties.siteTitle(), "/embed/explain",
                    shared, SharedDockerfiles.frameHeight(shared, properties.apiMaxBodySize())));
        }
        Matcher m = LESSON.matcher(path);
        if (m.matches()) {
            Optional<Lesson> lesson = courses.course().lesson(m.group(1));
            return lesson.map(l -> new Target(l.title() + " · " + properties.siteTitle(), "/embed/lessons/" + l.slug(), "",
                    LESSON_HEIGHT));
        }
        return Optional.empty();
    }

    /**
     * The share link's Dockerfile, carried over as it is (the embed page decodes it); anything else is dropped.
     * The fragment may arrive percent-encoded once or twice over (a link pasted into another link's query).
     */
    private static String sharedDockerfile(String fragment) {
        if (fragment == null) {
            return "";
        }
        for (int i = 0; i < 3 && fragment.indexOf('%') >= 0; i++) {
            try {
                fragment = java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        Matcher code = SHARED_CODE.matcher(fragment);
        if (!code.find()) {
            return "";
        }
        Matcher line = SHARED_LINE.matcher(fragment);
        Matcher kind = SHARED_KIND.matcher(fragment);
        return "code=" + code.group(1) + (line.find() ? "&line=" + line.group(1) : "")
                + (kind.find() ? "&kind=" + kind.group(1) : "");
    }

    private static int clamp(int preferred, Integer max) {
        return max == null || max <= 0 ? preferred : Math.min(preferred, Math.max(max, 1));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
