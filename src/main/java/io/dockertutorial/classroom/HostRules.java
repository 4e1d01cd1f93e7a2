package io.dockertutorial.classroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The host rules classroom mode needs (from the feasibility study): it applies them at start, then checks
 * each one for real, and keeps classroom mode off with the list of what is missing when any check fails.
 * Sysctls it changed are put back at {@link #restore()}.
 */
final class HostRules {

    private static final Logger log = LoggerFactory.getLogger(HostRules.class);
    static final String CHAIN = "DTSBX-OUT";
    private static final List<String> TOOLS = List.of("newuidmap", "newgidmap", "slirp4netns", "rootlesskit",
            "iptables", "ip6tables", "nsenter", "unshare", "setpriv", "prlimit", "mkfs.ext4", "useradd",
            "userdel", "usermod", "mount", "umount");

    private final ClassroomProperties props;
    private final Host host;
    private final Map<String, String> changedSysctls = new LinkedHashMap<>();

    /** What the rules read and change on the machine; tests give a fake one to play an unsafe host. */
    interface Host {
        String os();
        boolean root();
        boolean hasTool(String name);
        String sysctl(String key);               // null when the kernel has no such setting
        void setSysctl(String key, String value) throws IOException;
        List<String> cgroupProblems();
        boolean hidepidWorks();
        List<String> applyFirewall(ClassroomProperties props);
        boolean learnerBlockedFromLoopback(int uid);
        boolean engineReady(Path home);
    }

    HostRules(ClassroomProperties props, Host host) {
        this.props = props;
        this.host = host;
    }

    /** Applies what it may and returns every reason classroom mode must stay off (empty: safe to start). */
    List<String> applyAndCheck() {
        List<String> problems = new ArrayList<>(props.problems());
        if (!host.os().toLowerCase().contains("linux")) {
            problems.add("classroom mode needs Linux (this is " + host.os() + ")");
            return problems;
        }
        if (!host.root()) {
            problems.add("classroom mode must be started as root (it creates users, cgroups and firewall rules)");
            return problems;
        }
        for (String tool : TOOLS) {
            if (!host.hasTool(tool)) {
                problems.add("missing command " + tool + " (run sandbox/host.sh)");
            }
        }
        if (!host.engineReady(props.home())) {
            problems.add("no rootless Docker Engine or base image in " + props.home() + " (run sandbox/host.sh)");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        String userns = host.sysctl("user.max_user_namespaces");
        if (userns == null || userns.equals("0")) {
            problems.add("user namespaces are off (user.max_user_namespaces = " + userns + ")");
        }
        if ("1".equals(host.sysctl("kernel.apparmor_restrict_unprivileged_userns"))) {
            problems.add("AppArmor forbids unprivileged user namespaces "
                    + "(kernel.apparmor_restrict_unprivileged_userns = 1); rootlesskit needs them");
        }
        long pidMaxNeeded = 32768L + (long) props.maxLearners() * props.pids() * 2;
        raise("kernel.pid_max", pidMaxNeeded, problems);
        turnOff("dev.tty.legacy_tiocsti", problems);
        problems.addAll(host.cgroupProblems());
        if (!host.hidepidWorks()) {
            problems.add("cannot mount /proc with hidepid=invisible in a private mount namespace");
        }
        List<String> firewall = host.applyFirewall(props);
        problems.addAll(firewall);
        if (firewall.isEmpty() && !host.learnerBlockedFromLoopback(props.lastUid())) {
            problems.add("the firewall rule did not hold: a learner uid reached a 127.0.0.1 port");
        }
        return problems;
    }

    private void raise(String key, long atLeast, List<String> problems) {
        String now = host.sysctl(key);
        try {
            if (now != null && Long.parseLong(now.strip()) < atLeast) {
                host.setSysctl(key, Long.toString(atLeast));
                changedSysctls.putIfAbsent(key, now.strip());
                now = host.sysctl(key);
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("could not set {}: {}", key, e.getMessage());
        }
        if (now == null || Long.parseLong(now.strip()) < atLeast) {
            problems.add(key + " is " + now + "; " + props.maxLearners() + " learners need at least " + atLeast);
        }
    }

    private void turnOff(String key, List<String> problems) {
        String now = host.sysctl(key);
        if (now == null) {
            problems.add(key + " does not exist (Linux before 6.2): TIOCSTI cannot be turned off");
            return;
        }
        try {
            if (!now.strip().equals("0")) {
                host.setSysctl(key, "0");
                changedSysctls.putIfAbsent(key, now.strip());
            }
        } catch (IOException e) {
            log.warn("could not set {}: {}", key, e.getMessage());
        }
        if (!"0".equals(String.valueOf(host.sysctl(key)).strip())) {
            problems.add(key + " is " + host.sysctl(key) + " and could not be set to 0 (TIOCSTI must be off)");
        }
    }

    /** Puts back the sysctls classroom mode changed. */
    void restore() {
        changedSysctls.forEach((key, value) -> {
            try {
                host.setSysctl(key, value);
            } catch (IOException e) {
                log.warn("could not restore {} to {}: {}", key, value, e.getMessage());
            }
        });
        changedSysctls.clear();
    }

    /** The real machine. */
    static final class RealHost implements Host {
        private final Firewall firewall = new Firewall();

        @Override
        public String os() {
            return System.getProperty("os.name");
        }

        @Override
        public boolean root() {
            return Sh.run(List.of("id", "-u"), 5).output().equals("0");
        }

        @Override
        public boolean hasTool(String name) {
            return Sh.run(List.of("sh", "-c", "command -v \"$0\" || [ -x /usr/sbin/\"$0\" ]", name), 5).ok();
        }

        @Override
        public String sysctl(String key) {
            // One read from offset 0: sysctl files answer nothing to a read at a later offset.
            try (var in = Files.newInputStream(Path.of("/proc/sys", key.split("\\.")))) {
                byte[] buf = new byte[4096];
                int n = in.read(buf);
                return n < 0 ? "" : new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public void setSysctl(String key, String value) throws IOException {
            Files.writeString(Path.of("/proc/sys", key.split("\\.")), value);
        }

        @Override
        public List<String> cgroupProblems() {
            return Cgroups.problems();
        }

        @Override
        public boolean hidepidWorks() {
            return Sh.run(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                    "mount -t proc -o hidepid=invisible proc /proc && grep -q 'hidepid=invisible' /proc/self/mounts"),
                    10).ok();
        }

        @Override
        public List<String> applyFirewall(ClassroomProperties props) {
            return firewall.apply(props);
        }

        @Override
        public boolean learnerBlockedFromLoopback(int uid) {
            // A real connection attempt as a learner uid to a port that is listening (ours, just opened).
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                var r = Sh.run(List.of("setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                        "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + probe.getLocalPort()), 10);
                return !r.ok();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public boolean engineReady(Path home) {
            return Files.isExecutable(home.resolve("engine/bin/dockerd"))
                    && Files.isExecutable(home.resolve("engine/bin/dockerd-rootless.sh"))
                    && Files.isExecutable(home.resolve("engine/bin/docker"))
                    && Files.isDirectory(home.resolve("images"));
        }
    }
}
