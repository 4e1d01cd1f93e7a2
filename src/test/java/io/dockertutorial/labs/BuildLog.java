package io.dockertutorial.labs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of a BuildKit build as {@code docker build --progress=plain} reports them, and which of
 * them came from the build cache. For checks that compare what rebuilds with what the course (or
 * the cache simulator) says.
 */
final class BuildLog {

    /** {@code #7 [3/5] COPY app.py .} or {@code #9 [build 2/4] RUN go build}. */
    private static final Pattern STEP = Pattern.compile("^#(\\d+) \\[(?:(\\S+) )?(\\d+)/(\\d+)] (.+)$");
    private static final Pattern CACHED = Pattern.compile("^#(\\d+) CACHED$");

    /**
     * @param stage the stage's name as BuildKit prints it ({@code null} for a single-stage build,
     *              {@code stage-1} for an unnamed later stage)
     * @param index the step's position in its stage (1 is the FROM)
     */
    record Step(String stage, int index, int total, String instruction, boolean cached) {
    }

    static List<Step> steps(String plainOutput) {
        Map<String, String[]> found = new LinkedHashMap<>();
        List<String> cached = new ArrayList<>();
        for (String line : plainOutput.split("\n")) {
            Matcher step = STEP.matcher(line.strip());
            if (step.matches()) {
                found.putIfAbsent(step.group(1), new String[] {step.group(2), step.group(3), step.group(4), step.group(5)});
                continue;
            }
            Matcher hit = CACHED.matcher(line.strip());
            if (hit.matches()) {
                cached.add(hit.group(1));
            }
        }
        List<Step> steps = new ArrayList<>();
        found.forEach((id, s) -> steps.add(new Step(s[0], Integer.parseInt(s[1]), Integer.parseInt(s[2]), s[3],
                cached.contains(id))));
        return steps;
    }

    /** The instructions (as BuildKit prints them) that were not taken from the cache, FROM steps excluded. */
    static List<String> rebuilt(String plainOutput) {
        return steps(plainOutput).stream().filter(s -> !s.cached() && !s.instruction().startsWith("FROM "))
                .map(Step::instruction).toList();
    }

    static List<String> cached(String plainOutput) {
        return steps(plainOutput).stream().filter(s -> s.cached() && !s.instruction().startsWith("FROM "))
                .map(Step::instruction).toList();
    }
}
