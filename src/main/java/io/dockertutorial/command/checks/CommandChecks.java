package io.dockertutorial.command.checks;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.syntax.Invocation;
import io.dockertutorial.command.syntax.Invocation.Problem;

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

    /** The candidate closest to {@code word}, if it is close enough to be a typo of it. */
    static String nearest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int letters = word.replaceFirst("^-+", "").length();
        int allowed = letters <= 3 ? 1 : letters <= 6 ? 2 : 3;
        return best != null && bestDistance <= allowed ? best : null;
    }

    /** Damerau–Levenshtein distance (optimal string alignment): a swap of two neighbours counts once. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
