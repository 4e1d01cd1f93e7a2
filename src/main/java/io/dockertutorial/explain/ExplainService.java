package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.Analysis;
import io.dockertutorial.dockerfile.Explainer;
import io.dockertutorial.dockerfile.LintOptions;
import org.springframework.stereotype.Service;

/** The one Explainer of the app, shared by the API, the lesson renderer and the playground. */
@Service
public class ExplainService {

    private final Explainer explainer = new Explainer();

    /** Explains a Dockerfile, honouring its own {@code # check=} directive. */
    public Analysis explain(String dockerfile) {
        Analysis first = explainer.explain(dockerfile);
        String check = first.parsed().directives().check();
        return check == null ? first : explainer.explain(dockerfile, LintOptions.DEFAULTS.withCheck(check));
    }
}
