package io.dockertutorial.classroom;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Classroom mode refuses to start on an unsafe host, says why, and puts back what it changed. */
class HostRulesTest {

    private static ClassroomProperties props(String token, String code) {
        return new ClassroomProperties(true, token, code, Path.of("/nonexistent"), 10, null, null, null, null,
                null, null, null, null, null);
    }

    /** A host where everything is fine unless a test says otherwise. */
    static class FakeHost implements HostRules.Host {
        final Map<String, String> sysctls = new HashMap<>(Map.of("user.max_user_namespaces", "1000",
                "kernel.pid_max", "32768", "dev.tty.legacy_tiocsti", "1"));
        final List<String> writes = new ArrayList<>();
        boolean root = true;
        boolean sysctlsWritable = true;
        boolean hidepid = true;
        boolean firewallHolds = true;
        List<String> cgroupProblems = List.of();

        @Override public String os() { return "Linux"; }
        @Override public boolean root() { return root; }
        @Override public boolean hasTool(String name) { return true; }
        @Override public String sysctl(String key) { return sysctls.get(key); }
        @Override public void setSysctl(String key, String value) throws IOException {
            if (!sysctlsWritable) {
                throw new IOException("read-only");
            }
            writes.add(key + "=" + value);
            sysctls.put(key, value);
        }
        @Override public List<String> cgroupProblems() { return cgroupProblems; }
        @Override public boolean hidepidWorks() { return hidepid; }
        @Override public List<String> applyFirewall(ClassroomProperties p) { return List.of(); }
        @Override public boolean learnerBlockedFromLoopback(int uid) { return firewallHolds; }
        @Override public boolean engineReady(Path home) { return true; }
    }

    @Test
    void aSafeHostStartsAndGetsItsSysctlsBack() {
        FakeHost host = new FakeHost();
        HostRules rules = new HostRules(props("a-long-teacher-token", "CODE1"), host);
        assertThat(rules.applyAndCheck()).isEmpty();
        assertThat(host.sysctls).containsEntry("dev.tty.legacy_tiocsti", "0");
        assertThat(Long.parseLong(host.sysctls.get("kernel.pid_max"))).isGreaterThanOrEqualTo(32768 + 10 * 512 * 2);
        rules.restore();
        assertThat(host.sysctls).containsEntry("dev.tty.legacy_tiocsti", "1").containsEntry("kernel.pid_max", "32768");
    }

    @Test
    void noTokenOrCodeNoClassroom() {
        assertThat(new HostRules(props(null, "CODE1"), new FakeHost()).applyAndCheck())
                .anyMatch(p -> p.contains("teacher-token"));
        assertThat(new HostRules(props("short", "CODE1"), new FakeHost()).applyAndCheck())
                .anyMatch(p -> p.contains("teacher-token"));
        assertThat(new HostRules(props("a-long-teacher-token", ""), new FakeHost()).applyAndCheck())
                .anyMatch(p -> p.contains("class-code"));
    }

    @Test
    void refusesWhenTiocstiCannotBeTurnedOff() {
        FakeHost old = new FakeHost();
        old.sysctls.remove("dev.tty.legacy_tiocsti");
        assertThat(new HostRules(props("a-long-teacher-token", "CODE1"), old).applyAndCheck())
                .anyMatch(p -> p.contains("TIOCSTI"));
        FakeHost locked = new FakeHost();
        locked.sysctlsWritable = false;
        assertThat(new HostRules(props("a-long-teacher-token", "CODE1"), locked).applyAndCheck())
                .anyMatch(p -> p.contains("legacy_tiocsti")).anyMatch(p -> p.contains("kernel.pid_max"));
    }

    @Test
    void refusesWithoutCgroupsHidepidFirewallOrRoot() {
        FakeHost noCgroups = new FakeHost();
        noCgroups.cgroupProblems = List.of("cgroup v1 controller pids is not mounted");
        assertThat(new HostRules(props("a-long-teacher-token", "CODE1"), noCgroups).applyAndCheck())
                .contains("cgroup v1 controller pids is not mounted");
        FakeHost noHidepid = new FakeHost();
        noHidepid.hidepid = false;
        assertThat(new HostRules(props("a-long-teacher-token", "CODE1"), noHidepid).applyAndCheck())
                .anyMatch(p -> p.contains("hidepid"));
        FakeHost leaky = new FakeHost();
        leaky.firewallHolds = false;
        assertThat(new HostRules(props("a-long-teacher-token", "CODE1"), leaky).applyAndCheck())
                .anyMatch(p -> p.contains("firewall rule did not hold"));
        FakeHost user = new FakeHost();
        user.root = false;
        assertThat(new HostRules(props("a-long-teacher-token", "CODE1"), user).applyAndCheck())
                .anyMatch(p -> p.contains("as root"));
        FakeHost noUserns = new FakeHost();
        noUserns.sysctls.put("user.max_user_namespaces", "0");
        assertThat(new HostRules(props("a-long-teacher-token", "CODE1"), noUserns).applyAndCheck())
                .anyMatch(p -> p.contains("user namespaces are off"));
    }

    @Test
    void aRefusedStartChangesNothingForGood() {
        FakeHost host = new FakeHost();
        host.hidepid = false;
        Classroom classroom = new Classroom(props("a-long-teacher-token", "CODE1"), host);
        classroom.start();
        assertThat(classroom.active()).isFalse();
        assertThat(classroom.problems()).anyMatch(p -> p.contains("hidepid"));
        assertThat(host.sysctls).containsEntry("dev.tty.legacy_tiocsti", "1").containsEntry("kernel.pid_max", "32768");
        assertThat(classroom.join("CODE1", "Ada")).isEmpty();
    }
}
