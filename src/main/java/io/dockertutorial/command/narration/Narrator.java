package io.dockertutorial.command.narration;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.checks.CommandChecks;
import io.dockertutorial.command.syntax.Invocation;
import io.dockertutorial.command.syntax.Invocation.ArgumentUse;
import io.dockertutorial.command.syntax.Invocation.FlagUse;
import io.dockertutorial.command.syntax.Invocation.Problem;
import io.dockertutorial.explain.TextExplanation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what one docker command does: the command, each flag with what its value does, each argument.
 * Every text comes from {@code docker.yml}; this class picks the text and fills in the value.
 */
public final class Narrator {

    /**
     * A piece of the command with a note of its own: {@code key} names it in the page ({@code c} the command,
     * {@code f0} the first flag, {@code a0} the first argument), {@code ranges} where it is written
     * ({@code [start, end)} in the command's text; the command's words may have flags between them).
     */
    public record Part(String key, String written, String note, List<int[]> ranges) {

        Part(String key, String written, String note, int start, int end) {
            this(key, written, note, List.<int[]>of(new int[]{start, end}));
        }
    }

    /** One explained docker command: its API item, its parts with their places, and its findings. */
    public record Explained(Invocation invocation, TextExplanation.Item item, List<Part> parts,
                            List<CommandChecks.Finding> findings) {
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final CliCatalog catalog;

    public Narrator(CliCatalog catalog) {
        this.catalog = catalog;
    }

    public Explained explain(Invocation inv, List<CommandChecks.Finding> findings, String source) {
        List<Part> parts = new ArrayList<>();
        String words = inv.commandWords();
        String summary;
        StringBuilder explanation = new StringBuilder();
        Problem unexplained = inv.problems().stream()
                .filter(p -> p.kind() == Problem.Kind.UNEXPLAINED_COMMAND || p.kind() == Problem.Kind.UNKNOWN_COMMAND)
                .findFirst().orElse(null);
        CliCatalog.Command c = inv.command();
        if (unexplained != null) {
            words = words + " " + unexplained.word();
            summary = unexplained.kind() == Problem.Kind.UNEXPLAINED_COMMAND
                    ? words + " is a docker command this explainer does not cover; docker " + unexplained.word()
                    + " --help describes it."
                    : words + " is not a command this docker knows.";
        } else {
            summary = CliCatalog.firstSentence(c.text());
            explanation.append(c.text().substring(Math.min(summary.length(), c.text().length())).strip());
        }
        List<int[]> ranges = new ArrayList<>();
        inv.path().forEach(w -> ranges.add(new int[]{w.start(), w.end()}));
        if (unexplained != null) {
            ranges.add(new int[]{unexplained.start(), unexplained.end()});
        }
        parts.add(new Part("c", words, summary, List.copyOf(ranges)));

        List<TextExplanation.Flag> flags = new ArrayList<>();
        for (int k = 0; k < inv.flags().size(); k++) {
            Deadline.check();
            FlagUse f = inv.flags().get(k);
            String flagSummary;
            String flagExplanation;
            if (f.flag() == null) {
                flagSummary = "Not a flag of " + inv.commandWords() + ".";
                flagExplanation = findings.stream().filter(x -> x.start() == f.start()).map(CommandChecks.Finding::message)
                        .findFirst().orElse(flagSummary);
            } else {
                flagSummary = f.flag().summary();
                flagExplanation = flagText(f.flag(), f.value());
            }
            flags.add(new TextExplanation.Flag(f.written(), f.value(), flagSummary, flagExplanation));
            parts.add(new Part("f" + k, f.written() + (f.value() == null ? "" : " " + f.value()), flagExplanation,
                    f.start(), f.end()));
        }

        List<TextExplanation.Part> arguments = new ArrayList<>();
        arguments.add(new TextExplanation.Part(words, "command", summary, explanation.isEmpty() ? null : explanation.toString()));
        if (unexplained == null) {
            int restStart = -1;
            for (int k = 0; k < inv.arguments().size(); k++) {
                Deadline.check();
                ArgumentUse a = inv.arguments().get(k);
                if (a.argument() != null && a.argument().rest() && inv.command().stopAtArgument()) {
                    // The container's command: one part from its first word to the end.
                    if (restStart < 0) {
                        restStart = k;
                    }
                    continue;
                }
                String note = argumentText(a);
                String role = a.argument() == null ? "argument" : a.argument().name();
                arguments.add(new TextExplanation.Part(a.word().value(), role, note, null));
                parts.add(new Part("a" + k, a.word().value(), note, a.word().start(), a.word().end()));
            }
            if (restStart >= 0) {
                List<ArgumentUse> rest = inv.arguments().subList(restStart, inv.arguments().size());
                String text = String.join(" ", rest.stream().map(a -> a.word().value()).toList());
                String note = rest.get(0).argument().text();
                arguments.add(new TextExplanation.Part(text, rest.get(0).argument().name(), note, null));
                parts.add(new Part("a" + restStart, text, note, rest.get(0).word().start(),
                        rest.get(rest.size() - 1).word().end()));
            }
        }
        for (ArgumentUse a : inv.arguments()) {
            if (a.argument() != null && "image".equals(a.argument().read())) {
                String image = ImageNames.describe(catalog, a.word().value());
                if (image != null && explanation.indexOf(image) < 0) {
                    explanation.append(explanation.isEmpty() ? "" : " ").append(image);
                }
            }
        }
        TextExplanation.Item item = new TextExplanation.Item(inv.source().startLine(), inv.source().endLine(), source,
                summary, explanation.toString(), List.copyOf(flags), List.copyOf(arguments), null);
        return new Explained(inv, item, List.copyOf(parts), findings);
    }

    private String argumentText(ArgumentUse a) {
        if (a.argument() == null) {
            return "An argument the command does not take.";
        }
        String text = fill(a.argument().text(), Map.of(), a.word().value());
        if ("image".equals(a.argument().read())) {
            String image = ImageNames.describe(catalog, a.word().value());
            if (image != null) {
                return text + " " + image;
            }
        }
        return text;
    }

    /** What this flag with this value does: the case the value falls in, or the flag's text. */
    String flagText(CliCatalog.Flag flag, String value) {
        if (value == null) {
            return flag.text().contains("{") ? flag.summary() : flag.text();
        }
        if ("image".equals(flag.read())) {
            ImageNames.Ref ref = ImageNames.parse(value);
            if (ref != null) {
                String kase = ref.registry() != null ? "registry" : ref.tag() == null ? "untagged" : "tagged";
                String text = flag.cases().getOrDefault(kase, flag.text());
                return fill(text, ref.facts(value), value);
            }
            return fill(flag.text(), Map.of(), value);
        }
        ValueReaders.Reading reading = ValueReaders.read(flag.read(), value);
        if (reading == null) {
            return fill(flag.text(), Map.of(), value);
        }
        String text = flag.cases().getOrDefault(reading.kase(), flag.text());
        return fill(text, reading.facts(), value);
    }

    /** Replaces {value} and the facts' {names} in a text; an unknown placeholder falls back to the value. */
    static String fill(String text, Map<String, String> facts, String value) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = name.equals("value") ? value : facts.getOrDefault(name, value);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? "" : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
