package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Warning;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The explanations read the build state: the shell in force, the ENTRYPOINT before a CMD, where a variable comes from. */
class NarrationTest {

    private final Explainer explainer = new Explainer();

    private Analysis.Explained at(String dockerfile, int line) {
        return explainer.explain(dockerfile).instructions().stream()
                .filter(x -> x.instruction().startLine() == line).findFirst().orElseThrow();
    }

    @Test
    void runNamesTheShellInForce() {
        String bash = "FROM debian:trixie-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN echo hi | cat\n";
        assertThat(at(bash, 3).explanation()).contains("/bin/bash -o pipefail -c \"echo hi | cat\"")
                .contains("SHELL on line 2").doesNotContain("/bin/sh");
        String pwsh = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Write-Host hi\n";
        assertThat(at(pwsh, 3).explanation()).contains("PowerShell").doesNotContain("/bin/sh");
        assertThat(at("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n", 3).explanation())
                .contains("cmd /S /C").contains("cmd.exe");
    }

    @Test
    void cmdIsToldWithTheEntrypointAndTheStopSignal() {
        String file = "FROM debian:trixie-slim\nENTRYPOINT [\"/usr/bin/tini\", \"--\"]\nCMD [\"app\"]\nSTOPSIGNAL SIGQUIT\n";
        assertThat(at(file, 3).explanation()).contains("ENTRYPOINT is in force").contains("/usr/bin/tini -- app")
                .contains("process 1 is /usr/bin/tini");
        assertThat(at("FROM debian:trixie-slim\nCMD [\"app\"]\nSTOPSIGNAL SIGQUIT\n", 2).explanation()).contains("SIGQUIT");
    }

    @Test
    void pathFromTheBaseImageIsNotSaidToComeFromItsOwnLine() {
        String text = at("FROM debian:trixie-slim\nENV PATH=/opt/bin:$PATH\n", 2).explanation();
        assertThat(text).contains("$PATH comes from the environment of the base image debian:trixie-slim")
                .doesNotContain("set with ENV on line 2");
    }

    @Test
    void scriptsWithSemicolonsAreNotCalledAndChains() {
        String text = at("FROM debian:trixie-slim\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl\n", 2)
                .explanation();
        assertThat(text).contains("set -e stops it").doesNotContain("chain of");
    }

    @Test
    void flagsAreExplainedForTheirCommand() {
        Analysis.Explained run = at("FROM debian:trixie-slim\nRUN curl -kL https://x/y -o y && wget -O z https://x/z\n", 2);
        Analysis.CommandNote curl = run.commands().get(0);
        assertThat(curl.flags()).extracting(Analysis.FlagNote::name).containsExactly("-k", "-L", "-o");
        assertThat(curl.flags().get(0).summary()).contains("certificate");
        Analysis.CommandNote wget = run.commands().get(1);
        assertThat(wget.flags()).extracting(Analysis.FlagNote::name).containsExactly("-O");
        assertThat(wget.flags().get(0).summary()).contains("Writes the download to this file");
    }

    @Test
    void awkFieldsAreNotShellVariablesAndUnknownCommandsAreNamed() {
        String text = at("FROM debian:trixie-slim\nRUN ls -l | awk '{print $NF}' && frobnicate --all\n", 2).explanation();
        assertThat(text).doesNotContain("$NF is").contains("No notes on frobnicate");
    }

    @Test
    void copyHeredocNamesTheDocumentAndTheDestination() {
        String text = at("FROM debian:trixie-slim\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n", 2).explanation();
        assertThat(text).contains("the here-document EOF").contains("/etc/app.conf");
    }

    @Test
    void aStageNamedWithVariablesIsNotCalledAnImage() {
        String text = at("ARG TARGETOS\nFROM debian:trixie-slim AS build-linux\nFROM debian:trixie-slim AS build-windows\n"
                + "FROM build-$TARGETOS\n", 4).explanation();
        assertThat(text).contains("names a stage of this file (build-linux, build-windows)").doesNotContain("latest");
    }

    @Test
    void unknownBaseImagesAreSaidToBeUnknown() {
        assertThat(at("FROM example.com/team/base:1\n", 1).explanation()).contains("does not know");
        assertThat(at("FROM node:24-slim\n", 1).explanation()).contains("docker-entrypoint.sh node");
    }

    @Test
    void noUserFixFitsTheSystem() {
        Warning alpine = explainer.explain("FROM alpine:3.22\nCMD [\"/app\"]\n").warnings().stream()
                .filter(w -> w.rule().equals("NoUser")).findFirst().orElseThrow();
        assertThat(alpine.fix()).contains("adduser -D").doesNotContain("useradd");
        Warning debian = explainer.explain("FROM debian:trixie-slim\nCMD [\"/app\"]\n").warnings().stream()
                .filter(w -> w.rule().equals("NoUser")).findFirst().orElseThrow();
        assertThat(debian.fix()).contains("useradd");
    }
}
