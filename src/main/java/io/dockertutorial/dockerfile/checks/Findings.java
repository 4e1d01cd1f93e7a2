package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.BuildErrors;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParseError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings and errors of one file, each also filed under its instruction. Applies the
 * {@code # check=} options (skipped rules, experimental rules, warnings as errors) as findings arrive.
 */
public final class Findings implements BuildErrors {

    private static final Pattern INLINE_CHECK = Pattern.compile("^check\\s*=\\s*skip\\s*=\\s*(\\S+)");

    private final Catalog catalog;
    private final LintOptions options;
    private final List<Warning> warnings = new ArrayList<>();
    private final List<ParseError> errors = new ArrayList<>();
    private final Map<Instruction, List<Warning>> warningsOf = new IdentityHashMap<>();
    private final Map<Instruction, List<ParseError>> errorsOf = new IdentityHashMap<>();

    public Findings(Catalog catalog, LintOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    Catalog catalog() {
        return catalog;
    }

    LintOptions options() {
        return options;
    }

    /** Reports rule {@code rule} (an id of rules.yml) about {@code line}, filed under {@code i} when not null. */
    void warn(Instruction i, String rule, int line, Map<String, ?> values) {
        Catalog.RuleDoc doc = catalog.rule(rule);
        if (doc.experimental() && !options.experimental(rule) || options.skipped(rule)) {
            return;
        }
        Severity severity = options.errorOnWarnings() && doc.severity() == Severity.WARNING ? Severity.ERROR
                : doc.severity();
        Warning w = new Warning(rule, severity, line, Catalog.fill(doc.message(), values),
                Catalog.fill(doc.fix(), values), doc.url());
        warnings.add(w);
        if (i != null) {
            warningsOf.computeIfAbsent(i, k -> new ArrayList<>()).add(w);
        }
    }

    void warn(Instruction i, String rule, Map<String, ?> values) {
        warn(i, rule, i.startLine(), values);
    }

    /** An error that stops the build, worded by rule {@code rule} of rules.yml. */
    @Override
    public void error(Instruction i, String rule, Map<String, ?> given) {
        Catalog.RuleDoc doc = catalog.rule(rule);
        Map<String, Object> values = new HashMap<>(given);
        Catalog.InstructionDoc facts = catalog.instruction(i.keyword());
        if (facts != null) {
            values.putIfAbsent("what", facts.needs());
            values.putIfAbsent("example", facts.example());
        }
        String message = Catalog.fill(doc.message(), values);
        message = message.endsWith(".") ? message : message + ".";
        error(i, message + " " + Catalog.fill(doc.fix(), values));
    }

    @Override
    public void error(Instruction i, String message) {
        ParseError e = new ParseError(i.startLine(), i.endLine(), message);
        errors.add(e);
        errorsOf.computeIfAbsent(i, k -> new ArrayList<>()).add(e);
    }

    @Override
    public void addParseErrors(List<ParseError> parseErrors) {
        errors.addAll(parseErrors);
    }

    boolean hasErrorAt(int line) {
        return errors.stream().anyMatch(e -> e.line() == line);
    }

    /** Withdraws the warnings about {@code i} that match. */
    void drop(Instruction i, Predicate<Warning> which) {
        List<Warning> list = warningsOf.get(i);
        if (list == null) {
            return;
        }
        list.removeIf(w -> {
            boolean drop = which.test(w);
            if (drop) {
                warnings.removeIf(x -> x == w);
            }
            return drop;
        });
    }

    /** {@code # check=skip=Rule} in the comment right above an instruction applies to it alone. */
    void applyInlineSkips() {
        for (Instruction i : List.copyOf(warningsOf.keySet())) {
            Set<String> skip = new HashSet<>();
            for (String comment : i.comments()) {
                Matcher m = INLINE_CHECK.matcher(comment);
                if (m.find()) {
                    for (String r : m.group(1).split(",")) {
                        skip.add(r.strip());
                    }
                }
            }
            if (!skip.isEmpty()) {
                drop(i, w -> skip.contains("all") || skip.contains(w.rule()));
            }
        }
    }

    public List<Warning> warningsOf(Instruction i) {
        return List.copyOf(warningsOf.getOrDefault(i, List.of()));
    }

    public List<ParseError> errorsOf(Instruction i) {
        return List.copyOf(errorsOf.getOrDefault(i, List.of()));
    }

    public List<Warning> warnings() {
        List<Warning> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparingInt(Warning::line));
        return List.copyOf(sorted);
    }

    public List<ParseError> errors() {
        List<ParseError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ParseError::line));
        return List.copyOf(sorted);
    }
}
