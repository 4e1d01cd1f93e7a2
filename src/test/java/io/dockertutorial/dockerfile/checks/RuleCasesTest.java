package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One case per rule behaviour: the checks that must fire, and the false alarms of issue 13 that must
 * not. Each row: the rule, whether it fires, and a Dockerfile (\n for new lines).
 */
class RuleCasesTest {

    private final Explainer explainer = new Explainer();

    @ParameterizedTest(name = "{0} fires={1}: {2}")
    @CsvSource(delimiterString = " ~ ", textBlock = """
            PipefailMissing ~ true ~ FROM debian:trixie-slim\\nRUN wget -qO- https://x/tags.json | jq -r .latest > /version
            PipefailMissing ~ true ~ FROM php:8.4-cli\\nRUN curl -sS https://x/installer | php -- --install-dir=/usr/local/bin
            PipefailMissing ~ false ~ FROM debian:trixie-slim\\nRUN curl -fsSL https://x/y.tgz | tar xz
            PipefailMissing ~ false ~ FROM debian:trixie-slim\\nRUN if curl -fsS https://x/health | grep -q ok; then echo up; fi
            PipefailMissing ~ false ~ FROM debian:trixie-slim\\nRUN curl -fsSLO https://x/a.tgz && curl -fsSL https://x/a.tgz.sha256 | sha256sum -c -
            PipefailMissing ~ false ~ FROM debian:trixie-slim\\nRUN dpkg --print-architecture | awk -F- '{ print $NF }' > /arch
            PipefailMissing ~ false ~ FROM debian:trixie-slim\\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\\nRUN curl -fsSL https://x/y.tgz | tar xz
            PipefailMissing ~ false ~ FROM debian:trixie-slim\\nRUN echo "$SUM  f" | sha256sum -c -
            AptInScripts ~ true ~ FROM debian:trixie-slim\\nRUN apt update && apt install -y curl
            AptKeyDeprecated ~ true ~ FROM debian:bookworm-slim\\nRUN curl -fsSL https://x/key | apt-key add -
            InsecureDownload ~ true ~ FROM debian:trixie-slim\\nRUN curl -kL https://x/y -o y
            InsecureDownload ~ true ~ FROM debian:trixie-slim\\nRUN wget --no-check-certificate https://x/y
            InsecureDownload ~ false ~ FROM debian:trixie-slim\\nRUN curl -fsSL https://x/y -o y
            AddRemoteWithoutChecksum ~ true ~ FROM debian:trixie-slim\\nADD https://example.com/a.tgz /a.tgz
            AddRemoteWithoutChecksum ~ false ~ FROM debian:trixie-slim\\nADD https://example.com/tool-1.2.tgz.asc /tmp/\\nADD https://example.com/tool-1.2.tgz /tmp/\\nRUN gpg --batch --verify /tmp/tool-1.2.tgz.asc /tmp/tool-1.2.tgz
            AddRemoteWithoutChecksum ~ false ~ FROM debian:trixie-slim\\nADD https://example.com/app.bin /usr/local/bin/app\\nRUN echo "$APP_SHA256  /usr/local/bin/app" | sha256sum -c -
            AddRemoteWithoutChecksum ~ true ~ FROM debian:trixie-slim\\nADD https://example.com/app.bin /usr/local/bin/app\\nRUN sha256sum /usr/local/bin/other
            AddRemoteWithoutChecksum ~ false ~ FROM debian:trixie-slim\\nADD --checksum=sha256:0000 https://example.com/a.tgz /a.tgz
            AptListsNotCleaned ~ false ~ FROM debian:trixie-slim\\nRUN --mount=type=bind,source=x,target=/x --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y --no-install-recommends curl
            PipNoCacheDir ~ false ~ FROM python:3.13-slim\\nRUN pip install --no-cache flask
            PipNoCacheDir ~ true ~ FROM python:3.13-slim\\nRUN pip install flask
            EndOfLifeImage ~ true ~ FROM python:3.12-slim-buster
            EndOfLifeImage ~ true ~ FROM ubuntu:focal
            EndOfLifeImage ~ false ~ FROM python:3.13-slim-trixie
            UndefinedVar ~ false ~ FROM python:3.13-slim\\nENV X=$PYTHON_VERSION
            UndefinedVar ~ false ~ FROM example.com/team/base:1\\nENV X=$SOMETHING_THE_BASE_SETS
            UndefinedVar ~ true ~ FROM python:3.13-slim\\nENV X=$PYTHON_VERSON
            FileNotCopiedYet ~ true ~ FROM python:3.13-slim\\nRUN pip install --no-cache-dir -r requirements.txt
            FileNotCopiedYet ~ false ~ FROM python:3.13-slim\\nRUN curl -o requirements.txt https://x/r && pip install --no-cache-dir -r requirements.txt
            FileNotCopiedYet ~ false ~ FROM python:3.13-slim\\nRUN git clone https://x/r.git . && pip install --no-cache-dir -r requirements.txt
            FileNotCopiedYet ~ false ~ FROM example.com/base:1\\nRUN pip install --no-cache-dir -r /opt/requirements.txt
            WorkdirRelativePath ~ false ~ FROM debian:trixie-slim\\nWORKDIR "/app"
            LatestTag ~ false ~ ARG TARGETOS\\nFROM debian:trixie-slim AS build-linux\\nFROM build-$TARGETOS
            LatestTag ~ true ~ FROM debian
            UnusedStage ~ true ~ FROM debian:trixie-slim AS test\\nRUN true\\nFROM debian:trixie-slim\\nCMD ["true"]
            CdAtEndOfRun ~ true ~ FROM debian:trixie-slim\\nRUN mkdir -p /app && cd /app
            CdInRun ~ false ~ FROM debian:trixie-slim\\nRUN cd "$(mktemp -d)" && make
            CdInRun ~ false ~ FROM debian:trixie-slim\\nRUN cd /tmp && curl -fsSLO https://x/y
            AptListsNotCleaned ~ false ~ FROM debian:trixie-slim\\nRUN apt-get update && apt-get install -y --no-install-recommends curl && apt-get dist-clean
            AptListsNotCleaned ~ false ~ FROM debian:trixie-slim\\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y --no-install-recommends curl
            AptListsNotCleaned ~ true ~ FROM debian:trixie-slim\\nRUN apt-get update && apt-get install -y --no-install-recommends curl
            AptUpdateAlone ~ false ~ FROM debian:trixie-slim\\nRUN apt-get update && for p in a b; do apt-get install -y --no-install-recommends "$p"; done
            AptUpdateAlone ~ false ~ FROM debian:trixie-slim\\nRUN apt-get update; install_it() { apt-get install -y --no-install-recommends "$1"; }; install_it curl
            AptUpdateAlone ~ true ~ FROM debian:trixie-slim\\nRUN apt-get update
            NoUser ~ true ~ FROM debian:trixie-slim\\nCMD ["/app"]
            NoUser ~ false ~ FROM gcr.io/distroless/static-debian13:nonroot\\nCMD ["/app"]
            NoUser ~ false ~ FROM debian:trixie-slim\\nONBUILD USER app\\nCMD ["/app"]
            NoUser ~ false ~ # escape=`\\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\\nCMD ["app.exe"]
            NoUser ~ false ~ FROM debian:trixie-slim\\nRUN apt-get update && apt-get install -y --no-install-recommends gosu\\nCMD ["/app"]
            JSONArgsRecommended ~ true ~ FROM debian:trixie-slim\\nCMD /app
            """)
    void ruleFiresOrNot(String rule, boolean fires, String dockerfile) {
        Analysis a = explainer.explain(dockerfile.replace("\\n", "\n"));
        assertThat(a.warnings().stream().anyMatch(w -> w.rule().equals(rule)))
                .as(rule + " on\n" + dockerfile.replace("\\n", "\n") + "\nfound " + a.warnings()).isEqualTo(fires);
    }

    @ParameterizedTest(name = "no error: {0}")
    @CsvSource(delimiterString = " ~ ", textBlock = """
            FROM debian:trixie-slim\\nCMD []
            FROM debian:trixie-slim\\nENTRYPOINT []
            """)
    void validFilesHaveNoErrors(String dockerfile) {
        assertThat(explainer.explain(dockerfile.replace("\\n", "\n")).errors()).isEmpty();
    }
}
