package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;

import java.util.List;

/**
 * Every lint rule, in one place. A new rule is a class here, an entry of the same id in rules.yml,
 * and its test cases. Order matters only for {@link UnusedStageRule}, which withdraws the dispatch-time
 * checks of stages the build skips, so it comes last.
 */
public final class Rules {

    static final List<Rule> ALL = List.of(
            new CasingRules(),
            new FromRules(),
            new BaseImageRules(),
            new UndefinedVarRule(),
            new UndeclaredPlatformArgRule(),
            new KeyValueRules(),
            new ExposeRules(),
            new WorkdirRelativePathRule(),
            new CopyRules(),
            new AptRules(),
            new ShellRules(),
            new DownloadRules(),
            new PythonRules(),
            new ConsecutiveRunsRule(),
            new CommandRules(),
            new SingleInstructionRules(),
            new UserRules(),
            new DefinitionDescriptionRule(),
            new UnusedStageRule());

    private Rules() {
    }

    public static void run(Lint lint) {
        for (Step step : lint.steps()) {
            if (step.skipped) {
                continue;
            }
            for (Rule rule : ALL) {
                rule.check(step, lint);
            }
        }
        for (Rule rule : ALL) {
            rule.finish(lint);
        }
        lint.findings().applyInlineSkips();
    }
}
