package io.dockertutorial.explain;

import io.dockertutorial.markdown.FenceRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Dockerfile explainer into lesson rendering: every Dockerfile fence becomes an explainer. */
@Configuration(proxyBeanMethods = false)
class ExplainerConfig {

    @Bean
    FenceRenderer dockerfileRenderer(ExplainService explainer) {
        return fence -> DockerfileBlockHtml.render(fence, explainer.explain(fence.code()));
    }
}
