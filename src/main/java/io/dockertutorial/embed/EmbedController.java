package io.dockertutorial.embed;

import io.dockertutorial.explain.DockerfileBlockHtml;
import io.dockertutorial.explain.ExplainService;
import io.dockertutorial.lesson.CourseService;
import io.dockertutorial.lesson.Lesson;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Pages made to live in other sites' iframes: a lesson or an explainer without the site's chrome,
 * sized to their content (they post their height to the parent page), plus the drop-in script
 * {@code /embed.js} and the help page {@code /embed}.
 */
@Controller
class EmbedController {

    private final CourseService courses;
    private final ExplainService explainer;
    private final io.dockertutorial.explain.TextExplainers others;
    private final IntegrationPackages packages;
    private final int maxBody;
    private final io.dockertutorial.web.SiteUrls urls;

    EmbedController(CourseService courses, ExplainService explainer, io.dockertutorial.explain.TextExplainers others,
                    IntegrationPackages packages, io.dockertutorial.TutorialProperties properties,
                    io.dockertutorial.web.SiteUrls urls) {
        this.courses = courses;
        this.urls = urls;
        this.explainer = explainer;
        this.others = others;
        this.packages = packages;
        this.maxBody = properties.apiMaxBodySize();
    }

    static String theme(String theme) {
        return "dark".equals(theme) || "light".equals(theme) ? theme : null;
    }

    /** {@code ?background=transparent}: the host page's background shows through the frame. */
    @org.springframework.web.bind.annotation.ModelAttribute
    void look(@RequestParam(required = false) String theme, @RequestParam(required = false) String background,
              Model model) {
        model.addAttribute("theme", theme(theme));
        model.addAttribute("transparent", "transparent".equals(background));
    }

    @GetMapping("/embed/lessons/{slug}")
    String lesson(@PathVariable String slug, Model model) {
        Lesson lesson = courses.course().lesson(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("lesson", lesson);
        return "embed-lesson";
    }

    /**
     * The Dockerfile comes in {@code ?dockerfile=} or, for any length, in the fragment (embed-frame.js posts it to
     * the API); another kind of text ({@code ?kind=command}) in {@code ?text=} or the fragment likewise.
     */
    @GetMapping("/embed/explain")
    String explain(@RequestParam(required = false) String dockerfile, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String text, @RequestParam(required = false) String title,
                   Model model) {
        var other = kind == null ? java.util.Optional.<io.dockertutorial.explain.TextExplainer>empty() : others.get(kind);
        String given = other.isPresent() ? text : dockerfile;
        if (given != null && given.length() > maxBody) {
            model.addAttribute("problem", "This text is longer than " + maxBody + " characters.");
        } else if (given != null && !given.isBlank()) {
            var fence = io.dockertutorial.markdown.CodeFence.parse(kind, given, 1);
            String html = other.map(o -> o.render(fence)).orElse(null);
            model.addAttribute("explainer", other.isEmpty()
                    ? DockerfileBlockHtml.render("dockerfile-1", caption(title), given, explainer.explain(given))
                    : html != null ? html : io.dockertutorial.markdown.CodeBlockHtml.render(fence));
        }
        return "embed-explain";
    }

    /** The author's title as the visible caption (embed-frame.js does the same for a Dockerfile in the fragment). */
    static String caption(String title) {
        return title == null || title.isBlank() ? "Dockerfile" : title.strip().substring(0, Math.min(200, title.strip().length()));
    }

    @GetMapping("/embed")
    String help(jakarta.servlet.http.HttpServletRequest request, Model model) {
        String base = urls.base(request);
        model.addAttribute("siteUrl", base);
        model.addAttribute("embedScriptUrl", base + "/embed.js");
        model.addAttribute("tarballUrl", base + "/integrations/" + packages.tarballName());
        model.addAttribute("wheelUrl", base + "/integrations/" + packages.wheelName());
        model.addAttribute("hugoHookUrl", base + "/integrations/render-codeblock-dockerfile.html");
        model.addAttribute("loaderSnippet", loaderSnippet(base));
        model.addAttribute("docusaurusConfig", """
                import explainFences from 'docusaurus-plugin-dockerfile-explainer/remark';

                export default {
                  // …
                  presets: [['classic', { docs: { beforeDefaultRemarkPlugins: [explainFences] } }]],
                  plugins: [['docusaurus-plugin-dockerfile-explainer', { url: '%s' }]],
                };""".formatted(base));
        return "embed-help";
    }

    /** The page snippet: embed.js only after the host page's load event, so a hanging server never holds it up. */
    static String loaderSnippet(String base) {
        return """
                <script>
                  addEventListener('load', function () {
                    var s = document.createElement('script');
                    s.src = '%s/embed.js';
                    document.head.appendChild(s);
                  });
                </script>""".formatted(base.replace("'", "%27"));
    }

    @GetMapping(value = "/embed.js")
    ResponseEntity<Resource> script() {
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new ClassPathResource("static/js/embed.js"));
    }
}
