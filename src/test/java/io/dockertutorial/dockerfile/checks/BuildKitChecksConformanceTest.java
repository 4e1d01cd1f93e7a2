package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import io.dockertutorial.support.SharedFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our linter against BuildKit's own build-check tests (87 cases, read from ../shared): for every
 * case, our warnings whose rule is one of BuildKit's must equal BuildKit's (rule, line) multiset.
 */
class BuildKitChecksConformanceTest {

    private final Explainer explainer = new Explainer();

    @Test
    void everyCaseAgreesWithBuildKit() throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(
                SharedFiles.require("conformance/buildkit-checks/check-cases.json"), StandardCharsets.UTF_8));
        Set<String> buildKitRules = Catalog.get().rules().values().stream().filter(r -> r.url() != null)
                .map(Catalog.RuleDoc::id).collect(Collectors.toSet());
        List<String> disagreements = new ArrayList<>();
        int agreed = 0;
        int total = 0;
        for (JsonNode c : root.get("cases")) {
            total++;
            String dockerfile = c.get("dockerfile").asString();
            LintOptions options = LintOptions.DEFAULTS;
            Map<String, String> buildArgs = new HashMap<>();
            if (c.has("frontendAttrs")) {
                for (var e : c.get("frontendAttrs").properties()) {
                    String key = e.getKey();
                    if (key.equals("build-arg:BUILDKIT_DOCKERFILE_CHECK")) {
                        // As in BuildKit, a check configuration passed as build argument replaces the directive.
                        options = options.withCheck(e.getValue().asString());
                    } else if (key.startsWith("build-arg:")) {
                        buildArgs.put(key.substring("build-arg:".length()), e.getValue().asString());
                    }
                }
            }
            options = options.withBuildArgs(buildArgs);
            if (c.has("dockerignore")) {
                options = options.withDockerignore(c.get("dockerignore").asString());
            }
            Analysis a = explainer.explain(dockerfile, options);
            Map<String, Integer> ours = new TreeMap<>();
            for (Warning w : a.warnings()) {
                if (buildKitRules.contains(w.rule())) {
                    ours.merge(w.rule() + "@" + w.line(), 1, Integer::sum);
                }
            }
            Map<String, Integer> theirs = new TreeMap<>();
            for (JsonNode w : c.get("warnings")) {
                theirs.merge(w.get("RuleName").asString() + "@" + w.get("Line").asInt(), 1, Integer::sum);
            }
            if (ours.equals(theirs)) {
                agreed++;
            } else {
                disagreements.add("case " + c.get("id") + " (" + c.get("test").asString() + "): ours " + ours
                        + " BuildKit " + theirs);
            }
        }
        System.out.printf("BuildKit build checks: %d of %d cases agree%n", agreed, total);
        disagreements.forEach(System.out::println);
        assertThat(disagreements).isEmpty();
    }
}
