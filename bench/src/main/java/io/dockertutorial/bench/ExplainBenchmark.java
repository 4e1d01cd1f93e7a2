package io.dockertutorial.bench;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Parse + explain + lint of a realistic Dockerfile repeated to 1k and 10k lines (6,500 instructions; the engine refuses more than 10,000). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExplainBenchmark {

    /** 20 lines: a stage with comments, continuation lines, a heredoc, variables and flags. */
    static final String STAGE = """
            # build stage
            FROM python:3.13-slim AS build%d
            ARG VERSION=1.0
            ENV APP_HOME=/app PATH=/app/bin:$PATH
            WORKDIR $APP_HOME
            # system packages
            RUN apt-get update \\
                && apt-get install -y --no-install-recommends gcc \\
                && rm -rf /var/lib/apt/lists/*
            COPY requirements.txt .
            RUN --mount=type=cache,target=/root/.cache pip install -r requirements.txt
            COPY . .
            RUN <<EOF
            python -m compileall .
            echo built $VERSION
            EOF
            USER 10001
            EXPOSE 8000
            HEALTHCHECK --interval=30s CMD ["python", "-c", "print(1)"]
            CMD ["gunicorn", "app:app"]
            """;

    @Param({"1000", "10000"})
    int lines;

    String dockerfile;
    final Explainer explainer = new Explainer();

    @Setup
    public void setUp() {
        StringBuilder s = new StringBuilder();
        int stage = 0;
        while (s.length() == 0 || s.toString().split("\n", -1).length < lines) {
            s.append(String.format(STAGE, stage++));
        }
        dockerfile = s.toString();
    }

    @Benchmark
    public Analysis explain() {
        return explainer.explain(dockerfile);
    }
}
