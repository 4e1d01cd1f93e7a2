package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Catalog;
import io.dockertutorial.dockerfile.checks.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine on ~120 real public Dockerfiles (../shared/corpus/realworld), against our own judgment of
 * every finding (src/test/resources/corpus/judgments.tsv): no error on files that build, at most 5% false
 * positives among warnings and errors, notes (info) all true, and the shell commands and flags inside RUN
 * explained. Prints the figures; {@code RealWorldCorpus.main} prints the details.
 */
class CorpusFiguresTest {

    private static RealWorldCorpus corpus;
    private static Map<String, String[]> judgments;

    @BeforeAll
    static void load() throws IOException {
        corpus = RealWorldCorpus.load();
        judgments = new HashMap<>();
        // the tuning judgments, then the held-out fifth's own (judged once, after the engine work of issue 21)
        for (String resource : new String[] {"/corpus/judgments.tsv", "/corpus/heldout-judgments.tsv"}) {
            try (InputStream in = CorpusFiguresTest.class.getResourceAsStream(resource)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    judgments.put(f[0] + "\t" + f[1] + "\t" + f[2], f);
                }
            }
        }
    }

    /** The severity a rule has by itself (a file's check=error=true turns warnings into errors). */
    private static Severity nativeSeverity(String rule) {
        return Catalog.get().rule(rule).severity();
    }

    @Test
    void noErrorOnFilesThatBuild() {
        assertThat(corpus.errors).as("errors on real Dockerfiles that build").isEmpty();
    }

    @Test
    void everyFindingIsJudgedAndFalsePositivesStayRare() {
        List<String> unjudged = new ArrayList<>();
        Map<Severity, int[]> bySeverity = new TreeMap<>();
        Map<String, int[]> byRule = new TreeMap<>();
        List<String> falseInfos = new ArrayList<>();
        for (RealWorldCorpus.Finding f : corpus.findings) {
            String[] j = judgments.get(f.key());
            if (j == null) {
                unjudged.add(f.key() + "\t" + f.message());
                continue;
            }
            boolean fp = j[3].equals("fp");
            Severity severity = nativeSeverity(f.rule());
            int[] counts = bySeverity.computeIfAbsent(severity, s -> new int[2]);
            counts[0]++;
            counts[1] += fp ? 1 : 0;
            int[] rule = byRule.computeIfAbsent(f.rule(), r -> new int[2]);
            rule[0]++;
            rule[1] += fp ? 1 : 0;
            if (fp && severity == Severity.INFO) {
                falseInfos.add(f.key());
            }
        }
        Set<String> produced = corpus.findings.stream().map(RealWorldCorpus.Finding::key).collect(Collectors.toSet());
        long stale = judgments.keySet().stream().filter(k -> !produced.contains(k)).count();
        int warnErr = 0;
        int warnErrFp = 0;
        for (Severity s : List.of(Severity.WARNING, Severity.ERROR)) {
            int[] c = bySeverity.getOrDefault(s, new int[2]);
            warnErr += c[0];
            warnErrFp += c[1];
        }
        System.out.println("Real-world corpus: " + corpus.files.size() + " files, errors " + corpus.errors.size()
                + ", findings " + corpus.findings.size());
        bySeverity.forEach((s, c) -> System.out.printf("  %s: %d findings, %d judged false positives%n", s.label(), c[0], c[1]));
        System.out.printf("  false positives among warnings and errors: %d of %d = %.1f%%%n", warnErrFp, warnErr,
                warnErr == 0 ? 0 : 100.0 * warnErrFp / warnErr);
        byRule.forEach((r, c) -> System.out.printf("    %-32s %4d findings, %d false%n", r, c[0], c[1]));
        System.out.println("  judgments no longer produced: " + stale);
        unjudged.forEach(u -> System.out.println("  UNJUDGED\t" + u));
        assertThat(unjudged).as("findings without a judgment in judgments.tsv").isEmpty();
        assertThat(falseInfos).as("info findings judged false").isEmpty();
        assertThat(warnErrFp).as("false positives among warnings and errors").isLessThanOrEqualTo(warnErr * 5 / 100);
    }

    @Test
    void commandsAndFlagsInsideRunAreExplained() {
        RealWorldCorpus.Coverage c = corpus.coverage;
        System.out.printf("Shell commands explained: %d of %d = %.1f%%; flags: %d of %d = %.1f%%%n",
                c.commandsExplained(), c.commands(), 100 * c.commandShare(), c.flagsExplained(), c.flags(),
                100 * c.flagShare());
        System.out.println("  most frequent unexplained commands: " + RealWorldCorpus.top(c.unknownCommands(), 15));
        System.out.println("  most frequent unexplained flags: " + RealWorldCorpus.top(c.unknownFlags(), 15));
        assertThat(c.commandShare()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.flagShare()).isGreaterThanOrEqualTo(0.90);
    }
}
