package io.dockertutorial.labs;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends a labs run with the failures, the steps that cannot run offline and their reasons, and one
 * line: {@code labs: N passed, M failed, K not runnable offline on <engine, buildx, Compose versions>}. Counts every test of the classes
 * named {@code *LabsTest} (lab blocks, clean-ups, claim checks, and the checks other features add on the
 * engine); a skipped test is one that cannot run offline, with its reason. Also written to {@code target/labs-summary.txt}.
 * Registered through META-INF/services; silent when no lab ran.
 */
public class LabsSummary implements TestExecutionListener {


    private TestPlan plan;
    private int passed;
    private final List<String> failed = new ArrayList<>();
    private final List<String> offline = new ArrayList<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (ours(id) && id.isTest()) {
            offline.add(name(id) + ": " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!ours(id)) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed += id.isTest() ? 1 : 0;
            case ABORTED -> offline.add(name(id) + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
            case FAILED -> failed.add(name(id) + ": " + result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse(""));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (passed == 0 && failed.isEmpty() && offline.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("\n");
        for (String f : failed) {
            out.append("FAILED ").append(f.strip().replace("\n", "\n    ")).append('\n');
        }
        for (String o : offline) {
            out.append("OFFLINE ").append(o.strip()).append('\n');
        }
        out.append("labs: ").append(passed).append(" passed, ").append(failed.size()).append(" failed, ")
                .append(offline.size()).append(" not runnable offline");
        String engine = DockerEngine.describeIfUsed();
        out.append(engine == null ? "" : " on " + engine).append('\n');
        System.out.print(out);
        System.out.flush();
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("labs-summary.txt"), out.toString().strip() + "\n");
            }
        } catch (IOException e) {
            System.err.println("labs: cannot write target/labs-summary.txt: " + e.getMessage());
        }
    }

    private static boolean ours(TestIdentifier id) {
        return id.getUniqueId().matches("(?s).*\\[class:[\\w.$]+LabsTest].*");
    }

    /** A lab block's name says where it is (lesson:line); a claim check's is its class and method. */
    private String name(TestIdentifier id) {
        TestIdentifier parent = plan.getParent(id).orElse(null);
        boolean method = parent != null && parent.getSource()
                .map(s -> s instanceof org.junit.platform.engine.support.descriptor.ClassSource).orElse(false)
                && id.getSource().map(s -> s instanceof org.junit.platform.engine.support.descriptor.MethodSource).orElse(false);
        return method ? parent.getDisplayName() + " > " + id.getDisplayName() : id.getDisplayName();
    }
}
