package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.checks.Warning;
import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Analysis.Explained;
import io.dockertutorial.dockerfile.state.ImageState;
import io.dockertutorial.dockerfile.state.StateChange;
import io.dockertutorial.dockerfile.syntax.Heredoc;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParseError;

import java.util.List;
import java.util.Locale;

/** The JSON answer of {@code POST /api/explain}; field names are the public contract (see openapi.yaml). */
public record ExplainResponse(Directives directives, List<InstructionJson> instructions, List<WarningJson> warnings,
                              List<ErrorJson> errors) {

    public record Directives(String syntax, String escape, String check) {
    }

    public record Flag(String name, String value) {
    }

    public record FlagExplanation(String name, String value, String summary, String explanation) {
    }

    public record HeredocJson(String name, String body, boolean expand, boolean stripTabs, int startLine, int endLine) {
    }

    public record CommandJson(String command, String explanation, List<FlagExplanation> flags) {
    }

    public record InstructionJson(String keyword, int startLine, int endLine, Integer commentLine, String source,
                                  String form, List<Flag> flags, List<String> arguments, List<HeredocJson> heredocs,
                                  String stage, String comment, String summary, String explanation,
                                  List<FlagExplanation> flagExplanations, List<CommandJson> commands, String docsUrl,
                                  List<WarningJson> warnings, List<ErrorJson> errors, List<ChangeJson> change,
                                  ImageState state) {
    }

    /** One thing an instruction set or changed ({@link StateChange}); {@code kind} in lower case. */
    public record ChangeJson(String kind, String name, String value, String text) {
    }

    public record WarningJson(String rule, String severity, int line, String message, String fix, String url) {
    }

    public record ErrorJson(int line, String message) {
    }

    /** The answer with the full state on the last instruction of each stage only. */
    static ExplainResponse of(Analysis analysis) {
        return of(analysis, false);
    }

    /**
     * The answer; every instruction has its {@code change}. The full {@code state} is on every instruction
     * when {@code fullState}, else on the last instruction of each stage (the image the stage makes): full
     * states on every line would make the answer grow with the square of the file.
     */
    static ExplainResponse of(Analysis analysis, boolean fullState) {
        if (fullState) {
            long size = 0;
            for (Explained x : analysis.instructions()) {
                size += size(x.state());
            }
            if (size > MAX_FULL_STATE_CHARS) {
                throw new io.dockertutorial.budget.TooComplexException("the full state after every instruction would be "
                        + size / 1_000_000 + " million characters; leave out state=full to get each instruction's change");
            }
        }
        var d = analysis.parsed().directives();
        List<String> lines = analysis.parsed().lines();
        List<Explained> all = analysis.instructions();
        List<InstructionJson> instructions = java.util.stream.IntStream.range(0, all.size()).mapToObj(k -> {
            Explained x = all.get(k);
            boolean stageEnd = k + 1 == all.size() || all.get(k + 1).stageIndex() != x.stageIndex();
            Instruction i = x.instruction();
            Instruction e = i.effective();
            String source = String.join("\n", lines.subList(i.startLine() - 1, Math.min(i.endLine(), lines.size())));
            String form = switch (e.keyword()) {
                case "RUN", "CMD", "ENTRYPOINT", "SHELL", "HEALTHCHECK", "COPY", "ADD", "VOLUME" -> e.json() ? "exec" : "shell";
                default -> null;
            };
            return new InstructionJson(i.keyword(), i.startLine(), i.endLine(),
                    i.commentLine() > 0 ? i.commentLine() : null, source, form,
                    e.flags().stream().map(ExplainResponse::flag).toList(), e.arguments(),
                    e.heredocs().stream().map(ExplainResponse::heredoc).toList(), x.stage(), x.comment(), x.summary(),
                    x.explanation(),
                    x.flags().stream().map(f -> new FlagExplanation(f.name(), f.value(), f.summary(), f.explanation())).toList(),
                    x.commands().stream().map(c -> new CommandJson(c.command(), c.explanation(), c.flags().stream()
                            .map(f -> new FlagExplanation(f.name(), f.value(), f.summary(), f.explanation())).toList())).toList(),
                    x.docsUrl(), x.warnings().stream().map(ExplainResponse::warning).toList(),
                    x.errors().stream().map(ExplainResponse::error).toList(),
                    x.change().stream().map(ExplainResponse::change).toList(),
                    fullState || stageEnd ? x.state() : null);
        }).toList();
        return new ExplainResponse(new Directives(d.syntax(), String.valueOf(d.escape()), d.check()), instructions,
                analysis.warnings().stream().map(ExplainResponse::warning).toList(),
                analysis.errors().stream().map(ExplainResponse::error).toList());
    }

    /** The most text {@code state=full} may repeat across the answer: beyond it the answer is refused (422). */
    static final long MAX_FULL_STATE_CHARS = 8_000_000;

    /** About how many characters a state takes in JSON (its strings; the punctuation is not counted). */
    private static long size(io.dockertutorial.dockerfile.state.ImageState s) {
        if (s == null) {
            return 0;
        }
        long n = length(s.stage()) + length(s.workdir()) + length(s.user()) + length(s.stopSignal());
        for (List<String> list : java.util.Arrays.asList(s.shell(), s.exposed(), s.entrypoint(), s.cmd(), s.runs())) {
            if (list != null) {
                for (String v : list) {
                    n += length(v) + 3;
                }
            }
        }
        if (s.env() != null) {
            for (var e : s.env().entrySet()) {
                n += length(e.getKey()) + length(e.getValue()) + 6;
            }
        }
        return n;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static ChangeJson change(StateChange c) {
        return new ChangeJson(c.kind().name().toLowerCase(Locale.ROOT), c.name(), c.value(), c.text());
    }

    private static Flag flag(String raw) {
        String body = raw.startsWith("--") ? raw.substring(2) : raw;
        int eq = body.indexOf('=');
        return eq < 0 ? new Flag(body, null) : new Flag(body.substring(0, eq), body.substring(eq + 1));
    }

    private static HeredocJson heredoc(Heredoc h) {
        return new HeredocJson(h.name(), h.content(), h.expand(), h.chomp(), h.startLine(), h.endLine());
    }

    static WarningJson warning(Warning w) {
        return new WarningJson(w.rule(), w.severity().label(), w.line(), w.message(), w.fix(), w.url());
    }

    private static ErrorJson error(ParseError e) {
        return new ErrorJson(e.line(), e.message());
    }
}
