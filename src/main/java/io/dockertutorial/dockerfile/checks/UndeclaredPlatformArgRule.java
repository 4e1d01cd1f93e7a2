package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.BuildWalk;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Texts;
import io.dockertutorial.dockerfile.syntax.WindowsScript;

import java.util.Map;
import java.util.Set;

/**
 * UndeclaredPlatformArg: a RUN script uses $TARGETARCH (or another automatic platform argument) in a stage
 * that does not declare it with ARG. BuildKit passes those arguments to a stage only when it declares them,
 * so the shell sees an empty value (a download URL ending in "-", say).
 */
final class UndeclaredPlatformArgRule implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        if (!step.is("RUN") || !step.immediate() || step.script == null || step.before == null
                || !WindowsScript.isPosixShell(step.before.shell())) {
            return;
        }
        StringBuilder text = new StringBuilder(step.script);
        step.effective().heredocs().forEach(h -> text.append('\n').append(h.content()));
        Set<String> used = Texts.shellVariables(text.toString());
        for (String name : used) {
            if (BuildWalk.PLATFORM_EXAMPLES.containsKey(name) && !step.before.vars().containsKey(name)
                    && !text.toString().matches("(?s).*\\b" + name + "=.*")) {
                lint.warn(step, "UndeclaredPlatformArg", Map.of("name", name));
            }
        }
    }
}
