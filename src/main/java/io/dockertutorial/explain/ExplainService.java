package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import org.springframework.stereotype.Service;

/** The one Explainer of the app, shared by the API, the lesson renderer and the playground. */
@Service
public class ExplainService {

    private final Explainer explainer = new Explainer();

    /** Explains a Dockerfile (its own {@code # check=} directive applies). */
    public Analysis explain(String dockerfile) {
        return explainer.explain(dockerfile);
    }
}
