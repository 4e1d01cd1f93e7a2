package io.dockertutorial.classroom;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * Ends a {@code -Psandbox} run with two lines: {@code sandbox: L learners, P isolation checks passed, F failed}
 * and {@code sandbox terminal: …} (what the browser tests typed and saw). Isolation checks are the tests of
 * {@code IsolationSandboxTest}; a skipped or aborted one counts as failed (nothing is allowed to not run).
 * Registered through META-INF/services; silent when no sandbox test ran.
 */
public class SandboxSummary implements TestExecutionListener {

    private int passed;
    private final List<String> failed = new ArrayList<>();
    private boolean any;

    private static boolean check(TestIdentifier id) {
        return id.isTest() && id.getUniqueId().contains("IsolationSandboxTest");
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        any |= id.getUniqueId().contains("SandboxTest");
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (check(id)) {
            failed.add(id.getDisplayName() + ": skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!check(id)) {
            return;
        }
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            passed++;
        } else {
            failed.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!any) {
            return;
        }
        StringBuilder out = new StringBuilder("\n");
        failed.forEach(f -> out.append("FAILED ").append(String.valueOf(f).strip().replace("\n", "\n    ")).append('\n'));
        out.append("sandbox: ").append(SandboxTests.LEARNERS.get()).append(" learners, ").append(passed)
                .append(" isolation checks passed, ").append(failed.size()).append(" failed\n");
        out.append("sandbox terminal: ").append(SandboxTests.TERMINAL.isEmpty() ? "(no browser test ran)"
                : String.join("; ", SandboxTests.TERMINAL)).append('\n');
        System.out.print(out);
    }
}
