package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.ImageRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LatestTag (hadolint DL3006/DL3007) and EndOfLifeImage: about the base image a stage starts from.
 * Neither fires for a stage of this file, nor where the name is built from variables (it may name a
 * stage, e.g. {@code FROM build-$TARGETOS}).
 */
final class BaseImageRules implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        if (!step.is("FROM") || step.parentStage != null || step.image == null) {
            return;
        }
        String written = step.instruction.arguments().get(0);
        String image = step.image;
        if (written.indexOf('$') >= 0 || image.equals("scratch") || image.isEmpty()) {
            return;
        }
        ImageRef ref = ImageRef.parse(image);
        Catalog catalog = lint.catalog();
        boolean local = !ref.repository().contains("/") && catalog.baseImages().lookup(image) == null
                && catalog.exampleTag(ref.shortName()).contains("<version>");
        if (ref.digest() == null && (ref.tag() == null || ref.tag().equals("latest")) && !local) {
            lint.warn(step, "LatestTag", Map.of("image", image,
                    "what", ref.tag() == null ? "no tag (Docker takes latest)" : "the tag latest",
                    "example", catalog.exampleTag(ref.shortName())));
        }
        if (ref.tag() == null) {
            return;
        }
        String version = ref.tag().split("-", -1)[0];
        for (String candidate : candidates(version)) {
            Map<String, String> eol = catalog.endOfLife(ref.shortName(), candidate);
            if (eol != null) {
                lint.warn(step, "EndOfLifeImage", Map.of("what", ref.shortName() + " " + candidate,
                        "date", eol.get("date"), "suggestion", eol.get("suggestion")));
                return;
            }
        }
        for (String part : ref.tag().split("-")) {
            String os = part.replaceFirst("^(alpine)([0-9]+\\.[0-9]+).*", "$1 $2");
            Map<String, String> eol = os.startsWith("alpine ")
                    ? catalog.endOfLife("alpine", os.substring(7)) : catalog.endOfLifeCodename(part);
            if (eol != null) {
                String what = eol.containsKey("name") ? eol.get("name") + ", the system under this image,"
                        : "Alpine " + os.substring(7) + ", the system under this image,";
                lint.warn(step, "EndOfLifeImage", Map.of("what", what, "date", eol.get("date"),
                        "suggestion", eol.get("suggestion")));
                return;
            }
        }
    }

    private static List<String> candidates(String version) {
        List<String> out = new ArrayList<>();
        out.add(version);
        String[] parts = version.split("\\.", -1);
        if (parts.length >= 2) {
            out.add(parts[0] + "." + parts[1]);
        }
        out.add(parts[0]);
        return out;
    }
}
