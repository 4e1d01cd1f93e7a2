package io.dockertutorial.playground;

import io.dockertutorial.TutorialProperties;
import io.dockertutorial.explain.DockerfileBlockHtml;
import io.dockertutorial.explain.ExplainService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
    String explain(@RequestParam(defaultValue = "") String dockerfile, Model model, HttpServletResponse response) {
        if (dockerfile.length() > maxBody) {
            response.setStatus(413);
            model.addAttribute("tooLarge", "This Dockerfile is longer than " + maxBody + " characters; shorten it.");
            return page("", null, model);
        }
        return page(dockerfile, null, model);
    }

    private String page(String dockerfile, String example, Model model) {
        model.addAttribute("dockerfile", dockerfile);
        model.addAttribute("examples", examples.all());
        model.addAttribute("selectedExample", example);
        model.addAttribute("explainer", dockerfile.isBlank() ? null
                : DockerfileBlockHtml.render("dockerfile-1", "Dockerfile", dockerfile, explainer.explain(dockerfile)));
        return "playground";
    }
}
