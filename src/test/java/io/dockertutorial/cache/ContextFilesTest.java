package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.syntax.Dockerignore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContextFilesTest {

    @ParameterizedTest(name = "clean({0}) = {1}")
    @CsvSource(value = {"./a//b/../c/, a/c", "/app.py, app.py", "., ''", "../../x, x", "src\\main.go, src/main.go"},
            emptyValue = "")
    void cleansLikeGo(String in, String out) {
        assertThat(ContextFiles.clean(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({"*.txt, a.txt, true", "*.txt, a.txtx, false", "a?c, abc, true", "a?c, ac, false",
            "[a-c]x, bx, true", "[^a-c]x, bx, false", "[!a]x, bx, false", "\\*, *, true", "\\*, a, false",
            "*, '', true", "req*.txt, requirements.txt, true", "*a*b, xaYab, true", "a*b*c, abc, true",
            "*b, aab, true", "*b, aba, false", "*.txt, d/a.txt, false", "a*, a/b, false", "*x*, axbxc, true",
            "[, a, false", "a[, ab, false"})
    void goGlobSemantics(String pattern, String name, boolean expected) {
        assertThat(ContextFiles.GoGlob.matches(pattern, name)).isEqualTo(expected);
    }

    @Test
    void goGlobNeverBacktracksIntoAnEarlierStar() {
        String name = "a".repeat(50_000);
        boolean matched = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> ContextFiles.GoGlob.matches("*a*a*a*a*a*a*a*a*a*a*a*a*b", name));
        assertThat(matched).isFalse();
        assertThat(ContextFiles.GoGlob.matches("*a*a*a*b", "xaxaxab")).isTrue();
    }

    @Test
    void takenFilesHonourDockerignore() {
        ContextFiles ctx = new ContextFiles(List.of("a.py", "b/c.py", "b/d.md", ".git/HEAD"),
                Dockerignore.parse(".git\n**/*.md\n"), List.of("b/d.md"));
        assertThat(ctx.taken(".")).containsExactly("a.py", "b/c.py");
        assertThat(ctx.taken("b")).containsExactly("b/c.py");
        assertThat(ctx.taken("*/*.py")).containsExactly("b/c.py");
        assertThat(ctx.ignoredButNamed("b/")).containsExactly("b/d.md");
        assertThat(ctx.isChanged("b/d.md")).isTrue();
    }
}
