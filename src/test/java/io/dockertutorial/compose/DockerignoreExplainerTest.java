package io.dockertutorial.compose;

import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.dockerignore.DockerignoreExplainer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The .dockerignore explainer: each pattern, where it matches, what it overrides; the course's own file. */
class DockerignoreExplainerTest {

    private final DockerignoreExplainer explainer = new DockerignoreExplainer();

    @Test
    void eachPatternSaysWhereItMatchesAndWhatItOverrides() {
        var x = explainer.explain("# build output\n/dist/\n**/*.log\n!important.log\n*\n!src\nDockerfile\n");
        assertThat(x.notes()).extracting(Note::startLine).containsExactly(2, 3, 4, 5, 6, 7);
        Note dist = x.notes().get(0);
        assertThat(dist.comment()).isEqualTo("build output");
        assertThat(dist.summary()).contains("dist");
        assertThat(dist.explanation()).contains("leading / changes nothing").contains("only at the top");
        assertThat(x.notes().get(1).explanation()).contains("any depth");
        assertThat(x.notes().get(2).summary()).contains("puts back");
        assertThat(x.notes().get(2).explanation()).contains("Overrides line 3 (**/*.log)");
        assertThat(x.notes().get(3).summary()).contains("everything");
        assertThat(x.notes().get(4).explanation()).contains("Overrides line 5 (*)");
        assertThat(x.notes().get(5).explanation()).contains("still receives the Dockerfile");
        assertThat(x.findings()).isEmpty();
    }

    @Test
    void namesFoundInEveryFolderGetATipWhenOnlyMatchedAtTheTop() {
        var x = explainer.explain("__pycache__\n**/*.pyc\n");
        assertThat(x.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.severity()).isEqualTo("info");
            assertThat(f.fix()).contains("**/__pycache__");
        });
    }

    @Test
    void emptyAndHostileTextIsNotACrash() {
        assertThat(explainer.explain("").notes()).isEmpty();
        assertThat(explainer.explain("!\n\u0000\n[\n" + "a\n".repeat(5_000)).notes())
                .hasSize(DockerignoreExplainer.MAX_LINES);
    }
}
