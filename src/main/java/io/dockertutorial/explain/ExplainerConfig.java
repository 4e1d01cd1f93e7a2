package io.dockertutorial.explain;

import io.dockertutorial.cache.CacheControlHtml;
import io.dockertutorial.markdown.CodeFence;
import io.dockertutorial.markdown.FenceRenderer;
import io.dockertutorial.markdown.ProjectFiles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the explainers into lesson rendering: every Dockerfile fence becomes an explainer, and every other
 * fence a {@link TextExplainer} recognises becomes its explainer.
 */
@Configuration(proxyBeanMethods = false)
class ExplainerConfig {

    @Bean
    FenceRenderer dockerfileRenderer(ExplainService explainer, TextExplainers others) {
        return new FenceRenderer() {
            @Override
            public String render(CodeFence fence) {
                return fence.isDockerfile() ? DockerfileBlockHtml.render(fence, explainer.explain(fence.code()))
                        : others.render(fence);
            }

            /** In a lesson with an example project, the "change a file" control goes above the explainer. */
            @Override
            public String render(CodeFence fence, ProjectFiles project) {
                if (!fence.isDockerfile()) {
                    return render(fence);
                }
                return CACHE_CONTROLS.render("dockerfile-" + fence.index(), fence.code(), project.files(),
                        project.dockerignore()) + render(fence);
            }
        };
    }

    private static final CacheControlHtml CACHE_CONTROLS = new CacheControlHtml();
}
