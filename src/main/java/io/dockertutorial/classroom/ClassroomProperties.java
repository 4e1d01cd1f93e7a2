package io.dockertutorial.classroom;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Classroom mode's settings ({@code classroom.*}, README "Classroom sandboxes"). Off unless {@code enabled};
 * then {@code teacherToken} and {@code classCode} are required: there is no default for either.
 *
 * @param enabled         turn classroom mode on (Linux, as root)
 * @param teacherToken    what the teacher types to open /classroom/teacher (at least 12 characters)
 * @param classCode       what learners type to join (at least 4 characters)
 * @param home            the folder {@code sandbox/host.sh} prepared (engine, base images, learners' homes)
 * @param maxLearners     seats; each seat has a fixed uid {@code uidBase + seat - 1} (at most 99)
 * @param uidBase         first learner uid (default 20001: learners are 20001..20099)
 * @param subidBase       start of the learners' subordinate uid/gid blocks, 65536 per seat
 * @param memory          memory cap per learner (cgroup), e.g. 768M
 * @param pids            task cap per learner (pids cgroup; RLIMIT_NPROC is twice this)
 * @param cpuPercent      CPU cap per learner in percent of one core (cfs quota)
 * @param disk            size of each learner's ext4 home image
 * @param idle            a sandbox nobody typed in for this long is removed
 * @param lifetime        a sandbox is removed this long after it was made, used or not
 * @param baseImages      root filesystem tarballs in {@code home/images} to import, as {@code FILE=TAG}
 */
@ConfigurationProperties("classroom")
public record ClassroomProperties(boolean enabled, String teacherToken, String classCode, Path home,
                                  Integer maxLearners, Integer uidBase, Long subidBase, String memory,
                                  Integer pids, Integer cpuPercent, String disk, Duration idle,
                                  Duration lifetime, List<String> baseImages) {

    public ClassroomProperties {
        home = home == null ? Path.of("/var/lib/docker-tutorial-sandbox") : home;
        maxLearners = maxLearners == null ? 30 : maxLearners;
        uidBase = uidBase == null ? 20001 : uidBase;
        subidBase = subidBase == null ? 1_200_000_000L : subidBase;
        memory = memory == null || memory.isBlank() ? "768M" : memory;
        pids = pids == null ? 512 : pids;
        cpuPercent = cpuPercent == null ? 50 : cpuPercent;
        disk = disk == null || disk.isBlank() ? "2G" : disk;
        idle = idle == null ? Duration.ofMinutes(45) : idle;
        lifetime = lifetime == null ? Duration.ofHours(4) : lifetime;
        baseImages = baseImages == null || baseImages.isEmpty()
                ? List.of("debian-trixie-slim.tar=debian:trixie-slim") : List.copyOf(baseImages);
    }

    /** What is wrong with the settings themselves, before the host is looked at; empty when nothing. */
    List<String> problems() {
        var out = new java.util.ArrayList<String>();
        if (teacherToken == null || teacherToken.strip().length() < 12) {
            out.add("classroom.teacher-token is missing or shorter than 12 characters (there is no default)");
        }
        if (classCode == null || classCode.strip().length() < 4) {
            out.add("classroom.class-code is missing or shorter than 4 characters (there is no default)");
        }
        if (maxLearners < 1 || maxLearners > 99) {
            out.add("classroom.max-learners must be 1 to 99");
        }
        if (uidBase < 1000 || uidBase + maxLearners > 60000) {
            out.add("classroom.uid-base must leave room for every seat between 1000 and 60000");
        }
        if (!memory.matches("[0-9]{1,6}[KMG]") || !disk.matches("[0-9]{1,6}[MG]")) {
            out.add("classroom.memory (e.g. 768M) or classroom.disk (e.g. 2G) is not a size");
        }
        if (pids < 64 || cpuPercent < 5 || cpuPercent > 400) {
            out.add("classroom.pids must be at least 64 and classroom.cpu-percent 5 to 400");
        }
        return out;
    }

    int lastUid() {
        return uidBase + maxLearners - 1;
    }

    long lastSubid() {
        return subidBase + (long) maxLearners * 65536 - 1;
    }

    static long bytes(String size) {
        long n = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (size.charAt(size.length() - 1)) {
            case 'K' -> n << 10;
            case 'M' -> n << 20;
            default -> n << 30;
        };
    }
}
