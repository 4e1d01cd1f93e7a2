package io.dockertutorial.labs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code console lab} block of the course, run on a real Docker Engine in lesson order
 * (LABS-SPEC). Runs only in the Maven profile {@code labs}: {@code ./mvnw -B verify -Plabs}.
 *
 * <p>System properties: {@code labs.content} (default {@code content}), {@code labs.lessons} (a regex
 * on the lesson file names, to run some lessons only).
 */
class CourseLabsTest {

    @TestFactory
    Stream<DynamicNode> lessons() {
        Path content = Path.of(System.getProperty("labs.content", "content"));
        if (!Files.isDirectory(content)) {
            return Stream.of(DynamicTest.dynamicTest("content folder", () -> fail("no content folder at " + content)));
        }
        LabLesson.Loaded loaded = LabLesson.load(content);
        String only = System.getProperty("labs.lessons", "");
        List<DynamicNode> nodes = new ArrayList<>();
        for (String problem : loaded.problems()) {
            nodes.add(DynamicTest.dynamicTest("lesson does not load: " + problem, () -> fail(problem)));
        }
        for (LabLesson lesson : loaded.lessons()) {
            if (lesson.blocks().isEmpty() || (!only.isEmpty() && !lesson.source().matches(".*(" + only + ").*"))) {
                continue;
            }
            nodes.add(DynamicContainer.dynamicContainer(lesson.source() + ": " + lesson.title(), lessonTests(lesson)));
        }
        return nodes.stream();
    }

    /** The lesson's blocks in page order, then the safety-net clean-up; one shell session throughout. */
    static Stream<DynamicNode> lessonTests(LabLesson lesson) {
        LessonState state = new LessonState(lesson);
        List<DynamicNode> tests = new ArrayList<>();
        for (LabBlock block : lesson.blocks()) {
            String name = block.where() + " $ " + firstLine(block.commands().isEmpty() ? "" : block.commands().get(0));
            tests.add(DynamicTest.dynamicTest(name, () -> state.run(block)));
        }
        if (lesson.runnable() > 0) {
            tests.add(DynamicTest.dynamicTest(lesson.source() + " clean up", state::cleanUp));
        }
        return tests.stream();
    }

    /** What the lesson's tests share: its session, created by the first block that runs. */
    private static final class LessonState {
        private final LabLesson lesson;
        private LessonRun run;
        private String failedAt;

        LessonState(LabLesson lesson) {
            this.lesson = lesson;
        }

        void run(LabBlock block) {
            if (!block.runs()) {
                CliCheck.Verdict verdict = new CliCheck(DockerEngine.get()).check(String.join("\n", block.commands()));
                List<String> problems = verdict.problems();
                if (!problems.isEmpty()) {
                    fail("the docker CLI would reject this offline step:\n  "
                            + String.join("\n  ", problems));
                }
                Assumptions.abort("not runnable offline: " + block.offline()
                        + (verdict.unchecked().isEmpty() ? "" : " (not checked: " + String.join(", ", verdict.unchecked()) + ")"));
            }
            if (failedAt != null) {
                fail("not run: an earlier step failed (" + failedAt + ")");
            }
            if (run == null) {
                run = new LessonRun(lesson, DockerEngine.get());
            }
            LessonRun.Outcome outcome = run.run(block);
            if (!outcome.passed()) {
                failedAt = block.where();
                fail(outcome.failure());
            }
        }

        void cleanUp() {
            if (run == null) {
                return;
            }
            try {
                List<String> leftovers = run.cleanUp();
                if (!leftovers.isEmpty()) {
                    fail("did not clean up: " + String.join(", ", leftovers));
                }
            } finally {
                run.close();
            }
        }
    }

    private static String firstLine(String command) {
        int nl = command.indexOf('\n');
        String line = nl < 0 ? command : command.substring(0, nl) + " …";
        return line.length() > 80 ? line.substring(0, 77) + "…" : line;
    }
}
