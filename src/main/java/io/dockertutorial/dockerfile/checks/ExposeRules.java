package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;

import java.util.Locale;
import java.util.Map;

/** ExposeInvalidFormat and ExposeProtoCasing. */
final class ExposeRules implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        if (!step.instruction.is("EXPOSE")) {
            return;
        }
        for (String port : step.expanded) {
            if (port.contains(":")) {
                lint.warn(step, "ExposeInvalidFormat", Map.of("port", port, "fixed", port.substring(port.lastIndexOf(':') + 1)));
            }
            int slash = port.indexOf('/');
            if (slash >= 0 && !port.substring(slash).equals(port.substring(slash).toLowerCase(Locale.ROOT))) {
                lint.warn(step, "ExposeProtoCasing", Map.of("port", port, "lower", port.toLowerCase(Locale.ROOT)));
            }
        }
    }
}
