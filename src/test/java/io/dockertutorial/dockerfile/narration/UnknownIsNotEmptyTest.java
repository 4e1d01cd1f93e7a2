package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.*;
import io.dockertutorial.dockerfile.state.*;
import io.dockertutorial.dockerfile.syntax.*;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21, unknown is not empty: BuildKit's platform arguments, unknown base images. */
class UnknownIsNotEmptyTest {

    private final Explainer explainer = new Explainer();

    private Analysis.Explained at(String file, int index) {
        return explainer.explain(file).instructions().get(index);
    }

    @Test
    void aDeclaredPlatformArgumentIsSetByBuildKitNeverEmpty() {
        String file = "FROM debian:trixie-slim\nARG TARGETARCH\nADD https://example.org/tool-${TARGETARCH}.tgz /opt/\n";
        Analysis.Explained add = at(file, 2);
        assertThat(add.explanation()).contains("BuildKit sets it for the target platform (e.g. amd64)")
                .doesNotContain("tool-.tgz");
        assertThat(explainer.explain(file).warnings()).noneMatch(w -> w.message().contains("tool-.tgz"));
    }

    @Test
    void inFromThePlatformArgumentsNeedNoArg() {
        String text = at("FROM --platform=$BUILDPLATFORM golang:1.25 AS build\n", 0).explanation();
        assertThat(text).contains("set by BuildKit for the build platform (e.g. linux/amd64)");
    }

    @Test
    void aRunUsingAnUndeclaredPlatformArgumentIsReported() {
        String bad = "FROM alpine:3.22\nRUN wget -O /gosu https://example.org/gosu-$TARGETARCH\n";
        assertThat(explainer.explain(bad).warnings()).anyMatch(w -> w.rule().equals("UndeclaredPlatformArg")
                && w.message().contains("$TARGETARCH"));
        assertThat(at(bad, 1).explanation()).contains("only in stages that declare ARG TARGETARCH");
        String good = "FROM alpine:3.22\nARG TARGETARCH\nRUN wget -O /gosu https://example.org/gosu-$TARGETARCH\n";
        assertThat(explainer.explain(good).warnings()).noneMatch(w -> w.rule().equals("UndeclaredPlatformArg"));
        String own = "FROM alpine:3.22\nRUN TARGETARCH=$(uname -m) && echo $TARGETARCH\n";
        assertThat(explainer.explain(own).warnings()).noneMatch(w -> w.rule().equals("UndeclaredPlatformArg"));
    }
}
