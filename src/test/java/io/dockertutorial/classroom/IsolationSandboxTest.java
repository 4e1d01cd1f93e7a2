package io.dockertutorial.classroom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feasibility study's isolation checks, as tests, on two learners' real sandboxes (driven through their
 * terminals). Each test is one check in the closing {@code sandbox:} line. The resource checks (fork bomb,
 * memory hog, disk filler) come last; after each, the other learner must still work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "classroom.enabled=true", "classroom.class-code=" + SandboxTests.CODE, "classroom.teacher-token=" + SandboxTests.TOKEN,
        "classroom.max-learners=8", "classroom.memory=512M", "classroom.pids=384", "classroom.disk=1G"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationSandboxTest {

    private static final String DEBIAN = "debian:trixie-slim";

    @LocalServerPort
    int port;
    @Autowired
    Classroom classroom;
    private LearnerClient a;
    private LearnerClient b;
    private Learner la;
    private Learner lb;

    @BeforeAll
    void twoLearners() throws Exception {
        assertThat(classroom.problems()).as("classroom mode must start on this host").isEmpty();
        a = new LearnerClient(port, "Grace", SandboxTests.CODE);
        b = new LearnerClient(port, "Barbara", SandboxTests.CODE);
        SandboxTests.LEARNERS.addAndGet(2);
        a.connect();
        b.connect();
        la = learner("Grace");
        lb = learner("Barbara");
        // B keeps a secret in its home and in a volume, and a container that runs.
        assertThat(b.run("echo b-secret > ~/secret && chmod 644 ~/secret && docker volume create bdata >/dev/null"
                + " && docker run --rm -v bdata:/d " + DEBIAN + " sh -c 'echo vol-secret > /d/secret'"
                + " && docker run -d --name bsleep " + DEBIAN + " sleep 3600").exit()).isZero();
    }

    @AfterAll
    void leave() throws Exception {
        for (LearnerClient c : new LearnerClient[] {a, b}) {
            if (c != null) {
                c.leave();
            }
        }
    }

    private Learner learner(String name) {
        return classroom.sandboxes().all().stream().filter(l -> l.displayName.equals(name)).findFirst().orElseThrow();
    }

    private Seats seats() {
        return classroom.sandboxes().seats();
    }

    private void bStillWorks() throws Exception {
        LearnerClient.Run r = b.run("timeout 60 docker run --rm " + DEBIAN + " echo b-alive", Duration.ofSeconds(90));
        assertThat(r.output()).contains("b-alive");
    }

    @Test
    @Order(1)
    void aCannotSeeBsProcesses() throws Exception {
        LearnerClient.Run r = a.run("ps -eo user= | sort -u");
        assertThat(r.output()).contains(la.user()).doesNotContain(lb.user()).doesNotContain("root");
    }

    @Test
    @Order(2)
    void aCannotSignalBsEngineOrContainer() throws Exception {
        List<Long> bPids = ProcessScan.owned(seats().uid(lb.seat), seats().subid(lb.seat), 65536);
        assertThat(bPids).isNotEmpty();
        for (long pid : bPids.subList(0, Math.min(5, bPids.size()))) {
            assertThat(a.run("kill -0 " + pid + " 2>&1").exit()).as("kill -0 %d", pid).isNotZero();
        }
    }

    @Test
    @Order(3)
    void aCannotReadBsFilesOrVolumes() throws Exception {
        Path bHome = seats().home(lb.seat);
        assertThat(a.run("cat " + bHome + "/secret 2>&1").output()).contains("Permission denied");
        assertThat(a.run("ls " + bHome + "/.local/share/docker/volumes 2>&1").output()).contains("Permission denied");
        assertThat(a.run("docker run --rm -v " + bHome + ":/b " + DEBIAN + " cat /b/secret 2>&1").output())
                .doesNotContain("b-secret");
    }

    @Test
    @Order(4)
    void aCannotUseBsSocket() throws Exception {
        LearnerClient.Run r = a.run("DOCKER_HOST=unix://" + seats().socket(lb.seat) + " docker ps 2>&1");
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).containsIgnoringCase("permission denied").doesNotContain("bsleep");
    }

    @Test
    @Order(5)
    void hostRootMountGivesNoHostRoot() throws Exception {
        LearnerClient.Run r = a.run("docker run --rm -v /:/host " + DEBIAN + " sh -c '"
                + "cat /host/etc/shadow >/dev/null 2>&1 && echo READ-SHADOW; ls /host/root >/dev/null 2>&1 && echo READ-ROOT;"
                + " touch /host/usr/bin/dtsbx-pwned 2>/dev/null && echo WROTE-USR; echo x > /host/etc/dtsbx-pwned; echo done'");
        assertThat(r.output()).contains("done").doesNotContain("READ-SHADOW", "READ-ROOT", "WROTE-USR");
        assertThat(Path.of("/etc/dtsbx-pwned")).doesNotExist();
        assertThat(Path.of("/usr/bin/dtsbx-pwned")).doesNotExist();
    }

    @Test
    @Order(6)
    void privilegedGivesNoHostRoot() throws Exception {
        LearnerClient.Run r = a.run("docker run --rm --privileged " + DEBIAN + " sh -c '"
                + "for d in /dev/vda /dev/sda /dev/nvme0n1; do [ -e $d ] && head -c1 $d >/dev/null 2>&1 && echo READ-DISK; done;"
                + " mkdir -p /m && mount /dev/vda /m 2>/dev/null && echo MOUNTED;"
                + " echo 1 > /proc/sys/kernel/sysrq 2>/dev/null && echo WROTE-SYSCTL;"
                + " echo 1 > /proc/sysrq-trigger 2>/dev/null && echo SYSRQ; cat /proc/self/uid_map'");
        assertThat(r.output()).doesNotContain("READ-DISK", "MOUNTED", "WROTE-SYSCTL", "SYSRQ")
                .contains(Integer.toString(seats().uid(la.seat)));
    }

    @Test
    @Order(7)
    void noTrafficToHostPortsOrOtherLearners() throws Exception {
        // The app listens on 127.0.0.1:port of the host; A's shell has its own loopback.
        assertThat(a.run("curl -s -m 5 http://127.0.0.1:" + port + "/ >/dev/null").exit()).isNotZero();
        // B publishes 8090; A's 127.0.0.1:8090 is A's own (nothing there).
        b.run("docker run -d --name bweb -p 127.0.0.1:8090:80 " + DEBIAN + " perl -MIO::Socket::INET -e "
                + "'$s=IO::Socket::INET->new(LocalPort=>80,Listen=>5,ReuseAddr=>1);while($c=$s->accept){print $c \"HTTP/1.0 200 OK\\r\\n\\r\\nb-page\\n\";close $c}'");
        // Asked until it answers (the server in the container may take more than a second on a loaded machine).
        assertThat(b.run("for i in $(seq 30); do curl -s -m 5 http://127.0.0.1:8090/ && break; sleep 1; done").output())
                .contains("b-page");
        assertThat(a.run("curl -s -m 5 http://127.0.0.1:8090/").output()).doesNotContain("b-page");
        // From a container: the host's loopback through slirp (10.0.2.2) is off; the host's own address is
        // rejected by the uid firewall (slirp4netns runs as the learner).
        String hostIp = Sh.run(List.of("sh", "-c", "ip -4 -o route get 1.1.1.1 | sed -n 's/.* src \\([0-9.]*\\).*/\\1/p'")).output();
        long before = rejected();
        LearnerClient.Run r = a.run("docker run --rm " + DEBIAN + " bash -c 'timeout 5 bash -c \"exec 3<>/dev/tcp/10.0.2.2/" + port
                + "\" 2>/dev/null && echo LOOPBACK-OPEN; timeout 5 bash -c \"exec 3<>/dev/tcp/" + hostIp + "/" + port
                + "\" 2>/dev/null && echo HOST-OPEN; echo checked'");
        assertThat(r.output()).contains("checked").doesNotContain("LOOPBACK-OPEN", "HOST-OPEN");
        assertThat(rejected()).as("the host firewall rejected the learner's packets").isGreaterThan(before);
        // Nor does A's shell reach the host through its address.
        assertThat(a.run("curl -s -m 5 http://" + hostIp + ":" + port + "/ >/dev/null").exit()).isNotZero();
    }

    @Test
    @Order(8)
    void noTrafficOutside() throws Exception {
        long before = rejected();
        LearnerClient.Run r = a.run("docker run --rm " + DEBIAN + " bash -c 'timeout 10 getent hosts deb.debian.org && echo RESOLVED;"
                + " gw=$(ip route 2>/dev/null | sed -n \"s/default via \\([0-9.]*\\).*/\\1/p\"); echo checked'");
        assertThat(r.output()).contains("checked").doesNotContain("RESOLVED");
        assertThat(a.run("timeout 10 getent hosts deb.debian.org; echo rc=$?").output()).doesNotContain("RESOLVED").contains("rc=");
        assertThat(rejected()).as("the DNS attempt was stopped at the host's firewall").isGreaterThan(before);
    }

    private static long rejected() {
        String out = Sh.run(List.of("iptables", "-w", "5", "-L", HostRules.CHAIN, "-v", "-x", "-n")).output();
        return out.lines().filter(l -> l.contains("REJECT")).mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[0])).sum();
    }

    @Test
    @Order(9)
    void forkBombStaysInsideAsLimit() throws Exception {
        a.run("docker run -d --name bomb " + DEBIAN + " bash -c 'f(){ f | f & }; f; sleep 600' >/dev/null 2>&1; true",
                Duration.ofSeconds(90));
        long peak = 0;
        for (int i = 0; i < 20; i++) {
            peak = Math.max(peak, Cgroups.usage(la.user()).tasks());
            Thread.sleep(500);
        }
        assertThat(peak).as("A's tasks").isLessThanOrEqualTo(384);
        bStillWorks();
        classroom.sandboxes().reset(la);   // the quickest way back for A, and reset is tested on the way
        a.close();
        a.connect();
        assertThat(a.run("docker ps -aq | wc -l").output().strip()).isEqualTo("0");
    }

    @Test
    @Order(10)
    void memoryHogStaysInsideAsLimit() throws Exception {
        LearnerClient.Run r = a.run("docker run --rm " + DEBIAN + " perl -e '$x = \"x\" x (900*1024*1024); print \"ALLOCATED\\n\"'; echo rc=$?",
                Duration.ofSeconds(180));
        assertThat(r.output()).doesNotContain("ALLOCATED").contains("rc=137");
        bStillWorks();
    }

    @Test
    @Order(11)
    void diskFillerStaysInsideAsDisk() throws Exception {
        long hostFreeBefore = Files.getFileStore(Path.of("/var/lib")).getUsableSpace();
        LearnerClient.Run r = a.run("docker run --rm " + DEBIAN + " sh -c 'dd if=/dev/zero of=/fill bs=1M count=3000 2>/tmp/err;"
                + " echo rc=$?; grep -o \"No space left on device\" /tmp/err'",
                Duration.ofSeconds(240));
        assertThat(r.output()).contains("rc=1").contains("No space left on device");
        long hostFreeAfter = Files.getFileStore(Path.of("/var/lib")).getUsableSpace();
        assertThat(hostFreeBefore - hostFreeAfter).as("host disk used by A's filler").isLessThan(1L << 30);
        bStillWorks();
        assertThat(a.run("docker run --rm " + DEBIAN + " echo a-alive-again").output()).contains("a-alive-again");
    }

    @Test
    @Order(12)
    void removeLeavesNothingBehind() throws Exception {
        int seatA = la.seat;
        int seatB = lb.seat;
        a.close();
        b.close();
        assertThat(classroom.sandboxes().remove(la)).isEmpty();
        assertThat(classroom.sandboxes().remove(lb)).isEmpty();
        a = null;
        b = null;
        for (int seat : new int[] {seatA, seatB}) {
            assertThat(classroom.sandboxes().clean(seat)).as("seat %d: user, files, mounts, cgroups, processes", seat).isTrue();
            assertThat(Files.readString(Path.of("/etc/subuid"))).doesNotContain(seats().user(seat));
            assertThat(Files.readString(Path.of("/proc/self/mounts"))).doesNotContain(seats().home(seat).toString());
        }
    }
}
