package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import io.dockertutorial.dockerfile.checks.Warning;
import io.dockertutorial.support.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** "Apply fix": each mechanical edit makes its warning go away, and nothing else is touched. */
class FixEditsTest {

    private final Explainer engine = new Explainer();

    /** The file with the first fix for {@code rule} applied, or {@code null} when there is none. */
    private String fixed(String dockerfile, String rule) {
        Analysis a = engine.explain(dockerfile);
        List<String> lines = Arrays.asList(dockerfile.split("\n", -1));
        for (Analysis.Explained x : a.instructions()) {
            for (Warning w : x.warnings()) {
                if (w.rule().equals(rule)) {
                    FixEdits.Edit e = FixEdits.of(w, x.instruction(), a, lines);
                    return e == null ? null : apply(lines, e);
                }
            }
        }
        throw new AssertionError("no " + rule + " warning in:\n" + dockerfile);
    }

    private static String apply(List<String> lines, FixEdits.Edit e) {
        List<String> out = new ArrayList<>(lines.subList(0, e.from() - 1));
        out.addAll(Arrays.asList(e.text().split("\n", -1)));
        out.addAll(lines.subList(e.to(), lines.size()));
        return String.join("\n", out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PipNoCacheDir | FROM python:3.13-slim\\nRUN pip install flask\\nUSER 1000 | RUN pip install --no-cache-dir flask
            AptGetYes | FROM debian:12\\nRUN apt-get update && apt-get install --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\\nUSER 1000 | apt-get install -y --no-install-recommends curl
            JSONArgsRecommended | FROM python:3.13-slim\\nUSER 1000\\nCMD python app.py --port 8000 | CMD ["python", "app.py", "--port", "8000"]
            ShellWrapperEntrypoint | FROM python:3.13-slim\\nUSER 1000\\nENTRYPOINT ["sh", "-c", "python manage.py runserver"] | ENTRYPOINT ["python", "manage.py", "runserver"]
            MaintainerDeprecated | FROM alpine:3.20\\nMAINTAINER Ann <ann@example.org>\\nUSER 1000 | LABEL org.opencontainers.image.authors="Ann <ann@example.org>"
            ConsistentInstructionCasing | FROM alpine:3.20\\nrun echo hi\\nUSER 1000\\nCMD ["sh"] | RUN echo hi
            AddInsteadOfCopy | FROM alpine:3.20\\nADD app.py /app/\\nUSER 1000 | COPY app.py /app/
            """)
    void theEditMakesTheWarningGoAway(String rule, String dockerfile, String expectedLine) {
        String file = dockerfile.replace("\\n", "\n");
        String after = fixed(file, rule);
        assertThat(after).as(rule).isNotNull().contains(expectedLine);
        assertThat(engine.explain(after).warnings()).extracting(Warning::rule).doesNotContain(rule);
        assertThat(after.split("\n", -1)).hasSameSizeAs(file.split("\n", -1));
    }

    @Test
    void noButtonWhereTheFixNeedsAPerson() {
        // a shell-form CMD that uses the shell: a JSON array would change what it does
        assertThat(fixed("FROM python:3.13-slim\nUSER 1000\nCMD python app.py > /tmp/log 2>&1", "JSONArgsRecommended")).isNull();
        assertThat(fixed("FROM python:3.13-slim\nUSER 1000\nCMD [\"sh\", \"-c\", \"python app.py && echo done\"]",
                "ShellWrapperEntrypoint")).isNull();
        assertThat(FixEdits.has("NoUser")).isFalse();
    }

    /** On ~120 real Dockerfiles: every fix offered removes its own warning on that line and adds no error. */
    @Test
    void everyFixOfferedOnTheCorpusWorks() throws Exception {
        Path dir = SharedFiles.require("corpus/realworld/files");
        int offered = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String text = Files.readString(p);
                Analysis a = engine.explain(text);
                List<String> lines = Arrays.asList(text.split("\n", -1));
                for (Analysis.Explained x : a.instructions()) {
                    for (Warning w : x.warnings()) {
                        FixEdits.Edit e = FixEdits.of(w, x.instruction(), a, lines);
                        if (e == null) {
                            continue;
                        }
                        offered++;
                        Analysis b = engine.explain(apply(lines, e));
                        assertThat(b.warnings()).as(p.getFileName() + " line " + w.line() + " " + w.rule())
                                .noneMatch(v -> v.rule().equals(w.rule()) && v.line() == w.line());
                        assertThat(b.errors()).as(p.getFileName() + ": no new error").hasSizeLessThanOrEqualTo(a.errors().size());
                    }
                }
            }
        }
        assertThat(offered).as("fixes offered on the corpus").isGreaterThan(20);
    }
}
