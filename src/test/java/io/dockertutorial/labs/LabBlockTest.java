package io.dockertutorial.labs;

import io.dockertutorial.markdown.CodeFence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a console transcript becomes the commands and checks of a lab block (LABS-SPEC). */
class LabBlockTest {

    @Test
    void commandsAreTheDollarLinesAndOutputLinesAreDropped() {
        assertThat(LabBlock.commands("""
                $ docker build -t hello-py .
                [+] Building 1.2s
                $ docker run --rm hello-py
                Hello from a container
                """)).containsExactly("docker build -t hello-py .", "docker run --rm hello-py");
    }

    @Test
    void aTrailingBackslashContinuesTheCommand() {
        assertThat(LabBlock.commands("""
                $ docker run --rm \\
                    -e A=b \\
                > debian:trixie-slim env
                A=b
                """)).containsExactly("docker run --rm \\\n    -e A=b \\\ndebian:trixie-slim env");
    }

    @Test
    void hereDocumentBodiesBelongToTheirCommandWithOrWithoutPrompts() {
        assertThat(LabBlock.commands("""
                $ cat > app.py <<'EOF'
                print("$ not a command")
                EOF
                $ cat <<-END > b.txt
                \tindented
                \tEND
                $ cat > c.txt << "X"
                > prompted
                > X
                $ ls
                app.py
                """)).containsExactly(
                "cat > app.py <<'EOF'\nprint(\"$ not a command\")\nEOF",
                "cat <<-END > b.txt\n\tindented\n\tEND",
                "cat > c.txt << \"X\"\nprompted\nX",
                "ls");
    }

    @Test
    void aHereStringIsNotAHereDocument() {
        assertThat(LabBlock.commands("$ grep -c a <<< \"abc\"\n1\n")).containsExactly("grep -c a <<< \"abc\"");
    }

    @Test
    void attributesBecomeTheBlocksChecks() {
        CodeFence fence = CodeFence.parse("console lab lab-expect=\"Hello .* container\" lab-exit=\"125\" lab-timeout=\"300\"",
                "$ docker run --nope x\n", 1);
        assertThat(LabBlock.isLab(fence)).isTrue();
        LabBlock block = LabBlock.of(fence, "01.md:3");
        assertThat(block.expect()).isEqualTo("Hello .* container");
        assertThat(block.exit()).isEqualTo(125);
        assertThat(block.timeoutSeconds()).isEqualTo(300);
        assertThat(block.runs()).isTrue();
        LabBlock offline = LabBlock.of(CodeFence.parse("console lab lab-offline=\"needs Docker Hub\"", "$ docker login\n", 2), "x");
        assertThat(offline.runs()).isFalse();
        assertThat(offline.timeoutSeconds()).isEqualTo(LabBlock.DEFAULT_TIMEOUT_SECONDS);
    }

    @Test
    void onlyConsoleFencesWithTheLabWordRun() {
        assertThat(LabBlock.isLab(CodeFence.parse("console", "$ ls\n", 1))).isFalse();
        assertThat(LabBlock.isLab(CodeFence.parse("powershell lab", "> ls\n", 1))).isFalse();
        assertThat(LabBlock.isLab(CodeFence.parse("console lab tab=\"Linux\"", "$ ls\n", 1))).isTrue();
    }

    @Test
    void aBadNumberNamesTheBlock() {
        assertThatThrownBy(() -> LabBlock.of(CodeFence.parse("console lab lab-exit=\"one\"", "$ x\n", 1), "05.md:9"))
                .hasMessageContaining("05.md:9");
    }

    @Test
    void fenceLinesPointAtTheLessonFile() {
        String body = """
                # Title

                ```console lab
                $ ls
                ```

                ````markdown
                ```console lab
                $ not a lab: inside another fence
                ```
                ````

                ~~~console lab lab-expect="x"
                $ echo x
                ~~~
                """;
        assertThat(LabLesson.labFenceLines(body, 5)).isEqualTo(List.of(7, 17));
    }
}
