package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.*;
import io.dockertutorial.dockerfile.state.*;
import io.dockertutorial.dockerfile.syntax.*;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's figures on the two halves of the real-world corpus ({@link CorpusSplit}): the tuning set
 * (judged in corpus/judgments.tsv) and the held-out fifth (judged once, by hand, after the engine work,
 * in corpus/heldout-judgments.tsv). Prints per split: warnings and info notes with their judged false
 * positives, and the share of shell commands inside RUN (POSIX, PowerShell and cmd) that get a note.
 * Run: {@code ./mvnw -B -o -q test -Dtest=CorpusSplitFiguresTest}.
 */
class CorpusSplitFiguresTest {

    record Figures(String split, int files, int warnings, int falseWarnings, int infos, int falseInfos,
                   int unjudged, RealWorldCorpus.Coverage coverage) {
        double warningFp() {
            return warnings == 0 ? 0 : falseWarnings / (double) warnings;
        }

        double infoFp() {
            return infos == 0 ? 0 : falseInfos / (double) infos;
        }

        String line() {
            RealWorldCorpus.Coverage c = coverage;
            return String.format("%-9s files %3d | warnings %3d, false %2d = %4.1f%% | infos %3d, false %2d = %4.1f%%"
                            + " | unjudged %d | commands with a note %d/%d = %.1f%% | flags %d/%d = %.1f%%",
                    split, files, warnings, falseWarnings, 100 * warningFp(), infos, falseInfos, 100 * infoFp(),
                    unjudged, c.commandsExplained(), c.commands(), 100 * c.commandShare(), c.flagsExplained(),
                    c.flags(), 100 * c.flagShare());
        }
    }

    static Map<String, Boolean> judgments(String resource) {
        Map<String, Boolean> out = new HashMap<>();
        try (InputStream in = CorpusSplitFiguresTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.startsWith("file\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                out.put(f[0] + "\t" + f[1] + "\t" + f[2], f[3].equals("fp"));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static Figures figures(String split, RealWorldCorpus corpus, Map<String, Boolean> judged, List<String> unjudged) {
        int warnings = 0;
        int falseWarnings = 0;
        int infos = 0;
        int falseInfos = 0;
        for (RealWorldCorpus.Finding f : corpus.findings) {
            Boolean fp = judged.get(f.key());
            if (fp == null) {
                unjudged.add(split + "\t" + f.key() + "\t" + f.message());
                continue;
            }
            if (Catalog.get().rule(f.rule()).severity() == Severity.INFO) {
                infos++;
                falseInfos += fp ? 1 : 0;
            } else {
                warnings++;
                falseWarnings += fp ? 1 : 0;
            }
        }
        return new Figures(split, corpus.files.size(), warnings, falseWarnings, infos, falseInfos, unjudged.size(),
                corpus.coverage);
    }

    @Test
    void figuresOnBothSplits() {
        List<String> unjudgedTuning = new ArrayList<>();
        List<String> unjudgedHeld = new ArrayList<>();
        Figures tuning = figures("tuning", RealWorldCorpus.load(CorpusSplit::tuning),
                judgments("/corpus/judgments.tsv"), unjudgedTuning);
        Figures held = figures("held-out", RealWorldCorpus.load(CorpusSplit::heldOut),
                judgments("/corpus/heldout-judgments.tsv"), unjudgedHeld);
        System.out.println("Real-world corpus by split (held out: sha256(name) first 4 bytes mod 5 == 0)");
        System.out.println(tuning.line());
        System.out.println(held.line());
        System.out.println("  tuning, most frequent commands without a note: "
                + RealWorldCorpus.top(tuning.coverage().unknownCommands(), 40));
        System.out.println("  tuning, most frequent flags without a note: "
                + RealWorldCorpus.top(tuning.coverage().unknownFlags(), 40));
        unjudgedTuning.forEach(u -> System.out.println("  UNJUDGED\t" + u));
        unjudgedHeld.forEach(u -> System.out.println("  UNJUDGED\t" + u));
        assertThat(tuning.files() + held.files()).isGreaterThan(100);
        assertThat(held.files()).isBetween(15, 35);
    }
}
