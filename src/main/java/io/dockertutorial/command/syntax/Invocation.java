package io.dockertutorial.command.syntax;

import io.dockertutorial.command.catalog.CliCatalog;

import java.util.List;

/**
 * One docker command as the CLI reads it: the command it names, its flags and its arguments, each with
 * where it is written in {@link #source()}'s text, and what the CLI would not accept.
 *
 * @param command   the deepest command the words name (docker itself when none)
 * @param words     every word of the simple command, from {@code docker} on
 * @param path      the program and its sub-command words ({@code docker}, {@code compose}, {@code up})
 */
public record Invocation(CommandText source, CliCatalog.Command command, List<ShellWords.Word> words,
                         List<ShellWords.Word> path,
                         List<FlagUse> flags, List<ArgumentUse> arguments, List<Problem> problems) {

    /**
     * A flag given: {@code written} is how it is named ({@code -p}, {@code --publish}, or {@code -i} out of
     * {@code -it}); {@code flag} null when the command has no such flag; {@code [start, end)} covers the
     * flag and its value.
     */
    public record FlagUse(String written, CliCatalog.Flag flag, String value, int start, int end) {
    }

    /** An argument; {@code argument} null when the command takes no more arguments. */
    public record ArgumentUse(ShellWords.Word word, CliCatalog.Argument argument) {
    }

    /** Something the CLI would reject or that this explainer cannot follow. */
    public record Problem(Kind kind, String word, int start, int end, String owner) {

        public enum Kind {
            /** a flag the command does not have ({@code owner}: a parent command that has it, if any) */
            UNKNOWN_FLAG,
            /** a flag that needs a value, at the end of the command */
            MISSING_VALUE,
            /** a sub-command word the command does not have */
            UNKNOWN_COMMAND,
            /** a real docker command that the catalog does not explain */
            UNEXPLAINED_COMMAND
        }
    }

    /** How the command is typed: {@code docker run}, {@code docker compose up}. */
    public String commandWords() {
        StringBuilder b = new StringBuilder("docker");
        if (path.get(0).value().endsWith("docker-compose")) {
            b.append(" compose");
        }
        for (int k = 1; k < path.size(); k++) {
            b.append(' ').append(path.get(k).value());
        }
        return b.toString();
    }
}
