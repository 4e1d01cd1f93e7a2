package io.dockertutorial.command.checks;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.syntax.Invocation;
import io.dockertutorial.command.syntax.Invocation.Problem;
import io.dockertutorial.spelling.Typos;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the docker CLI would reject in a command: a flag the command does not have (with the flag that was
 * probably meant, by edit distance), a flag of a parent command given after the sub-command, a flag
 * without its value, a sub-command that does not exist.
 */
public final class CommandChecks {

    /** A finding about one command: {@code rule} a stable id, the range it is about in the command's text. */
    public record Finding(String rule, String message, int start, int end) {
    }

    private final CliCatalog catalog;

    public CommandChecks(CliCatalog catalog) {
        this.catalog = catalog;
    }

    public List<Finding> check(Invocation invocation) {
        List<Finding> out = new ArrayList<>();
        String command = invocation.commandWords();
        for (Problem p : invocation.problems()) {
            Deadline.check();
            switch (p.kind()) {
                case UNKNOWN_FLAG -> out.add(new Finding("unknown-flag", unknownFlag(command, invocation.command(), p),
                        p.start(), p.end()));
                case MISSING_VALUE -> out.add(new Finding("missing-value", "The flag " + p.word() + " of " + command
                        + " needs a value, and nothing follows it; the command fails.", p.start(), p.end()));
                case UNKNOWN_COMMAND -> {
                    String parent = p.owner().isEmpty() ? "docker" : "docker " + p.owner();
                    String near = nearest(p.word(), catalog.children(p.owner()));
                    out.add(new Finding("unknown-command", parent + " has no command " + p.word()
                            + (near == null ? "." : "; did you mean " + parent + " " + near + "?"), p.start(), p.end()));
                }
                case UNEXPLAINED_COMMAND -> {
                    // A real command this explainer does not cover: no warning, the note says it is not explained.
                }
            }
        }
        return out;
    }

    private String unknownFlag(String command, CliCatalog.Command c, Problem p) {
        if (p.owner() != null) {
            String parent = p.owner().isEmpty() ? "docker" : "docker " + p.owner();
            return p.word() + " is a flag of " + parent + ", not of " + command + ": write it before "
                    + command.substring(parent.length()).strip() + ".";
        }
        String near = p.word().startsWith("--") ? nearest(p.word(), c.longNames()) : null;
        return command + " has no flag " + p.word() + (near == null ? "; the command fails with \"unknown flag\"."
                : "; did you mean " + near + "?");
    }

    /** The candidate closest to {@code word}, if it is close enough to be a typo of it (dashes not counted). */
    static String nearest(String word, Collection<String> candidates) {
        int letters = word.replaceFirst("^-+", "").length();
        return Typos.closest(word, candidates, letters <= 3 ? 1 : letters <= 6 ? 2 : 3, false);
    }
}
