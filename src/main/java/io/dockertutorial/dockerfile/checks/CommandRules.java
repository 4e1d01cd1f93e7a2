package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.List;
import java.util.Map;

/**
 * What the container starts: JSONArgsRecommended (BuildKit; hadolint DL3025), ShellWrapperEntrypoint
 * and DevServer.
 */
final class CommandRules implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        Instruction i = step.instruction;
        Instruction e = step.effective();
        if (!e.is("CMD") && !e.is("ENTRYPOINT")) {
            return;
        }
        if (!e.json()) {
            boolean customShell = step.before != null && step.before.shellLine() != 0;
            if (step.immediate() && !customShell) {
                lint.warn(step, "JSONArgsRecommended", Map.of("keyword", i.keyword()));
            }
            devServer(step, lint, step.script == null ? "" : step.script);
            return;
        }
        List<String> a = e.arguments();
        if (a.isEmpty()) {
            return;
        }
        String program = a.get(0);
        boolean wrapper = a.size() >= 3 && program.matches("(?:/bin/|/usr/bin/)?(?:ba|da)?sh") && a.get(1).equals("-c");
        if (!wrapper) {
            devServer(step, lint, String.join(" ", a));
            return;
        }
        String inner = a.get(2).strip();
        boolean execs = inner.startsWith("exec ") || inner.contains("; exec ") || inner.contains("&& exec ");
        if (!execs) {
            if (!inner.matches(".*[|&;<>$`*?(){}\\[\\]\"'\\\\].*") && !inner.isBlank()) {
                String suggested = "\"" + String.join("\", \"", inner.split("\\s+")) + "\"";
                lint.warn(step, "ShellWrapperEntrypoint", Map.of("program", inner.split("\\s+", -1)[0],
                        "keyword", e.is("ENTRYPOINT") ? "CMD" : e.keyword(), "suggested", suggested));
            } else {
                lint.warn(step, "ShellWrapperEntrypoint", Map.of("program", "your program", "keyword", e.keyword(),
                        "suggested", "\"program\", \"arg\""));
            }
        }
        devServer(step, lint, inner);
    }

    private static void devServer(Step step, Lint lint, String command) {
        Catalog.RuleDoc doc = lint.catalog().rule("DevServer");
        String flat = command.replaceAll("\\s+", " ");
        for (Map.Entry<String, String> e : doc.hints().entrySet()) {
            if (flat.contains(e.getKey())) {
                lint.warn(step, "DevServer", Map.of("server", doc.servers().getOrDefault(e.getKey(), e.getKey()),
                        "fix", e.getValue()));
                return;
            }
        }
    }
}
