package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.state.ImageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.ImageRef;

import java.util.List;
import java.util.Map;

/** The explanation of FROM: the base image or stage, its tag or digest, the variant. */
final class FromStory {

    private FromStory() {
    }

    static void tell(Narrator n, Step step, List<String> out) {
        String written = step.instruction.arguments().get(0);
        if (written.indexOf('$') >= 0) {
            n.say(out, step, "variables", Map.of("vars", String.join(", ", step.used)));
        }
        if (step.stage.name != null) {
            n.say(out, step, "stage", Map.of("stage", step.stage.name));
        }
        if (written.indexOf('$') >= 0) {
            // FROM build-$TARGETOS: with the arguments filled in it may name a stage of this file (the same
            // candidates the stage graph of UnusedStage follows).
            List<String> matching = step.fromCandidates.stream().map(s -> s.name).toList();
            if (matching.size() > 1 || !matching.isEmpty() && step.parentStage == null) {
                n.say(out, step, "variables_stage", Map.of("stages", String.join(", ", matching)));
                return;
            }
        }
        if (step.parentStage != null) {
            n.say(out, step, "from_stage", Map.of("stage", step.parentStage.label(), "line", step.parentStage.from.startLine()));
            return;
        }
        String image = step.image;
        if (image.equals("scratch")) {
            n.say(out, step, "scratch", Map.of());
            return;
        }
        ImageRef ref = ImageRef.parse(image);
        n.say(out, step, "image", Map.of("image", ref.repository()));
        if (ref.digest() != null) {
            n.say(out, step, "digest", Map.of("digest", ref.digest()));
        } else if (ref.tag() == null && written.indexOf('$') < 0) {
            n.say(out, step, "no_tag", Map.of());
        } else if (ref.tag() != null) {
            n.say(out, step, "tag", Map.of("tag", ref.tag()));
        }
        if (ref.tag() != null) {
            // The variants we can explain are the variant_* entries of instructions.yml (alpine3.22 is alpine).
            for (String part : ref.tag().split("-")) {
                n.say(out, step, "variant_" + part.replaceFirst("^(alpine)[0-9.]*$", "$1"), Map.of());
            }
        }
        if (!step.stage.baseKnown) {
            n.say(out, step, "unknown_base", Map.of("image", ref.repository()));
        } else if (step.after != null) {
            ImageState s = step.after.toImageState();
            String runs = s.runs() == null || s.runs().isEmpty() ? "nothing (no command)" : String.join(" ", s.runs());
            n.say(out, step, "known_base", Map.of("image", ref.repository(), "user", s.user(), "workdir", s.workdir(),
                    "runs", runs));
        }
    }
}
