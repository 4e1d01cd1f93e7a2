package io.dockertutorial.dockerfile.syntax;

import java.util.List;

/**
 * One simple command of a shell script, e.g. {@code apt-get install -y curl}.
 *
 * @param text     the command as written (without the operators around it)
 * @param name     the program it runs, after leading assignments and wrappers such as {@code sudo}; may be empty
 * @param args     its arguments with quotes removed, redirections left out
 * @param writes   files its redirections write ({@code > file}, {@code >> file})
 * @param pipedOut its output is piped into the next command
 * @param nested   it runs inside a loop, condition, function or subshell
 * @param function it calls a shell function the script defines
 */
public record ShellCommand(String text, String name, List<String> args, List<String> writes, boolean pipedOut,
                    boolean nested, boolean function) {

    /** The first argument that is not an option: the subcommand of tools such as apt-get or git. */
    public String subcommand() {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /** The {@code n}-th argument that is not an option (1 = {@link #subcommand()}), or "". */
    public String subcommand(int n) {
        int seen = 0;
        for (String a : args) {
            if (!a.startsWith("-") && ++seen == n) {
                return a;
            }
        }
        return "";
    }

    public boolean has(String option) {
        return args.contains(option);
    }

    /** The text after {@code name}, as written: what regular expressions in rules match against. */
    public String line() {
        return name + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }
}
