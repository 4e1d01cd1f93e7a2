package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.*;
import io.dockertutorial.dockerfile.state.*;
import io.dockertutorial.dockerfile.syntax.*;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21, shell: quotes, wrappers, substitutions, redirections, sh per image, bundled flags. */
class ShellReadingTest {

    private final Explainer explainer = new Explainer();

    private static List<String> names(String script) {
        return ShellScript.parse(script).stream().map(ShellCommand::name).toList();
    }

    private Analysis.Explained run(String from, String script) {
        return explainer.explain("FROM " + from + "\nRUN " + script + "\n").instructions().get(1);
    }

    @Test
    void aSemicolonInsideQuotesDoesNotMakeASequence() {
        Analysis.Explained r = run("debian:trixie-slim", "apt-get update && perl -pi -e 's/x;y/z/' /etc/f && rm -rf /tmp/a");
        assertThat(r.explanation()).doesNotContain("even if").contains("&&");
        assertThat(names("apt-get update && perl -pi -e 's/x;y/z/' /etc/f")).containsExactly("apt-get", "perl");
    }

    @Test
    void wrappersAreExplainedWithTheCommandTheyRun() {
        assertThat(names("sudo -u builder make -j4")).containsExactly("sudo", "make");
        assertThat(names("env -u HTTP_PROXY LANG=C python3 -m pip --version")).containsExactly("env", "python3");
        assertThat(names("su-exec app:app node server.js")).containsExactly("su-exec", "node");
        assertThat(names("gosu postgres initdb")).containsExactly("gosu", "initdb");
        assertThat(names("nice -n 10 make")).containsExactly("nice", "make");
        assertThat(names("timeout -s KILL 60 ./selftest")).containsExactly("timeout", "./selftest");
        assertThat(names("find . -name '*.pyc' | xargs -r -n 20 rm -f")).containsExactly("find", "xargs", "rm");
        assertThat(names("exec -a app /usr/bin/app")).containsExactly("exec", "/usr/bin/app");
        assertThat(names("command -v git")).containsExactly("command");
        ShellCommand sudo = ShellScript.parse("sudo -u builder make -j4").get(0);
        assertThat(CommandCatalog.get().flags(sudo)).extracting(CommandCatalog.FlagUse::flag).containsExactly("-u");
    }

    @Test
    void commandsInsideSubstitutionsAreFound() {
        assertThat(names("echo \"arch: $(dpkg --print-architecture)\"")).containsExactly("echo", "dpkg");
        assertThat(names("cd `mktemp -d`")).containsExactly("cd", "mktemp");
        assertThat(names("echo '$(not run)'")).containsExactly("echo");
        assertThat(names("echo $((1 + 2))")).containsExactly("echo");
    }

    @Test
    void redirectionsAreNeverCommands() {
        assertThat(names("{ echo a; echo b; } > /etc/f")).containsExactly("echo", "echo");
        assertThat(names(">/etc/motd echo hi")).containsExactly("echo");
        assertThat(names("2>/dev/null ls /x")).containsExactly("ls");
    }

    @Test
    void shIsNamedForWhatItIsOnTheBaseImage() {
        String debian = run("debian:trixie-slim", "sh -c 'echo hi'").commands().get(0).explanation();
        String alpine = run("alpine:3.22", "sh -c 'echo hi'").commands().get(0).explanation();
        String unknown = run("example.com/base:1", "sh -c 'echo hi'").commands().get(0).explanation();
        assertThat(debian).contains("dash").doesNotContain("bash shell");
        assertThat(alpine).contains("BusyBox ash");
        assertThat(unknown).contains("dash on Debian").contains("BusyBox ash on Alpine");
    }

    @Test
    void oldStyleBundledFlagsAreSplit() {
        CommandCatalog catalog = CommandCatalog.get();
        ShellCommand tar = ShellScript.parse("tar xzvf /tmp/app.tgz -C /opt").get(0);
        assertThat(catalog.flags(tar)).extracting(CommandCatalog.FlagUse::flag).containsExactly("-x", "-z", "-v", "-f", "-C");
        assertThat(catalog.flags(tar)).allMatch(f -> f.text() != null);
        ShellCommand ps = ShellScript.parse("ps aux").get(0);
        assertThat(catalog.flags(ps)).extracting(CommandCatalog.FlagUse::flag).containsExactly("a", "u", "x");
        assertThat(catalog.flags(ps)).allMatch(f -> f.text() != null && f.text().contains("BSD"));
    }
}
