package io.dockertutorial.dockerfile.state;

import io.dockertutorial.dockerfile.syntax.Instruction;

import java.util.List;

/** What COPY and ADD do to the build state: the stage they copy from and the files that now exist. */
final class CopyEffects {

    private CopyEffects() {
    }

    static void apply(BuildWalk walk, Step step) {
        Instruction e = step.effective();
        for (String arg : e.arguments()) {
            step.expanded.add(step.immediate() ? walk.expand(step, arg) : arg);
        }
        if (step.immediate()) {
            for (String flag : List.of("chown", "chmod", "from")) {
                String v = e.flag(flag);
                if (v != null) {
                    walk.expand(step, v);
                }
            }
        }
        StageState stage = walk.stage();
        String from = e.flag("from");
        step.copyFromStage = walk.stageReferences.named(from);
        if (stage == null || !step.immediate()) {
            return;
        }
        if (step.copyFromStage != null) {
            stage.needs.add(step.copyFromStage);
        } else {
            stage.needs.addAll(walk.stageReferences.shaped(from, stage));
        }
        List<String> words = step.expanded;
        String origin = e.keyword() + " on line " + step.line();
        if (!e.heredocs().isEmpty()) {
            if (!words.isEmpty()) {
                RunEffects.add(stage, words.get(words.size() - 1), origin);
            }
            return;
        }
        if (words.size() < 2) {
            return;
        }
        for (String src : words.subList(0, words.size() - 1)) {
            if (from == null && (src.equals(".") || src.equals("./") || src.equals("*") || src.equals("./*"))) {
                if (!stage.copiedAll) {
                    stage.copyAllLine = step.line();
                }
                stage.copiedAll = true;
            } else {
                RunEffects.add(stage, src, origin);
                if (from == null && !stage.copiedAll) {
                    stage.targetedCopy = true;
                }
            }
        }
        String dest = words.get(words.size() - 1);
        if (!dest.endsWith("/") && words.size() == 2) {
            RunEffects.add(stage, dest, origin);
        }
    }
}
