package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.budget.Deadline;

import io.dockertutorial.dockerfile.checks.Catalog;
import io.dockertutorial.dockerfile.checks.Findings;
import io.dockertutorial.dockerfile.checks.Lint;
import io.dockertutorial.dockerfile.checks.LintOptions;
import io.dockertutorial.dockerfile.checks.Rules;
import io.dockertutorial.dockerfile.narration.Analysis.Explained;
import io.dockertutorial.dockerfile.narration.Analysis.FlagNote;
import io.dockertutorial.dockerfile.state.BuildWalk;
import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.StateChange;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.DockerfileParser;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Explains and lints a Dockerfile: parses it, walks it once computing the build state before and
 * after every instruction ({@link BuildWalk}), runs the lint rules over that walk ({@link Rules}) and
 * lets the {@link Narrator} write what each instruction does. Plain Java; thread-safe; linear in the
 * size of the file.
 */
public final class Explainer {

    private final DockerfileParser parser = new DockerfileParser();
    private final Catalog catalog;

    public Explainer() {
        this(Catalog.get());
    }

    public Explainer(Catalog catalog) {
        this.catalog = catalog;
    }

    public Analysis explain(String text) {
        return explain(text, LintOptions.DEFAULTS);
    }

    /** Explains and lints; the file's own {@code # check=} directive applies unless {@code options} give one. */
    public Analysis explain(String text, LintOptions options) {
        ParsedDockerfile parsed = parser.parse(text);
        String directive = parsed.directives().check();
        LintOptions effective = options.checkGiven() || directive == null ? options : options.withCheck(directive);
        Findings findings = new Findings(catalog, effective);
        BuildWalk walk = new BuildWalk(parsed, effective.buildArgs(), findings, catalog.baseImages()).walk();
        Rules.run(new Lint(walk, findings));
        return result(walk, findings);
    }

    private Analysis result(BuildWalk walk, Findings findings) {
        Narrator narrator = new Narrator(catalog, CommandCatalog.get(), walk);
        List<Explained> explained = new ArrayList<>();
        for (Step step : walk.steps) {
            Deadline.check();
            Instruction i = step.instruction;
            Catalog.InstructionDoc doc = catalog.instruction(i.keyword());
            List<String> said = new ArrayList<>(narrator.sentences(step));
            if (i.is("ONBUILD")) {
                said.add(0, catalog.phrase("onbuild_note", Map.of()));
            }
            String comment = i.comments().isEmpty() ? null : String.join("\n", i.comments());
            StageState stage = i.isKnown() ? step.stage : null;
            explained.add(new Explained(i, stage == null ? null : stage.name, stage == null ? -1 : stage.index,
                    doc == null ? "Not a Dockerfile instruction." : doc.summary(), String.join(" ", said),
                    flagNotes(i), narrator.commandNotes(step), comment, findings.warningsOf(i), findings.errorsOf(i),
                    doc == null ? Catalog.REFERENCE : doc.docsUrl(),
                    stage == null || step.after == null ? null : step.after.toImageState(), StateChange.of(step)));
        }
        return new Analysis(walk.parsed, List.copyOf(explained), findings.warnings(), findings.errors());
    }

    /** What this --mount value does: by its type (bind unless given), target, id, source and stage. */
    private String mount(String value) {
        Map<String, String> o = new java.util.HashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            o.put((eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(Locale.ROOT), eq < 0 ? "true" : part.substring(eq + 1).trim());
        }
        String type = o.getOrDefault("type", "bind").toLowerCase(Locale.ROOT);
        String target = o.getOrDefault("target", o.getOrDefault("dst", o.getOrDefault("destination", null)));
        String id = o.get("id");
        Map<String, String> values = new java.util.HashMap<>();
        switch (type) {
            case "cache" -> {
                values.put("target", target == null ? "the target folder" : target);
                values.put("id", id == null ? " (here the target path)" : " " + id);
            }
            case "secret" -> {
                String sid = id != null ? id : target != null ? target.substring(target.lastIndexOf('/') + 1) : "the secret";
                values.put("id", sid);
                values.put("id_plain", sid);
                values.put("target", target != null ? target : o.containsKey("env") ? "(the variable " + o.get("env") + ")" : "/run/secrets/" + sid);
            }
            case "ssh" -> values.put("target", target != null ? target : "/run/buildkit/ssh_agent.0");
            case "bind" -> {
                values.put("target", target == null ? "the target" : target);
                values.put("source", o.getOrDefault("source", o.getOrDefault("src", "the whole")));
                values.put("from", o.containsKey("from") ? "the stage or image " + o.get("from") : "the build context");
            }
            case "tmpfs" -> values.put("target", target == null ? "the target" : target);
            default -> {
                return null;
            }
        }
        return catalog.phrase("mount_" + type, values);
    }

    private List<FlagNote> flagNotes(Instruction i) {
        List<FlagNote> flags = new ArrayList<>();
        Catalog.InstructionDoc flagDoc = catalog.instruction(i.effective().keyword());
        for (String f : i.effective().flags()) {
            String body = f.startsWith("--") ? f.substring(2) : f;
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            String value = eq < 0 ? null : body.substring(eq + 1);
            Catalog.FlagDoc fd = flagDoc == null ? null : flagDoc.flags().get(name.toLowerCase(Locale.ROOT));
            String explanation = fd == null ? null : fd.explanation();
            if (name.equalsIgnoreCase("mount") && value != null && i.effective().is("RUN")) {
                String own = mount(value);
                explanation = own != null ? own : explanation;
            }
            flags.add(fd != null ? new FlagNote(name, value, fd.summary(), explanation)
                    : new FlagNote(name, value, catalog.phrase("flag_unknown",
                    Map.of("name", name, "keyword", i.effective().keyword())), null));
        }
        return List.copyOf(flags);
    }
}
