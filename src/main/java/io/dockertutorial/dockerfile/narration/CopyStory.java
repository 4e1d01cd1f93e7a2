package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The explanation of COPY and ADD: what goes where, from the context, a stage, an image or a URL. */
final class CopyStory {

    private CopyStory() {
    }

    static void tell(Narrator n, Step step, List<String> out) {
        Instruction e = step.effective();
        List<String> words = step.expanded;
        if (words.isEmpty()) {
            return;
        }
        String dest = display(step, words.get(words.size() - 1));
        if (!e.heredocs().isEmpty()) {
            List<String> sources = new ArrayList<>(e.heredocs().stream().map(h -> "the here-document " + h.name()).toList());
            words.subList(0, words.size() - 1).stream().filter(s -> !s.startsWith("<<")).forEach(sources::add);
            n.say(out, step, "copy", Map.of("sources", String.join(", ", sources), "destination", dest));
            return;
        }
        if (words.size() < 2) {
            return;
        }
        List<String> sources = words.subList(0, words.size() - 1);
        String rawDest = words.get(words.size() - 1);
        if (sources.size() == 1 && sources.get(0).equals(".") && (rawDest.equals(".") || rawDest.equals("./"))) {
            n.say(out, step, "dot_dot", Map.of());
        } else {
            n.say(out, step, "copy", Map.of("sources", String.join(", ", sources), "destination", dest));
        }
        String from = e.flag("from");
        if (from != null) {
            StageState s = step.copyFromStage;
            if (s != null) {
                n.say(out, step, "from_stage", Map.of("stage", from, "line", s.from.startLine()));
            } else {
                n.say(out, step, "from_image", Map.of("stage", from));
            }
        }
        if (e.is("ADD")) {
            for (String s : sources) {
                if (s.matches("(?i)^https?://.*")) {
                    n.say(out, step, "url", Map.of("source", s));
                }
            }
        }
    }

    private static String display(Step step, String dest) {
        if (dest.isEmpty()) {
            return "\"\" (an empty path, which means the working directory)";
        }
        String workdir = step.before == null ? null : step.before.workdir();
        if ((dest.equals(".") || dest.equals("./")) && workdir != null) {
            return dest + " (the working directory, " + workdir + ")";
        }
        return dest;
    }
}
