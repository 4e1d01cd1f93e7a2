package io.dockertutorial.cache;

import io.dockertutorial.cache.CacheSimulator.UnknownTargetException;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;
import io.dockertutorial.dockerfile.syntax.ShellLex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stages of a build as the cache sees them: where each FROM starts one, its base (an earlier stage
 * or an image), the global ARGs and which of them changed, and which stages the target needs (through
 * FROM, {@code COPY --from}, {@code RUN --mount from=}). Words are expanded as BuildKit does.
 */
final class CacheStages {

    final List<Instruction> globals = new ArrayList<>();
    final List<Stage> stages = new ArrayList<>();
    final Map<String, String> globalValues = new HashMap<>();
    final Set<String> globalChanged = new LinkedHashSet<>();
    final Set<String> changedArgs = new TreeSet<>();
    private final ParsedDockerfile parsed;
    private final ShellLex lex;

    CacheStages(ParsedDockerfile parsed, Collection<String> changedArgs) {
        this.parsed = parsed;
        this.lex = new ShellLex(parsed.directives().escape());
        changedArgs.forEach(a -> this.changedArgs.add(a.strip()));
        split();
    }

    /** One stage: its FROM, body and base, and what the evaluation learns about it. */
    static final class Stage {
        final int index;
        final Instruction from;
        final List<Instruction> body = new ArrayList<>();
        String name;
        String image;
        Set<String> imageVars = Set.of();
        Stage base;
        boolean needed;
        boolean evaluating;
        boolean done;
        /** The first line in this stage's chain that missed the cache, or 0 when it all came from the cache. */
        int firstMiss;
        /** Variables (ARG and ENV) whose value differs from the last build, with the line that set them. */
        Map<String, Integer> changedVars = new LinkedHashMap<>();
        Map<String, String> values = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();

        Stage(int index, Instruction from) {
            this.index = index;
            this.from = from;
        }

        String label() {
            return name != null ? name : String.valueOf(index);
        }
    }

    private void split() {
        Stage current = null;
        for (Instruction i : parsed.instructions()) {
            if (i.is("FROM")) {
                current = new Stage(stages.size(), i);
                stages.add(current);
            } else if (current == null) {
                if (i.is("ARG")) {
                    globals.add(i);
                }
            } else {
                current.body.add(i);
            }
        }
    }

    /** Declares a global ARG; returns the first name whose value differs from the last build, or {@code null}. */
    String declareGlobal(Instruction arg) {
        boolean anyChanged = false;
        String first = null;
        for (String word : arg.arguments()) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            boolean changed = changedArgs.contains(name);
            if (eq >= 0) {
                Expanded v = expand(word.substring(eq + 1), globalValues);
                globalValues.put(name, v.value());
                changed |= intersects(v.used(), globalChanged);
            }
            if (changed) {
                globalChanged.add(name);
                anyChanged = true;
                first = first == null ? name : first;
            } else {
                globalChanged.remove(name);
            }
        }
        return anyChanged ? first : null;
    }

    void resolveBase(Stage s) {
        List<String> args = s.from.arguments();
        if (args.size() >= 3 && args.get(1).equalsIgnoreCase("AS")) {
            s.name = args.get(2).toLowerCase(Locale.ROOT);
        }
        Expanded image = expand(args.isEmpty() ? "" : args.get(0), globalValues);
        s.image = image.value();
        s.imageVars = image.used();
        for (Stage earlier : stages) {
            if (earlier.index < s.index && earlier.name != null
                    && earlier.name.equals(s.image.toLowerCase(Locale.ROOT))) {
                s.base = earlier;
            }
        }
    }

    /** The stage {@code --target} names, the last stage when none is named, or {@code null} without stages. */
    Stage target(String wanted) throws UnknownTargetException {
        if (stages.isEmpty()) {
            return null;
        }
        if (wanted == null || wanted.isBlank()) {
            return stages.get(stages.size() - 1);
        }
        Stage found = stageByName(wanted.strip(), stages.size());
        if (found == null) {
            throw new UnknownTargetException(wanted.strip());
        }
        return found;
    }


    /** A stage by name, or by index as {@code COPY --from=0} allows, among the stages before {@code before}. */
    Stage stageByName(String ref, int before) {
        String lower = ref.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (s.index < before && s.name != null && s.name.equals(lower)) {
                return s;
            }
        }
        if (lower.matches("\\d{1,6}")) {
            int index = Integer.parseInt(lower);
            if (index < before) {
                return stages.get(index);
            }
        }
        return null;
    }

    void markNeeded(Stage s) {
        if (s.needed) {
            return;
        }
        s.needed = true;
        if (s.base != null) {
            markNeeded(s.base);
        }
        for (Instruction i : s.body) {
            for (String ref : stageRefs(i)) {
                Stage dep = stageByName(ref, s.index);
                if (dep != null) {
                    markNeeded(dep);
                }
            }
        }
    }


    /** The {@code --from} values of a COPY/ADD and of a RUN's mounts, as written (build arguments expanded). */
    private List<String> stageRefs(Instruction i) {
        List<String> refs = new ArrayList<>();
        if (i.is("COPY") || i.is("ADD")) {
            String from = i.flag("from");
            if (from != null && !from.isEmpty()) {
                refs.add(expand(from, globalValues).value());
            }
        } else if (i.is("RUN")) {
            for (Mount m : Mount.of(i)) {
                if (m.from() != null) {
                    refs.add(m.from());
                }
            }
        }
        return refs;
    }


    record Expanded(String value, Set<String> used) {
    }

    Expanded expand(String word, Map<String, String> values) {
        try {
            ShellLex.Expansion e = lex.processWord(word, values::get);
            return new Expanded(e.value(), e.used());
        } catch (ShellLex.ShellSyntaxException e) {
            return new Expanded(word, Set.of());
        }
    }

    static boolean intersects(Set<String> a, Set<String> b) {
        return first(a, b) != null;
    }

    static String first(Collection<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return x;
            }
        }
        return null;
    }
}
