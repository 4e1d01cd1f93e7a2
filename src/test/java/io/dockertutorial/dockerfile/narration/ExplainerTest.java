package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.LintOptions;
import io.dockertutorial.dockerfile.checks.Severity;
import io.dockertutorial.dockerfile.checks.Warning;
import io.dockertutorial.dockerfile.syntax.ParseError;
import io.dockertutorial.support.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainerTest {

    private final Explainer explainer = new Explainer();

    static String seedDockerfile() throws IOException {
        String seed = Files.readString(SharedFiles.require("seed/000_253bc3ffb28a57f1.txt"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```Dockerfile title=\"Dockerfile\"\\n(.*?)```", Pattern.DOTALL).matcher(seed);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ExplainerTest.class.getResourceAsStream("/dockerfiles/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Analysis.Explained at(Analysis a, int line) {
        return a.instructions().stream().filter(x -> x.instruction().startLine() == line).findFirst().orElseThrow();
    }

    @Test
    void seedSpansAndAuthorsComments() throws IOException {
        Analysis a = explainer.explain(seedDockerfile());
        assertThat(a.instructions()).extracting(x -> x.instruction().keyword() + "@" + x.instruction().startLine())
                .containsExactly("FROM@2", "WORKDIR@6", "RUN@10", "COPY@14", "WORKDIR@18", "RUN@19", "RUN@20", "ENTRYPOINT@24");
        assertThat(at(a, 2).comment()).isEqualTo("Use an official Python image as the base");
        assertThat(at(a, 2).instruction().commentLine()).isEqualTo(1);
        assertThat(at(a, 19).comment()).isNull();
        assertThat(at(a, 18).comment()).isEqualTo("Change to the app directory and run database migrations");
    }

    @Test
    void seedWarningsTeachEveryMistake() throws IOException {
        Analysis a = explainer.explain(seedDockerfile());
        assertThat(a.warnings()).extracting(w -> w.rule() + "@" + w.line()).contains(
                "FileNotCopiedYet@10", "UndefinedVar@14", "MigrationsAtBuild@19", "MigrationsAtBuild@20",
                "DevServer@24", "ShellWrapperEntrypoint@24", "NoUser@2", "EndOfLifeImage@2");
        Warning undefined = a.warnings().stream().filter(w -> w.rule().equals("UndefinedVar")).findFirst().orElseThrow();
        assertThat(undefined.message()).contains("$WORKDIR").contains("WORKDIR is an instruction, not a variable");
        assertThat(undefined.url()).isEqualTo("https://docs.docker.com/go/dockerfile/rule/undefined-var/");
        assertThat(a.warnings()).filteredOn(w -> w.rule().equals("EndOfLifeImage")).first()
                .satisfies(w -> assertThat(w.message()).contains("python 3.9").contains("October 2025"));
        assertThat(at(a, 24).explanation()).contains("shell");
        assertThat(at(a, 10).commands()).first().satisfies(c -> assertThat(c.explanation()).contains("requirements"));
    }

    @Test
    void aNonRootBaseImageNeedsNoUserLineButAnyOtherBaseDoes() {
        String tail = "COPY --from=build /out/server /server\nENTRYPOINT [\"/server\"]\n";
        assertThat(explainer.explain("FROM gcr.io/distroless/static-debian13:nonroot\n" + tail).warnings())
                .extracting(Warning::rule).doesNotContain("NoUser");
        assertThat(explainer.explain("FROM gcr.io/distroless/base-debian13:debug-nonroot\n" + tail).warnings())
                .extracting(Warning::rule).doesNotContain("NoUser");
        assertThat(explainer.explain("FROM gcr.io/distroless/static-debian13\n" + tail).warnings())
                .extracting(Warning::rule).contains("NoUser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node.Dockerfile", "go.Dockerfile", "python.Dockerfile", "java.Dockerfile", "heredoc.Dockerfile"})
    void cleanIdiomaticDockerfilesGetNoWarnings(String name) throws IOException {
        Analysis a = explainer.explain(resource(name));
        assertThat(a.errors()).isEmpty();
        assertThat(a.warnings()).allSatisfy(w -> assertThat(w.severity()).as(w.rule() + ": " + w.message())
                .isEqualTo(Severity.INFO));
    }

    @Test
    void explanationsFitTheInstance() throws IOException {
        Analysis seed = explainer.explain(seedDockerfile());
        assertThat(at(seed, 2).explanation()).contains("python").contains("3.9-slim").contains("slim is a trimmed Debian");
        Analysis go = explainer.explain(resource("go.Dockerfile"));
        Analysis.Explained copy = go.instructions().stream().filter(x -> x.instruction().flag("from") != null)
                .findFirst().orElseThrow();
        assertThat(copy.explanation()).contains("stage build (line 3)");
        assertThat(copy.flags()).extracting(Analysis.FlagNote::name).containsExactly("from");
        assertThat(at(go, 3).explanation()).contains("GO_VERSION");
        assertThat(at(go, 10).explanation()).contains("$TARGETOS is declared with ARG on line 8 without a value, so BuildKit sets it for the target platform (e.g. linux)");
        assertThat(at(go, 10).flags()).extracting(Analysis.FlagNote::name).containsExactly("mount");
        assertThat(at(go, 13).stage()).isNull();
        assertThat(at(go, 5).stage()).isEqualTo("build");

        Analysis python = explainer.explain(resource("python.Dockerfile"));
        assertThat(at(python, 14).explanation()).contains("every 30 seconds").contains("up to 3 seconds");
        assertThat(at(python, 5).commands()).extracting(Analysis.CommandNote::command)
                .contains("apt-get update", "apt-get install -y --no-install-recommends libpq5", "rm -rf /var/lib/apt/lists/*");
        assertThat(at(python, 15).explanation()).contains("gunicorn directly as process 1");

        Analysis shell = explainer.explain("FROM alpine:3.22\nCMD python app.py\n");
        assertThat(at(shell, 2).explanation()).contains("/bin/sh -c \"python app.py\"");
    }

    @Test
    void errorsDoNotStopTheRest() {
        Analysis a = explainer.explain("FROM alpine:3.22\nRUNN echo hi\nENV ONLYNAME\nRUN <<EOF\necho never closed\n");
        assertThat(a.errors()).extracting(ParseError::line, ParseError::message)
                .anySatisfy(t -> assertThat(t.toList()).containsExactly(2, "unknown instruction RUNN; did you mean RUN?. "
                        + "Use one of: FROM, RUN, COPY, ADD, WORKDIR, ENV, ARG, EXPOSE, USER, CMD, ENTRYPOINT, LABEL, VOLUME, "
                        + "HEALTHCHECK, SHELL, STOPSIGNAL, ONBUILD."));
        assertThat(a.errors()).extracting(ParseError::line).contains(2, 3, 4);
        assertThat(a.errors()).anySatisfy(e -> assertThat(e.message()).contains("unterminated heredoc"));
        assertThat(a.instructions()).extracting(x -> x.instruction().keyword()).containsExactly("FROM", "RUNN", "ENV", "RUN");
        assertThat(a.instructions().get(3).instruction().endLine()).isEqualTo(5);
    }

    @Test
    void directivesCrlfAndBom() {
        Analysis a = explainer.explain("\uFEFF# syntax=docker/dockerfile:1\r\n# escape=`\r\nFROM alpine:3.22\r\nRUN echo a `\r\n  b\r\nUSER nobody\r\n");
        assertThat(a.parsed().directives().syntax()).isEqualTo("docker/dockerfile:1");
        assertThat(a.parsed().directives().escape()).isEqualTo('`');
        assertThat(a.instructions()).extracting(x -> x.instruction().startLine() + "-" + x.instruction().endLine())
                .containsExactly("3-3", "4-5", "6-6");
        assertThat(a.instructions().get(1).instruction().arguments()).containsExactly("echo a   b");
        assertThat(a.instructions().get(0).comment()).isNull();
    }

    @Test
    void theFilesOwnCheckDirectiveAppliesUnlessAConfigurationIsGiven() {
        String text = "# check=skip=JSONArgsRecommended\nFROM alpine:3.22\nCMD echo hi\n";
        assertThat(explainer.explain(text).warnings()).extracting(Warning::rule).doesNotContain("JSONArgsRecommended");
        // A configuration from outside (BuildKit's BUILDKIT_DOCKERFILE_CHECK) replaces the directive.
        assertThat(explainer.explain(text, LintOptions.DEFAULTS.withCheck("error=false")).warnings())
                .extracting(Warning::rule).contains("JSONArgsRecommended");
    }

    @Test
    void checkDirectiveSkipsRules() {
        Analysis a = new Explainer().explain("FROM alpine:3.22\nCMD echo hi\n",
                LintOptions.DEFAULTS.withCheck("skip=JSONArgsRecommended"));
        assertThat(a.warnings()).extracting(Warning::rule).doesNotContain("JSONArgsRecommended");
    }

    /** Inputs the seeded fuzzing found crashing the explainer (empty splits). */
    @ParameterizedTest
    @ValueSource(strings = {"FROM python:-\n", "FROM python:.\nUSER :\n", "FROM a:--\nUSER :\nCMD x\n", "FROM x\nRUN cd  \n"})
    void fuzzFindingsStayFixed(String dockerfile) {
        Analysis a = explainer.explain(dockerfile);
        assertThat(a.instructions()).isNotEmpty();
    }
}
