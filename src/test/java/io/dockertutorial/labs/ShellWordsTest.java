package io.dockertutorial.labs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellWordsTest {

    @Test
    void splitsOnOperatorsAndHonoursQuotes() {
        assertThat(ShellWords.simpleCommands("docker ps -a | grep 'my app' && echo \"done  now\"; ls")).containsExactly(
                List.of("docker", "ps", "-a"), List.of("grep", "my app"), List.of("echo", "done  now"), List.of("ls"));
    }

    @Test
    void dropsRedirectionsCommentsAndHereDocumentBodies() {
        assertThat(ShellWords.simpleCommands("""
                docker logs web 2>&1 > out.txt # keep it
                cat > Dockerfile <<'EOF'
                FROM debian:trixie-slim
                RUN docker --version
                EOF
                docker build -t x .
                """)).containsExactly(List.of("docker", "logs", "web"), List.of("cat"),
                List.of("docker", "build", "-t", "x", "."));
    }

    @Test
    void joinsContinuedLinesAndKeepsEscapedCharacters() {
        assertThat(ShellWords.simpleCommands("docker run \\\n  --rm a\\ b")).containsExactly(
                List.of("docker", "run", "--rm", "a b"));
    }
}
