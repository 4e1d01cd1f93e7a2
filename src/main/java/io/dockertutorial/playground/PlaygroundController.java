package io.dockertutorial.playground;

import io.dockertutorial.TutorialProperties;
import io.dockertutorial.cache.CacheControlHtml;
import io.dockertutorial.explain.DockerfileBlockHtml;
import io.dockertutorial.explain.ExplainService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * {@code /playground}: explain your own Dockerfile. The script updates the explainer as you type
 * (through {@code POST /api/explain}); without JavaScript the form posts here and the server renders it.
 */
@Controller
class PlaygroundController {

    private final ExplainService explainer;
    private final Examples examples;
    private final int maxBody;

    PlaygroundController(ExplainService explainer, Examples examples, TutorialProperties properties) {
        this.explainer = explainer;
        this.examples = examples;
        this.maxBody = properties.apiMaxBodySize();
    }

    @GetMapping("/playground")
    String playground(@RequestParam(required = false) String example, Model model) {
        String dockerfile = examples.byId(example == null ? "overview" : example)
                .orElse(examples.all().get(0)).dockerfile();
        return page(dockerfile, example, model);
    }

    @PostMapping("/playground")
    String explain(@RequestParam(defaultValue = "") String dockerfile, @RequestParam(defaultValue = "") String files,
                   @RequestParam(defaultValue = "") String dockerignore, Model model, HttpServletResponse response) {
        if (dockerfile.length() + files.length() + dockerignore.length() > maxBody) {
            response.setStatus(413);
            model.addAttribute("tooLarge", "This Dockerfile is longer than " + maxBody + " characters; shorten it.");
            return page("", null, model);
        }
        // The "change a file" table for the files the learner listed (the script asks /api/cache instead).
        List<String> paths = files.lines().map(String::strip).filter(f -> !f.isEmpty()).distinct().toList();
        model.addAttribute("cacheFiles", files);
        model.addAttribute("cacheIgnore", dockerignore);
        String table = dockerfile.isBlank() ? "" : CACHE_CONTROLS.table(dockerfile, paths, dockerignore);
        model.addAttribute("cacheTable", table.isEmpty() ? null : table);
        return page(dockerfile, null, model);
    }

    private static final CacheControlHtml CACHE_CONTROLS = new CacheControlHtml();

    private String page(String dockerfile, String example, Model model) {
        model.addAttribute("dockerfile", dockerfile);
        model.addAttribute("examples", examples.all());
        model.addAttribute("selectedExample", example);
        model.addAttribute("explainer", dockerfile.isBlank() ? null
                : DockerfileBlockHtml.render("dockerfile-1", "Dockerfile", dockerfile, explainer.explain(dockerfile)));
        return "playground";
    }
}
