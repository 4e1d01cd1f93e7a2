package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** LegacyKeyValueFormat, SecretsUsedInArgOrEnv and MaintainerDeprecated (hadolint DL4000): ARG, ENV, LABEL. */
final class KeyValueRules implements Rule {

    private static final Pattern SECRET = Pattern.compile(
            "(?i)(?:^|_)(?:apikey|auth|credential|credentials|key|password|pass|passwd|pword|secret|token)(?:_|$)");
    private static final Set<String> SECRET_EXCEPTIONS = Set.of("public", "file", "path", "name", "url", "version");

    @Override
    public void check(Step step, Lint lint) {
        Instruction i = step.instruction;
        List<String> a = i.arguments();
        switch (i.keyword()) {
            case "ENV", "LABEL" -> {
                for (int k = 0; k + 1 < a.size(); k += 3) {
                    if (i.is("ENV")) {
                        secret(step, lint, "ENV", a.get(k));
                    }
                    if (k + 2 < a.size() && a.get(k + 2).isEmpty()) {
                        lint.warn(step, "LegacyKeyValueFormat", Map.of("keyword", i.keyword(), "key", a.get(k),
                                "value", a.get(k + 1)));
                    }
                }
            }
            case "ARG" -> a.forEach(word -> secret(step, lint, "ARG", word.contains("=") ? word.substring(0, word.indexOf('=')) : word));
            case "MAINTAINER" -> lint.warn(step, "MaintainerDeprecated", Map.of("value", i.rest()));
            default -> {
            }
        }
    }

    private static void secret(Step step, Lint lint, String keyword, String name) {
        if (!SECRET.matcher(name).find()) {
            return;
        }
        for (String part : name.toLowerCase(Locale.ROOT).split("_")) {
            if (SECRET_EXCEPTIONS.contains(part)) {
                return;
            }
        }
        lint.warn(step, "SecretsUsedInArgOrEnv", Map.of("keyword", keyword, "name", name));
    }
}
