package io.dockertutorial.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A seat's Linux user (own uid and group, own 64k subuid/subgid block, no password, no login over the
 * network) and its 0700 home on an ext4 image file of a fixed size, so a disk filler hits the image's end
 * and not the host's.
 */
final class LearnerAccounts {

    private final Seats seats;
    private final ClassroomProperties props;

    LearnerAccounts(ClassroomProperties props) {
        this.props = props;
        this.seats = new Seats(props);
    }

    void create(int seat) throws IOException {
        String user = seats.user(seat);
        int uid = seats.uid(seat);
        long sub = seats.subid(seat);
        Path home = seats.home(seat);
        Sh.must(List.of("groupadd", "--gid", Integer.toString(uid), user));
        Sh.must(List.of("useradd", "--uid", Integer.toString(uid), "--gid", Integer.toString(uid),
                "--home-dir", home.toString(), "--no-create-home", "--shell", "/bin/bash",
                "-K", "SUB_UID_COUNT=0", "-K", "SUB_GID_COUNT=0", user));
        String block = sub + "-" + (sub + 65535);
        Sh.must(List.of("usermod", "--add-subuids", block, "--add-subgids", block, user));

        Path disk = seats.disk(seat);
        Files.createDirectories(disk.getParent());
        Files.deleteIfExists(disk);
        Sh.must(List.of("truncate", "-s", props.disk(), disk.toString()));
        Sh.must(List.of("mkfs.ext4", "-q", "-m", "0", "-E", "root_owner=" + uid + ":" + uid, disk.toString()));
        Files.createDirectories(home);
        Sh.must(List.of("mount", "-o", "loop,nodev", disk.toString(), home.toString()));
        Sh.must(List.of("chmod", "700", home.toString()));
        Files.deleteIfExists(home.resolve("lost+found"));

        Path runtime = seats.runtime(seat);
        Files.createDirectories(runtime.getParent());
        Sh.must(List.of("chmod", "755", runtime.getParent().toString(), home.getParent().toString()));
        Files.createDirectories(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path plugins = home.resolve(".docker/cli-plugins");
        Files.createDirectories(plugins);
        for (String plugin : List.of("docker-compose", "docker-buildx")) {
            Files.createSymbolicLink(plugins.resolve(plugin), props.home().resolve("engine/cli-plugins").resolve(plugin));
        }
        Files.writeString(home.resolve(".bashrc"), """
                # The classroom sandbox: your own Docker Engine, for you only.
                export DOCKER_HOST=unix://%s
                export XDG_RUNTIME_DIR=%s
                export PATH=%s
                PS1='\\u@sandbox:\\w\\$ '
                """.formatted(seats.socket(seat), runtime, seats.path()));
        Files.writeString(home.resolve(".profile"), "[ -f ~/.bashrc ] && . ~/.bashrc\n");
        Sh.must(List.of("chown", "-R", "-h", uid + ":" + uid, home.toString(), runtime.toString()));
        Sh.must(List.of("chmod", "700", runtime.toString()));
    }

    /** Removes the user, its subuid/subgid lines, home image and runtime folder; says what could not go. */
    List<String> delete(int seat) {
        List<String> left = new ArrayList<>();
        String user = seats.user(seat);
        Path home = seats.home(seat);
        if (mounted(home)) {
            if (!Sh.run(List.of("umount", home.toString()), 20).ok()) {
                Sh.run(List.of("umount", "-l", home.toString()), 20);
            }
        }
        if (Sh.run(List.of("id", "-u", user), 5).ok()) {
            var r = Sh.run(List.of("userdel", user), 30);
            if (!r.ok()) {
                left.add("userdel " + user + ": " + r.output());
            }
        }
        if (Sh.run(List.of("getent", "group", user), 5).ok()) {
            Sh.run(List.of("groupdel", user), 30);
        }
        for (Path p : List.of(home, seats.runtime(seat), seats.disk(seat))) {
            Sh.run(List.of("rm", "-rf", "--one-file-system", p.toString()), 60);
            if (Files.exists(p)) {
                left.add("could not remove " + p);
            }
        }
        if (mounted(home)) {
            left.add(home + " is still mounted");
        }
        return left;
    }

    static boolean mounted(Path dir) {
        try {
            String target = " " + dir.toString() + " ";
            return Files.readAllLines(Path.of("/proc/self/mounts")).stream().anyMatch(l -> l.contains(target));
        } catch (IOException e) {
            return false;
        }
    }

    /** True when anything of the seat is on the host: user, group, subuid line, home, mount or image. */
    boolean traces(int seat) {
        String user = seats.user(seat);
        return Sh.run(List.of("id", "-u", user), 5).ok() || Sh.run(List.of("getent", "group", user), 5).ok()
                || subidLine(user) || Files.exists(seats.home(seat)) || Files.exists(seats.disk(seat))
                || Files.exists(seats.runtime(seat));
    }

    private static boolean subidLine(String user) {
        for (String f : List.of("/etc/subuid", "/etc/subgid")) {
            try {
                if (Files.readAllLines(Path.of(f)).stream().anyMatch(l -> l.startsWith(user + ":"))) {
                    return true;
                }
            } catch (IOException ignored) {
                // no such file: no line
            }
        }
        return false;
    }
}
