package io.dockertutorial.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds processes by real uid in /proc: a learner's own uid or its subuid block (container users). */
final class ProcessScan {

    private ProcessScan() {
    }

    static List<Long> owned(int uid, long subidStart, long subidCount) {
        List<Long> out = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.toList()) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long real = realUid(dir);
                if (real == uid || (real >= subidStart && real < subidStart + subidCount)) {
                    out.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            // /proc unreadable: nothing found
        }
        return out;
    }

    private static long realUid(Path procDir) {
        try {
            for (String line : Files.readAllLines(procDir.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return -1;
    }
}
