package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The build state after each instruction: Docker's rules for ENTRYPOINT/CMD, SHELL, ENV, WORKDIR, stages. */
class BuildStateTest {

    private final Explainer explainer = new Explainer();

    private ImageState last(String dockerfile) {
        List<Analysis.Explained> all = explainer.explain(dockerfile).instructions();
        return all.get(all.size() - 1).state();
    }

    private ImageState at(String dockerfile, int line) {
        return explainer.explain(dockerfile).instructions().stream()
                .filter(x -> x.instruction().startLine() == line).findFirst().orElseThrow().state();
    }

    @Test
    void shellFormsAreWrappedInTheShellInForce() {
        ImageState s = last("FROM debian:trixie-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nCMD echo hi\n");
        assertThat(s.cmd()).containsExactly("/bin/bash", "-o", "pipefail", "-c", "echo hi");
        assertThat(s.runs()).containsExactly("/bin/bash", "-o", "pipefail", "-c", "echo hi");
        assertThat(s.shell()).containsExactly("/bin/bash", "-o", "pipefail", "-c");
    }

    @Test
    void entrypointResetsAnInheritedCmdButKeepsOneSetEarlierInTheStage() {
        assertThat(last("FROM debian:trixie-slim\nENTRYPOINT [\"/bin/echo\"]\n").cmd()).isNull();
        ImageState kept = last("FROM debian:trixie-slim\nCMD [\"b\"]\nENTRYPOINT [\"/bin/echo\"]\n");
        assertThat(kept.cmd()).containsExactly("b");
        assertThat(kept.runs()).containsExactly("/bin/echo", "b");
        // A new stage starts without "CMD set here", even FROM a stage that set one.
        ImageState next = last("FROM debian:trixie-slim AS a\nCMD [\"x\"]\nFROM a\nENTRYPOINT [\"/bin/true\"]\n");
        assertThat(next.cmd()).isNull();
        assertThat(last("FROM debian:trixie-slim\nCMD []\n").cmd()).isNull();
    }

    @Test
    void knownBaseImagesBringTheirConfiguration() {
        ImageState nginx = at("FROM nginx:1.29\n", 1);
        assertThat(nginx.entrypoint()).containsExactly("/docker-entrypoint.sh");
        assertThat(nginx.runs()).containsExactly("/docker-entrypoint.sh", "nginx", "-g", "daemon off;");
        assertThat(nginx.stopSignal()).isEqualTo("SIGQUIT");
        assertThat(nginx.exposed()).containsExactly("80/tcp");
        ImageState distroless = at("FROM gcr.io/distroless/static-debian13:nonroot\n", 1);
        assertThat(distroless.user()).isEqualTo("65532");
        assertThat(distroless.workdir()).isEqualTo("/home/nonroot");
        ImageState unknown = at("FROM example.com/team/base:1\n", 1);
        assertThat(unknown.user()).isNull();
        assertThat(unknown.runs()).isNull();
        assertThat(unknown.workdir()).isNull();
    }

    @Test
    void envExpandsWithTheStateBeforeTheLine() {
        ImageState s = last("FROM debian:trixie-slim\nARG V=1\nENV A=$V B=${NOPE:-d} PATH=/x:$PATH\n");
        assertThat(s.env()).containsEntry("A", "1").containsEntry("B", "d")
                .containsEntry("PATH", "/x:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        assertThat(s.env()).doesNotContainKey("V");
        // On an image the engine does not know, a reference it cannot resolve stays a reference.
        assertThat(last("FROM example.com/base:1\nENV PATH=/x:$PATH\n").env()).containsEntry("PATH", "/x:${PATH}");
    }

    @Test
    void workdirUserExposeAndStopSignal() {
        ImageState s = last("FROM debian:trixie-slim\nWORKDIR \"/srv\"\nWORKDIR app\nUSER 1000:1000\nEXPOSE 8080 53/UDP\n"
                + "STOPSIGNAL SIGINT\n");
        assertThat(s.workdir()).isEqualTo("/srv/app");
        assertThat(s.user()).isEqualTo("1000:1000");
        assertThat(s.exposed()).containsExactly("8080/tcp", "53/udp");
        assertThat(s.stopSignal()).isEqualTo("SIGINT");
    }

    @Test
    void windowsImagesUseCmdAsTheShell() {
        ImageState s = last("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD echo hi\n");
        assertThat(s.shell()).containsExactly("cmd", "/S", "/C");
        assertThat(s.cmd()).containsExactly("cmd", "/S", "/C", "echo hi");
    }
}
