package io.dockertutorial.command.syntax;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.command.catalog.CliCatalog;
import io.dockertutorial.command.syntax.Invocation.ArgumentUse;
import io.dockertutorial.command.syntax.Invocation.FlagUse;
import io.dockertutorial.command.syntax.Invocation.Problem;
import io.dockertutorial.command.syntax.ShellWords.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the docker commands of a command line the way the CLI's flag parser (spf13/pflag under cobra) does:
 * sub-command words first ({@code compose up}), {@code --name=web} and {@code --name web}, short flags
 * bundled ({@code -it}, {@code -dp8080:80}), flags without a value, {@code --} ending the flags, and for
 * commands such as {@code run} the flags ending at the first argument (what follows belongs to the
 * container's command). A parent's flags ({@code compose -f}) go before the sub-command.
 */
public final class DockerParser {

    private static final Set<String> PROGRAMS = Set.of("docker", "docker.exe", "docker-compose");

    private final CliCatalog catalog;

    public DockerParser(CliCatalog catalog) {
        this.catalog = catalog;
    }

    /** Every docker command in a typed command ({@code docker stop web && docker rm web} has two). */
    public List<Invocation> parse(CommandText command) {
        List<Invocation> out = new ArrayList<>();
        for (List<Word> words : ShellWords.commands(command)) {
            Deadline.check();
            int at = 0;
            while (at < words.size() && (words.get(at).value().matches("[A-Za-z_][A-Za-z0-9_]*=.*")
                    || words.get(at).value().equals("sudo"))) {
                at++;
            }
            if (at < words.size() && isDocker(words.get(at).value())) {
                out.add(parse(command, words.subList(at, words.size())));
            }
        }
        return out;
    }

    private static boolean isDocker(String program) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        return PROGRAMS.contains(name);
    }

    private Invocation parse(CommandText source, List<Word> words) {
        List<FlagUse> flags = new ArrayList<>();
        List<ArgumentUse> arguments = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String path = words.get(0).value().endsWith("docker-compose") ? "compose" : "";
        List<CliCatalog.Command> parents = new ArrayList<>();
        CliCatalog.Command command = catalog.command(path);
        List<Word> pathWords = new ArrayList<>(List.of(words.get(0)));
        boolean flagsEnded = false;
        for (int k = 1; k < words.size(); k++) {
            Deadline.check();
            Word w = words.get(k);
            String v = w.value();
            if (!flagsEnded && v.equals("--")) {
                flagsEnded = true;
                continue;
            }
            if (!flagsEnded && v.startsWith("-") && v.length() > 1) {
                k = flag(words, k, command, parents, flags, problems);
                continue;
            }
            if (arguments.isEmpty() && !catalog.children(path).isEmpty()) {
                String child = path.isEmpty() ? v : path + " " + v;
                CliCatalog.Command next = catalog.command(child);
                if (next != null) {
                    parents.add(command);
                    command = next;
                    path = child;
                    pathWords.add(w);
                    continue;
                }
                Problem.Kind kind = path.isEmpty() && catalog.unexplained(v) ? Problem.Kind.UNEXPLAINED_COMMAND
                        : Problem.Kind.UNKNOWN_COMMAND;
                problems.add(new Problem(kind, v, w.start(), w.end(), path));
                break; // what follows belongs to a command we do not know
            }
            int index = arguments.size();
            List<CliCatalog.Argument> declared = command.arguments();
            CliCatalog.Argument argument = index < declared.size() ? declared.get(index)
                    : !declared.isEmpty() && declared.get(declared.size() - 1).rest() ? declared.get(declared.size() - 1) : null;
            arguments.add(new ArgumentUse(w, argument));
            if (command.stopAtArgument()) {
                flagsEnded = true; // docker run IMAGE -it: -it belongs to the container's command
            }
        }
        return new Invocation(source, command, List.copyOf(words), List.copyOf(pathWords), List.copyOf(flags), List.copyOf(arguments),
                List.copyOf(problems));
    }

    /** Reads the flag word at {@code k} (and its value word); returns the index of the last word used. */
    private static int flag(List<Word> words, int k, CliCatalog.Command command, List<CliCatalog.Command> parents,
                            List<FlagUse> flags, List<Problem> problems) {
        Word w = words.get(k);
        String v = w.value();
        if (v.startsWith("--")) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? v : v.substring(0, eq);
            CliCatalog.Flag flag = command.flag(name);
            if (flag == null) {
                problems.add(new Problem(Problem.Kind.UNKNOWN_FLAG, name, w.start(), w.end(), owner(name, parents)));
                flags.add(new FlagUse(name, null, eq < 0 ? null : v.substring(eq + 1), w.start(), w.end()));
                return k;
            }
            if (eq >= 0) {
                flags.add(new FlagUse(name, flag, v.substring(eq + 1), w.start(), w.end()));
                return k;
            }
            if (!flag.takesValue()) {
                flags.add(new FlagUse(name, flag, null, w.start(), w.end()));
                return k;
            }
            if (k + 1 >= words.size()) {
                problems.add(new Problem(Problem.Kind.MISSING_VALUE, name, w.start(), w.end(), null));
                flags.add(new FlagUse(name, flag, null, w.start(), w.end()));
                return k;
            }
            Word value = words.get(k + 1);
            flags.add(new FlagUse(name, flag, value.value(), w.start(), value.end()));
            return k + 1;
        }
        // Shorthand letters, bundled: -it is -i -t; a letter that takes a value takes the rest of the word
        // (-p8080:80, -p=8080:80) or else the next word.
        for (int c = 1; c < v.length(); c++) {
            String name = "-" + v.charAt(c);
            int start = c == 1 ? w.start() : w.start() + c;
            CliCatalog.Flag flag = command.flag(name);
            if (flag == null) {
                problems.add(new Problem(Problem.Kind.UNKNOWN_FLAG, name, start, w.start() + c + 1, owner(name, parents)));
                flags.add(new FlagUse(name, null, null, start, w.start() + c + 1));
                if (c + 1 < v.length() && v.charAt(c + 1) == '=') {
                    return k;
                }
                continue;
            }
            if (!flag.takesValue()) {
                flags.add(new FlagUse(name, flag, null, start, w.start() + c + 1));
                continue;
            }
            if (c + 1 < v.length()) {
                String rest = v.substring(c + 1);
                flags.add(new FlagUse(name, flag, rest.startsWith("=") ? rest.substring(1) : rest, start, w.end()));
                return k;
            }
            if (k + 1 >= words.size()) {
                problems.add(new Problem(Problem.Kind.MISSING_VALUE, name, start, w.end(), null));
                flags.add(new FlagUse(name, flag, null, start, w.end()));
                return k;
            }
            Word value = words.get(k + 1);
            flags.add(new FlagUse(name, flag, value.value(), start, value.end()));
            return k + 1;
        }
        return k;
    }

    /** The path of a parent command that has this flag (compose has -f; compose up does not), or null. */
    private static String owner(String name, List<CliCatalog.Command> parents) {
        for (int k = parents.size() - 1; k >= 0; k--) {
            if (parents.get(k).flag(name) != null) {
                return parents.get(k).path();
            }
        }
        return null;
    }
}
