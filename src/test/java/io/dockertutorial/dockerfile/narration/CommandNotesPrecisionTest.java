package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.*;
import io.dockertutorial.dockerfile.state.*;
import io.dockertutorial.dockerfile.syntax.*;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21: notes that were wrong or vague, flag values, RUN --mount per type, missing common tools. */
class CommandNotesPrecisionTest {

    private final Explainer explainer = new Explainer();
    private final CommandCatalog commands = CommandCatalog.get();

    private String note(String script) {
        return commands.notes(ShellScript.parse(script)).get(0).explanation();
    }

    @Test
    void subcommandsOfTwoWordsAndMakeTargets() {
        assertThat(note("yarn workspaces focus --production api")).contains("Installs only the dependencies");
        assertThat(note("make install")).contains("install target");
        assertThat(note("make -j4")).contains("first target");
    }

    @Test
    void gpgVerifyDoesNotPromiseATrustedKey() {
        List<Analysis.FlagNote> flags = commands.notes(ShellScript.parse("gpg --batch --verify app.tgz.asc app.tgz")).get(0).flags();
        assertThat(flags).filteredOn(f -> f.name().equals("--verify")).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("any key in the keyring").doesNotContain("trusted key"));
    }

    @Test
    void flagNotesCarryTheirValueAndPrefixFlagsNameWhatTheySet() {
        List<Analysis.FlagNote> flags = commands.notes(ShellScript.parse("./configure --with-ldap=/opt/ldap --prefix /usr/local")).get(0).flags();
        assertThat(flags).extracting(Analysis.FlagNote::name).containsExactly("--with-ldap", "--prefix");
        assertThat(flags.get(0).value()).isEqualTo("/opt/ldap");
        assertThat(flags.get(0).summary()).contains("ldap");
        assertThat(flags.get(1).value()).isEqualTo("/usr/local");
        List<Analysis.FlagNote> cut = commands.notes(ShellScript.parse("cut -d: -f1 /etc/passwd")).get(0).flags();
        assertThat(cut).extracting(Analysis.FlagNote::value).contains(":");
        assertThat(commands.notes(ShellScript.parse("uv pip install --system --no-build numpy")).get(0).flags())
                .anyMatch(f -> f.name().equals("--no-build") && f.summary().contains("wheels"));
    }

    @Test
    void commonToolsAndVersionChecksHaveNotes() {
        for (String script : List.of("egrep -q '^x' /etc/os-release", "micromamba install -y -n base python=3.12",
                "golangci-lint run ./...", "lsb_release -cs", "mytool --version")) {
            assertThat(commands.unknown(ShellScript.parse(script))).as(script).isEmpty();
        }
        assertThat(note("mytool --version")).contains("version");
    }

    @Test
    void runMountIsExplainedByItsTypeAndTarget() {
        Analysis a = explainer.explain("""
                # syntax=docker/dockerfile:1
                FROM python:3.13-slim
                RUN --mount=type=cache,target=/root/.cache/pip pip install flask
                RUN --mount=type=secret,id=npmrc cat /run/secrets/npmrc
                RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt
                """);
        String cache = a.instructions().get(1).flags().get(0).explanation();
        String secret = a.instructions().get(2).flags().get(0).explanation();
        String bind = a.instructions().get(3).flags().get(0).explanation();
        assertThat(cache).contains("/root/.cache/pip").contains("between builds");
        assertThat(secret).contains("/run/secrets/npmrc").contains("not stored in the image");
        assertThat(bind).contains("/out").contains("build").contains("/mnt");
        assertThat(a.instructions().get(1).flags().get(0).value()).isEqualTo("type=cache,target=/root/.cache/pip");
    }

    @Test
    void optionsAfterAShellScriptBelongToTheScript() {
        assertThat(CommandCatalog.get().flags(ShellScript.parse("bash /tmp/install.sh -v 2 -l /opt").get(0))).isEmpty();
        assertThat(CommandCatalog.get().flags(ShellScript.parse("bash -e /tmp/install.sh").get(0)))
                .extracting(CommandCatalog.FlagUse::flag).containsExactly("-e");
    }

    @Test
    void cleanupTipsHoldWhereverTheFilesCameFrom() {
        assertThat(note("rm -rf /var/lib/apt/lists/*")).contains("this same RUN").doesNotContain("delete in the same RUN that created");
        assertThat(note("sha512sum -c app.sha512")).contains("SHA-512");
    }
}
