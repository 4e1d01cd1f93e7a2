package io.dockertutorial.classroom;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines that run things as a learner, and the learner's rootless Docker Engine. Every
 * learner process starts the same way: join the learner's cgroups, cap its processes (RLIMIT_NPROC, set
 * by root so it cannot be raised), get a private mount namespace whose /proc is mounted hidepid=invisible
 * (other users' processes do not exist there), then drop to the learner's uid with a clean environment.
 */
final class LearnerProcesses {

    /** Joins each cgroup.procs file given before the "--", then runs the rest. */
    private static final String JOIN = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 111; shift; done; shift; exec \"$@\"";
    private static final String HIDEPID = "mount -t proc -o hidepid=invisible,nosuid,nodev,noexec proc /proc"
            + " && cd \"$0\" && exec \"$@\"";
    /** The engine also needs /dev/net/tun (slirp4netns' tap device): a private 0666 node, the host's stays as it is. */
    private static final String HIDEPID_TUN = "mount -t tmpfs -o mode=755,size=16k tmpfs /dev/net"
            + " && mknod -m 666 /dev/net/tun c 10 200 && " + HIDEPID;

    private final Seats seats;
    private final ClassroomProperties props;

    LearnerProcesses(ClassroomProperties props) {
        this.props = props;
        this.seats = new Seats(props);
    }

    /** The prefix that turns a command into "this command as the learner, inside the learner's limits". */
    List<String> asLearner(int seat, List<Path> cgroupProcs, List<String> env) {
        return asLearner(seat, cgroupProcs, env, false);
    }

    private List<String> asLearner(int seat, List<Path> cgroupProcs, List<String> env, boolean tun) {
        int uid = seats.uid(seat);
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", JOIN, "join"));
        cgroupProcs.forEach(p -> cmd.add(p.toString()));
        cmd.add("--");
        int nproc = props.pids() * 2;
        cmd.addAll(List.of("prlimit", "--nproc=" + nproc + ":" + nproc, "--",
                "unshare", "--mount", "--propagation", "private", "--",
                "sh", "-c", tun ? HIDEPID_TUN : HIDEPID, seats.home(seat).toString(),
                "setpriv", "--reuid=" + uid, "--regid=" + uid, "--init-groups", "--reset-env", "--",
                "env", "HOME=" + seats.home(seat), "USER=" + seats.user(seat), "LOGNAME=" + seats.user(seat),
                "SHELL=/bin/bash", "LANG=C.UTF-8", "PATH=" + seats.path(),
                "XDG_RUNTIME_DIR=" + seats.runtime(seat), "DOCKER_HOST=unix://" + seats.socket(seat)));
        cmd.addAll(env);
        return cmd;
    }

    /** Starts the learner's rootless dockerd (rootlesskit + slirp4netns, own user, mount, network, pid namespaces). */
    Process startDaemon(int seat, List<Path> cgroupProcs) throws IOException {
        List<String> cmd = asLearner(seat, cgroupProcs, List.of(
                "DOCKERD_ROOTLESS_ROOTLESSKIT_NET=slirp4netns",
                // No port is bound on the host: published ports exist only in the learner's network namespace,
                // where the learner's shell runs too. No squatting, no LAN exposure, no port clashes.
                "DOCKERD_ROOTLESS_ROOTLESSKIT_PORT_DRIVER=none",
                "DOCKERD_ROOTLESS_ROOTLESSKIT_DISABLE_HOST_LOOPBACK=true",
                "DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS=--pidns"), true);
        cmd.addAll(List.of("nice", "-n", "5", seats.bin().resolve("dockerd-rootless.sh").toString()));
        Path log = seats.log(seat);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
    }

    /** The learner's login shell, in the network namespace of the learner's engine (for the PTY). */
    List<String> shell(int seat, long netnsPid, List<Path> cgroupProcs) {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/proc/" + netnsPid + "/ns/net", "--"));
        cmd.addAll(asLearner(seat, cgroupProcs, List.of("TERM=xterm-256color")));
        cmd.addAll(List.of("bash", "--login"));
        return cmd;
    }

    /** Waits until the learner's engine answers {@code /_ping}. */
    boolean waitReady(int seat, Process daemon, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!daemon.isAlive()) {
                return false;
            }
            if (ping(seats.socket(seat))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static boolean ping(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(2048);
            while (ch.read(buf) > 0 && buf.hasRemaining()) {
                // read until the daemon closes (HTTP/1.0)
            }
            String answer = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            return answer.startsWith("HTTP/1.") && answer.contains(" 200 ") && answer.endsWith("OK");
        } catch (IOException e) {
            return false;
        }
    }

    /** The rootlesskit child: the process of this daemon that lives in the learner's own network namespace. */
    static long netnsPid(long rootlesskitPid) {
        String hostNet = link(Path.of("/proc/self/ns/net"));
        for (long child : children(rootlesskitPid)) {
            String net = link(Path.of("/proc/" + child + "/ns/net"));
            String user = link(Path.of("/proc/" + child + "/ns/user"));
            if (net != null && !net.equals(hostNet) && user != null && !user.equals(link(Path.of("/proc/self/ns/user")))) {
                return child;
            }
        }
        return -1;
    }

    static List<Long> children(long pid) {
        List<Long> out = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                for (String s : Files.readString(task.resolve("children")).trim().split("\\s+")) {
                    if (!s.isEmpty()) {
                        out.add(Long.parseLong(s));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return out;
    }

    private static String link(Path p) {
        try {
            return Files.readSymbolicLink(p).toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** Imports the base images (root filesystem tarballs) and loads saved images into the learner's engine. */
    List<String> preload(int seat) {
        List<String> problems = new ArrayList<>();
        String host = "unix://" + seats.socket(seat);
        String docker = seats.bin().resolve("docker").toString();
        for (String entry : props.baseImages()) {
            String[] fileTag = entry.split("=", 2);
            Path tar = seats.images().resolve(fileTag[0]);
            if (!Files.isRegularFile(tar) || fileTag.length < 2) {
                problems.add("base image " + tar + " is missing");
                continue;
            }
            var r = Sh.run(List.of(docker, "-H", host, "import",
                    "--change", "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "--change", "CMD [\"bash\"]", tar.toString(), fileTag[1]), 180);
            if (!r.ok()) {
                problems.add("import " + fileTag[1] + ": " + r.output());
            }
        }
        try (var saved = Files.list(seats.images())) {
            for (Path p : saved.filter(f -> f.getFileName().toString().endsWith(".image.tar")).sorted().toList()) {
                var r = Sh.run(List.of(docker, "-H", host, "load", "-q", "-i", p.toString()), 300);
                if (!r.ok()) {
                    problems.add("load " + p.getFileName() + ": " + r.output());
                }
            }
        } catch (IOException e) {
            problems.add("cannot list " + seats.images());
        }
        return problems;
    }
}
