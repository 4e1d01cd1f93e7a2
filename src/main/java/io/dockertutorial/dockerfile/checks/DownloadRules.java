package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.ShellCommand;

import java.util.Map;

/** InsecureDownload: curl -k / --insecure, wget --no-check-certificate switch off the server's certificate check. */
final class DownloadRules implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        if (!step.is("RUN") || !step.immediate()) {
            return;
        }
        for (ShellCommand c : step.commands) {
            boolean insecure = switch (c.name()) {
                case "curl" -> c.args().stream().anyMatch(a -> a.equals("--insecure") || a.matches("-[a-zA-Z]*k[a-zA-Z]*"));
                case "wget" -> c.has("--no-check-certificate");
                default -> false;
            };
            if (insecure) {
                lint.warn(step, "InsecureDownload", Map.of("program", c.name()));
                return;
            }
        }
    }
}
