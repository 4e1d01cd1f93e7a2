package io.dockertutorial.playground;

import io.dockertutorial.TutorialProperties;
import io.dockertutorial.cache.CacheControlHtml;
import io.dockertutorial.explain.DockerfileBlockHtml;
import io.dockertutorial.explain.ExplainService;
import io.dockertutorial.explain.TextExplainers;
import io.dockertutorial.markdown.CodeFence;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * {@code /playground}: explain your own Dockerfile, Compose file, {@code docker} command or {@code .dockerignore}
 * ({@code kind}: chosen, or {@code auto} to detect it). The script updates the explainer as you type (through
 * {@code POST /api/explain?kind=…}); without JavaScript the form posts here and the server renders it.
 */
@Controller
class PlaygroundController {

    private final ExplainService explainer;
    private final TextExplainers others;
    private final Examples examples;
    private final int maxBody;

    PlaygroundController(ExplainService explainer, TextExplainers others, Examples examples, TutorialProperties properties) {
        this.explainer = explainer;
        this.others = others;
        this.examples = examples;
        this.maxBody = properties.apiMaxBodySize();
    }

    /** A choice of the kind select: its value and label. */
    record KindOption(String value, String label) {
    }

    @GetMapping("/playground")
    String playground(@RequestParam(required = false) String example,
                      @RequestParam(defaultValue = Kinds.AUTO) String kind, Model model) {
        String dockerfile = examples.byId(example == null ? "overview" : example)
                .orElse(examples.all().get(0)).dockerfile();
        return page(dockerfile, example, kind, model);
    }

    @PostMapping("/playground")
    String explain(@RequestParam(defaultValue = "") String dockerfile, @RequestParam(defaultValue = "") String files,
                   @RequestParam(defaultValue = "") String dockerignore,
                   @RequestParam(defaultValue = Kinds.AUTO) String kind, Model model, HttpServletResponse response) {
        if (dockerfile.length() + files.length() + dockerignore.length() > maxBody) {
            response.setStatus(413);
            model.addAttribute("tooLarge", "This text is longer than " + maxBody + " characters; shorten it.");
            return page("", null, kind, model);
        }
        // The "change a file" table for the files the learner listed (the script asks /api/cache instead).
        List<String> paths = files.lines().map(String::strip).filter(f -> !f.isEmpty()).distinct().toList();
        model.addAttribute("cacheFiles", files);
        model.addAttribute("cacheIgnore", dockerignore);
        String table = dockerfile.isBlank() ? "" : CACHE_CONTROLS.table(dockerfile, paths, dockerignore);
        model.addAttribute("cacheTable", table.isEmpty() ? null : table);
        return page(dockerfile, null, kind, model);
    }

    private static final CacheControlHtml CACHE_CONTROLS = new CacheControlHtml();

    private String page(String text, String example, String chosen, Model model) {
        String kind = others.kinds().contains(chosen) ? chosen : Kinds.AUTO;
        String guessed = kind.equals(Kinds.AUTO) ? Kinds.guess(text) : kind;
        String effective = others.kinds().contains(guessed) ? guessed : TextExplainers.DOCKERFILE;
        model.addAttribute("dockerfile", text);
        model.addAttribute("examples", examples.all());
        model.addAttribute("selectedExample", example);
        model.addAttribute("kinds", others.kinds().stream().map(k -> new KindOption(k, label(k))).toList());
        model.addAttribute("selectedKind", kind);
        model.addAttribute("detectedKind", kind.equals(Kinds.AUTO) ? label(effective) : null);
        String html = null;
        if (!text.isBlank()) {
            html = effective.equals(TextExplainers.DOCKERFILE)
                    ? DockerfileBlockHtml.render("dockerfile-1", "Dockerfile", text, explainer.explain(text))
                    : others.get(effective).map(e -> e.render(CodeFence.parse(effective, text, 1))).orElse(null);
        }
        model.addAttribute("explainer", html);
        return "playground";
    }

    static String label(String kind) {
        return switch (kind) {
            case "dockerfile" -> "Dockerfile";
            case "compose" -> "Compose file";
            case "command" -> "docker commands";
            case "dockerignore" -> ".dockerignore";
            default -> kind;
        };
    }
}
