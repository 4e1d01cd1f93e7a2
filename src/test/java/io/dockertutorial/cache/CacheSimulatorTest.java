package io.dockertutorial.cache;

import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.cache.CachePrediction.Outcome;
import io.dockertutorial.cache.CacheSimulator.Change;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test (or a few) per rule of BuildKit's cache that the simulator models. */
class CacheSimulatorTest {

    private static final List<String> PY = List.of("Dockerfile", ".dockerignore", "app.py", "requirements.txt",
            "README.md", "tests/test_app.py", ".env", "static/site.css");

    private static final String GOOD_ORDER = """
            FROM python:3.13-slim
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            COPY . .
            RUN useradd --create-home app
            USER app
            CMD ["python", "app.py"]
            """;

    private final CacheSimulator simulator = new CacheSimulator();

    private CachePrediction predict(String dockerfile, List<String> context, String ignore, String... changed) {
        return predict(dockerfile, new Change(context, ignore, List.of(changed), null, List.of()));
    }

    private CachePrediction predict(String dockerfile, Change change) {
        try {
            return simulator.predict(new DockerfileParser().parse(dockerfile), change);
        } catch (CacheSimulator.UnknownTargetException e) {
            throw new AssertionError(e);
        }
    }

    private static String reason(CachePrediction p, int line) {
        return p.at(line).reason();
    }

    @Test
    void nothingChangedReusesEveryStep() {
        CachePrediction p = predict(GOOD_ORDER, PY, null);
        assertThat(p.lines(Outcome.REBUILT)).isEmpty();
        assertThat(p.lines(Outcome.CACHED)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(p.lines(Outcome.SETTING)).containsExactly(7, 8);
    }

    @Test
    void sourceChangeRebuildsFromTheCopyThatTakesIt() {
        CachePrediction p = predict(GOOD_ORDER, PY, null, "app.py");
        assertThat(p.lines(Outcome.CACHED)).containsExactly(1, 2, 3, 4);
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(5, 6);
        assertThat(reason(p, 5)).isEqualTo("copy-changed");
        assertThat(p.at(5).values()).containsEntry("file", "app.py");
        assertThat(reason(p, 6)).isEqualTo("after-miss");
        assertThat(p.at(6).values()).containsEntry("line", "5");
        assertThat(reason(p, 3)).isEqualTo("copy-unchanged");
    }

    @Test
    void requirementsChangeRebuildsTheInstallAndEverythingAfter() {
        CachePrediction p = predict(GOOD_ORDER, PY, null, "requirements.txt");
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(3, 4, 5, 6);
        assertThat(reason(p, 4)).isEqualTo("after-miss");
    }

    @Test
    void copyEverythingFirstRebuildsTheInstallOnAnyChange() {
        String bad = """
                FROM python:3.13-slim
                WORKDIR /app
                COPY . .
                RUN pip install --no-cache-dir -r requirements.txt
                """;
        assertThat(predict(bad, PY, null, "README.md").lines(Outcome.REBUILT)).containsExactly(3, 4);
    }

    @Test
    void dockerignoredFileNeverInvalidates() {
        CachePrediction p = predict(GOOD_ORDER, PY, ".env\n*.md\n", "README.md");
        assertThat(p.lines(Outcome.REBUILT)).isEmpty();
        assertThat(reason(p, 5)).isEqualTo("copy-ignored");
        assertThat(p.at(5).values()).containsEntry("file", "README.md");
    }

    @Test
    void dockerignoreExceptionsBringFilesBack() {
        CachePrediction p = predict(GOOD_ORDER, PY, "*.md\n!README.md\n", "README.md");
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(5, 6);
    }

    @Test
    void theDockerfileItselfIsInTheContextUnlessIgnored() {
        assertThat(predict(GOOD_ORDER, PY, null, "Dockerfile").lines(Outcome.REBUILT)).containsExactly(5, 6);
        assertThat(predict(GOOD_ORDER, PY, "Dockerfile\n", "Dockerfile").lines(Outcome.REBUILT)).isEmpty();
    }

    @Test
    void directorySourcesTakeEverythingBelow() {
        String df = """
                FROM python:3.13-slim
                COPY static/ /srv/static/
                COPY ./tests /srv/tests
                """;
        assertThat(predict(df, PY, null, "static/site.css").lines(Outcome.REBUILT)).containsExactly(2, 3);
        CachePrediction tests = predict(df, PY, null, "tests/test_app.py");
        assertThat(tests.lines(Outcome.REBUILT)).containsExactly(3);
        assertThat(predict(df, PY, null, "app.py").lines(Outcome.REBUILT)).isEmpty();
    }

    @Test
    void wildcardsMatchPathSegmentLikeGo() {
        String df = """
                FROM python:3.13-slim
                COPY *.txt ./
                COPY t*/ /t/
                """;
        assertThat(predict(df, PY, null, "requirements.txt").lines(Outcome.REBUILT)).containsExactly(2, 3);
        // * does not cross a slash: tests/x.txt is not *.txt
        List<String> ctx = List.of("tests/x.txt", "a.py");
        assertThat(predict(df, ctx, null, "tests/x.txt").lines(Outcome.REBUILT)).containsExactly(3);
        // a new file that matches the wildcard changes what the COPY takes
        assertThat(predict(df, PY, null, "notes.txt").lines(Outcome.REBUILT)).containsExactly(2, 3);
    }

    @Test
    void missingSourceIsReported() {
        CachePrediction p = predict("FROM debian:trixie-slim\nCOPY nope.txt /\n", PY, null);
        assertThat(reason(p, 2)).isEqualTo("copy-missing");
    }

    @Test
    void runIsKeyedByItsTextAndParentOnly() {
        String df = """
                FROM debian:trixie-slim
                RUN apt-get update
                COPY app.py /app/
                RUN echo built
                """;
        CachePrediction p = predict(df, PY, null, "requirements.txt");
        assertThat(p.lines(Outcome.REBUILT)).isEmpty();
        assertThat(reason(p, 2)).isEqualTo("run-same");
    }

    @Test
    void multiStageCopyFromFollowsTheSourceStage() {
        String df = """
                FROM golang:1.25 AS build
                WORKDIR /src
                COPY go.mod ./
                RUN go mod download
                COPY *.go ./
                RUN go build -o /out/app .

                FROM debian:trixie-slim
                COPY --from=build /out/app /usr/local/bin/app
                COPY config.yml /etc/app.yml
                CMD ["app"]
                """;
        List<String> ctx = List.of("go.mod", "main.go", "config.yml");
        CachePrediction code = predict(df, ctx, null, "main.go");
        assertThat(code.lines(Outcome.REBUILT)).containsExactly(5, 6, 9, 10);
        assertThat(reason(code, 9)).isEqualTo("copy-from-stage-changed");
        assertThat(code.at(9).values()).containsEntry("stage", "build").containsEntry("line", "5");
        assertThat(code.lines(Outcome.CACHED)).containsExactly(1, 2, 3, 4, 8);

        // What the engine showed (CacheLabsTest): a rebuilt stage with identical output leaves COPY --from cached.
        CachePrediction same = predict(df, new Change(ctx, null, List.of("main.go"), null, List.of(), List.of("build")));
        assertThat(same.lines(Outcome.REBUILT)).containsExactly(5, 6);
        assertThat(reason(same, 9)).isEqualTo("copy-from-stage-same-output");

        CachePrediction config = predict(df, ctx, null, "config.yml");
        assertThat(config.lines(Outcome.REBUILT)).containsExactly(10);
        assertThat(reason(config, 9)).isEqualTo("copy-from-stage-same");
    }

    @Test
    void sameOutputCanBeKnownForOneCopyFromStepOnly() {
        // Lesson 19's shape: the build stage installs into /install and checks app.py; the final stage takes both.
        // When app.py changes, the engine reuses the first COPY --from (same /install) and reruns the second.
        String df = """
                FROM python:3.13-slim AS build
                COPY requirements.txt .
                RUN pip install --prefix=/install -r requirements.txt
                COPY app.py .
                RUN python -m py_compile app.py
                FROM python:3.13-slim
                COPY --from=build /install /usr/local
                COPY --from=build /app.py .
                """;
        List<String> ctx = List.of("requirements.txt", "app.py");
        CachePrediction told = predict(df, new Change(ctx, null, List.of("app.py"), null, List.of(), List.of("build:7")));
        assertThat(reason(told, 7)).isEqualTo("copy-from-stage-same-output");
        assertThat(told.at(7).outcome()).isEqualTo(Outcome.CACHED);
        assertThat(reason(told, 8)).isEqualTo("copy-from-stage-changed");
        assertThat(told.lines(Outcome.REBUILT)).containsExactly(4, 5, 8);
    }

    @Test
    void copyFromByIndexAndFromAnImage() {
        String df = """
                FROM debian:trixie-slim
                COPY a.txt /a.txt
                FROM debian:trixie-slim
                COPY --from=0 /a.txt /a.txt
                COPY --from=nginx:1.29 /etc/nginx/nginx.conf /nginx.conf
                """;
        CachePrediction p = predict(df, List.of("a.txt"), null, "a.txt");
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(2, 4, 5);
        assertThat(reason(p, 5)).isEqualTo("after-miss");
        CachePrediction none = predict(df, List.of("a.txt"), null);
        assertThat(reason(none, 5)).isEqualTo("copy-from-image");
    }

    @Test
    void stagesTheTargetDoesNotNeedAreNotBuilt() {
        String df = """
                FROM python:3.13-slim AS base
                COPY requirements.txt .
                FROM base AS test
                COPY tests/ tests/
                RUN python -m pytest
                FROM base AS final
                COPY app.py .
                CMD ["python", "app.py"]
                """;
        CachePrediction p = predict(df, PY, null, "tests/test_app.py");
        assertThat(p.lines(Outcome.NOT_BUILT)).containsExactly(3, 4, 5);
        assertThat(p.lines(Outcome.REBUILT)).isEmpty();
        assertThat(reason(p, 5)).isEqualTo("stage-not-needed");
        assertThat(reason(p, 4)).isEqualTo("copy-not-built");
        assertThat(p.at(4).values()).containsEntry("stage", "test").containsEntry("target", "final")
                .containsEntry("file", "tests/test_app.py");
        assertThat(p.target()).isEqualTo("final");

        // --target test builds base and test, not final
        CachePrediction t = predict(df, new Change(PY, null, List.of("tests/test_app.py"), "TEST", List.of()));
        assertThat(t.lines(Outcome.NOT_BUILT)).containsExactly(6, 7, 8);
        assertThat(t.lines(Outcome.REBUILT)).containsExactly(4, 5);

        // a change in the shared base stage reaches every stage built from it
        CachePrediction r = predict(df, PY, null, "requirements.txt");
        assertThat(r.lines(Outcome.REBUILT)).containsExactly(2, 6, 7);
        assertThat(reason(r, 6)).isEqualTo("base-stage-changed");
    }

    @Test
    void unknownTargetIsAnError() {
        assertThatThrownBy(() -> simulator.predict(new DockerfileParser().parse("FROM debian:trixie-slim\n"),
                new Change(List.of(), null, List.of(), "nope", List.of())))
                .isInstanceOf(CacheSimulator.UnknownTargetException.class).hasMessageContaining("nope");
    }

    @Test
    void changedBuildArgumentMissesAtTheFirstRunAfterItsArg() {
        String df = """
                FROM debian:trixie-slim
                RUN echo one
                ARG VERSION=1
                COPY app.py /app/
                WORKDIR /app
                RUN echo two
                """;
        CachePrediction p = predict(df, new Change(PY, null, List.of(), null, List.of("VERSION")));
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(6);
        assertThat(reason(p, 3)).isEqualTo("arg-changed");
        assertThat(reason(p, 6)).isEqualTo("run-var");
        assertThat(p.at(6).values()).containsEntry("name", "VERSION").containsEntry("line", "3");
        // not declared in the stage: a build argument nobody uses changes nothing
        CachePrediction unused = predict(df, new Change(PY, null, List.of(), null, List.of("OTHER")));
        assertThat(unused.lines(Outcome.REBUILT)).isEmpty();
    }

    @Test
    void envFromAChangedArgumentAndPathsThatUseIt() {
        String df = """
                ARG BASE_TAG=trixie-slim
                FROM debian:${BASE_TAG} AS one
                RUN echo base
                FROM debian:trixie-slim
                ARG APP=app
                ENV APP_DIR=/srv/$APP
                ENV FIXED=1
                WORKDIR $APP_DIR
                """;
        CachePrediction p = predict(df, new Change(PY, null, List.of(), "one", List.of("BASE_TAG")));
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(2, 3);
        assertThat(reason(p, 2)).isEqualTo("base-image-arg");
        assertThat(reason(p, 1)).isEqualTo("arg-changed-global");
        CachePrediction q = predict(df, new Change(PY, null, List.of(), null, List.of("APP")));
        assertThat(reason(q, 6)).isEqualTo("env-changed");
        assertThat(reason(q, 7)).isNull();
        assertThat(q.lines(Outcome.REBUILT)).containsExactly(8);
        assertThat(reason(q, 8)).isEqualTo("workdir-var");
        assertThat(q.at(8).values()).containsEntry("name", "APP_DIR").containsEntry("kind", "ENV");
    }

    @Test
    void globalArgumentRedeclaredInAStage() {
        String df = """
                ARG V=1
                FROM debian:trixie-slim
                RUN echo before
                ARG V
                RUN echo after
                """;
        CachePrediction p = predict(df, new Change(PY, null, List.of(), null, List.of("V")));
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(5);
    }

    @Test
    void envChangeDoesNotInvalidateACopyThatDoesNotUseIt() {
        // FileOp cache keys hold the copy's paths, not the environment (BuildKit's file op CacheMap).
        String df = """
                FROM debian:trixie-slim
                ARG V=1
                COPY app.py /app/
                RUN echo hi
                """;
        CachePrediction p = predict(df, new Change(PY, null, List.of(), null, List.of("V")));
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(4);
        assertThat(p.lines(Outcome.CACHED)).containsExactly(1, 3);
    }

    @Test
    void bindMountsCountLikeCopies() {
        String df = """
                FROM python:3.13-slim
                RUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt
                RUN --mount=type=cache,target=/root/.cache echo cache mounts are not part of the key
                RUN --mount=type=secret,id=token echo nor are secrets
                RUN --mount=type=bind,target=/src echo the whole context
                """;
        CachePrediction p = predict(df, PY, null, "requirements.txt");
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(2, 3, 4, 5);
        assertThat(reason(p, 2)).isEqualTo("bind-changed");
        CachePrediction app = predict(df, PY, null, "app.py");
        assertThat(app.lines(Outcome.REBUILT)).containsExactly(5);
        assertThat(reason(app, 5)).isEqualTo("bind-changed");
        assertThat(predict(df, PY, "app.py\n", "app.py").lines(Outcome.REBUILT)).isEmpty();
    }

    @Test
    void bindMountFromAStageNeedsThatStage() {
        String df = """
                FROM debian:trixie-slim AS assets
                COPY static/ /static/
                FROM debian:trixie-slim AS unused
                RUN echo never
                FROM debian:trixie-slim
                RUN --mount=type=bind,from=assets,source=/static,target=/s ls /s
                """;
        CachePrediction p = predict(df, PY, null, "static/site.css");
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(2, 6);
        assertThat(reason(p, 6)).isEqualTo("bind-stage-changed");
        assertThat(p.lines(Outcome.NOT_BUILT)).containsExactly(3, 4);
    }

    @Test
    void heredocsAndRemoteSourcesDoNotDependOnContextFiles() {
        String df = """
                FROM debian:trixie-slim
                COPY <<EOF /etc/motd
                hello
                EOF
                ADD https://example.org/tool.tar.gz /opt/
                COPY . /src
                """;
        CachePrediction p = predict(df, PY, null, "app.py");
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(6);
        assertThat(reason(p, 2)).isEqualTo("copy-heredoc");
        assertThat(reason(p, 5)).isEqualTo("add-remote");
    }

    @Test
    void linkedCopyAfterAMissIsStackedAgain() {
        String df = """
                FROM debian:trixie-slim
                COPY app.py /app/
                COPY --link static/ /static/
                RUN echo after
                """;
        CachePrediction p = predict(df, PY, null, "app.py");
        // checked on the engine (CacheLabsTest): the step is reported as run, not CACHED
        assertThat(p.lines(Outcome.REBUILT)).containsExactly(2, 3, 4);
        assertThat(reason(p, 3)).isEqualTo("copy-link");
    }

    @Test
    void onbuildAndConfigurationInstructionsAreSettings() {
        String df = """
                FROM debian:trixie-slim
                ONBUILD COPY . /src
                LABEL a=b
                EXPOSE 80
                """;
        CachePrediction p = predict(df, PY, null, "app.py");
        assertThat(p.lines(Outcome.SETTING)).containsExactly(2, 3, 4);
    }

    @Test
    void everyReasonHasATeachingText() {
        String df = GOOD_ORDER + "FROM base-not-a-stage\nCOPY --from=nope /x /x\n";
        for (String changed : List.of("app.py", "README.md", "requirements.txt")) {
            CachePrediction p = predict(df, PY, "*.md\n", changed);
            p.steps().forEach(s -> {
                String text = CacheReasons.get().text(s);
                if (s.reason() != null) {
                    assertThat(text).doesNotContain("{").isNotBlank();
                }
            });
        }
    }
}
