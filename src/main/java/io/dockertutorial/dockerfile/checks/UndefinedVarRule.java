package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Names;

import java.util.Map;
import java.util.Set;

/**
 * BuildKit's UndefinedVar: a variable expanded where neither ARG, ENV, the base image nor Docker
 * defines it. On a base image the engine does not know, names it cannot see are not reported: the
 * narrator says they may come from the image.
 */
final class UndefinedVarRule implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        if (step.undefined.isEmpty()) {
            return;
        }
        Set<String> known = step.before != null ? step.before.vars().keySet() : lint.walk().globalArgs.keySet();
        for (String name : step.undefined) {
            String hint = lint.catalog().rule("UndefinedVar").hints().get(name);
            if (hint == null) {
                String similar = Names.closest(name, known);
                hint = similar == null ? "" : " Did you mean $" + similar + "?";
            }
            String text = step.instruction.original();
            boolean defaulted = text.contains("${" + name + ":-") || text.contains("${" + name + "-")
                    || text.contains("${" + name + ":+") || text.contains("${" + name + "+");
            lint.warn(step, "UndefinedVar", Map.of("name", name, "hint", hint, "consequence", defaulted
                    ? " (the value written after :- or :+ is used instead, so this is harmless; ARG " + name
                    + " would make that explicit)" : ", so it expands to an empty string"));
        }
    }
}
