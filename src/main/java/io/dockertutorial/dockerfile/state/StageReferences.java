package io.dockertutorial.dockerfile.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which earlier stages a reference names ({@code FROM}'s image, {@code COPY --from}, {@code RUN --mount from=}):
 * one by name (in any case) or by index, or, for a reference built from variables ({@code base-$TARGETOS}), every
 * stage whose name it can take. Reads the walk's stages as they are so far.
 */
final class StageReferences {

    private static final Pattern MOUNT_FROM = Pattern.compile("(?:^|,)from=([^,]+)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private final List<StageState> stages;
    private final Map<String, StageState> byName;

    /** @param byName the stages by lower-case name */
    StageReferences(List<StageState> stages, Map<String, StageState> byName) {
        this.stages = stages;
        this.byName = byName;
    }

    /** The stage a {@code --from} or {@code --mount from=} names, by name or index. */
    StageState named(String ref) {
        if (ref == null) {
            return null;
        }
        StageState s = byName.get(ref.toLowerCase(Locale.ROOT));
        if (s == null && ref.matches("\\d{1,6}") && Integer.parseInt(ref) < stages.size()) {
            s = stages.get(Integer.parseInt(ref));
        }
        return s;
    }

    /**
     * The stages of this file (so far), other than {@code current}, whose names a reference built from variables
     * can take: {@code base-$TARGETOS} or {@code app-${VARIANT:-slim}} with each variable read as any text.
     */
    List<StageState> shaped(String written, StageState current) {
        if (written == null || written.indexOf('$') < 0) {
            return List.of();
        }
        StringBuilder re = new StringBuilder();
        Matcher m = VARIABLE.matcher(written.toLowerCase(Locale.ROOT));
        int at = 0;
        String lower = written.toLowerCase(Locale.ROOT);
        while (m.find()) {
            re.append(com.google.re2j.Pattern.quote(lower.substring(at, m.start()))).append(".*");
            at = m.end();
        }
        re.append(com.google.re2j.Pattern.quote(lower.substring(at)));
        if (VARIABLE.matcher(lower).replaceAll("").isEmpty()) {
            return List.of(); // FROM ${BASE_IMAGE}: only its value says which, if any, stage it names
        }
        // RE2: one ".*" per variable, matched in linear time however many a hostile reference has.
        com.google.re2j.Pattern shape = com.google.re2j.Pattern.compile(re.toString(), com.google.re2j.Pattern.DOTALL);
        List<StageState> out = new ArrayList<>();
        for (StageState s : stages) {
            if (s.name != null && s != current && shape.matcher(s.name.toLowerCase(Locale.ROOT)).matches()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The stages a {@code RUN --mount=…,from=…} needs: the one it names, or those its shape can take. */
    List<StageState> mounted(String mount, StageState current) {
        if (mount == null) {
            return List.of();
        }
        Matcher from = MOUNT_FROM.matcher(mount);
        if (from.find() && byName.containsKey(from.group(1).toLowerCase(Locale.ROOT))) {
            return List.of(byName.get(from.group(1).toLowerCase(Locale.ROOT)));
        } else if (from.find(0)) {
            return shaped(from.group(1), current);
        }
        return List.of();
    }
}
