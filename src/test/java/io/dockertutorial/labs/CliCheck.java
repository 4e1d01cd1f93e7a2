package io.dockertutorial.labs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a command statically against the real CLI: every {@code docker …} invocation's
 * (sub)commands must exist and every flag it uses must be one that {@code docker … --help} lists.
 * Used for the blocks that cannot run offline (logins, Docker Hub, public registries).
 */
final class CliCheck {

    /** An option line of --help: {@code -p, --publish list   Publish…} or {@code --rm   Automatically…}. */
    private static final Pattern OPTION = Pattern.compile("^\\s+(?:-(\\w), )?--([\\w-]+)(?: (\\w+))?(?:\\s{2,}|$)");
    /** A command line of --help, in a section whose title ends with "Commands:". */
    private static final Pattern COMMAND = Pattern.compile("^\\s{2}([a-z][\\w-]*)\\*?(?:\\s{2,}|$)");
    /** Commands whose flags end at the first argument (the rest belongs to the container's command). */
    private static final Set<String> NOT_INTERSPERSED = Set.of("run", "exec", "create", "container run",
            "container exec", "container create", "compose run", "compose exec");

    private final DockerEngine engine;
    private final Map<List<String>, Help> helps = new HashMap<>();

    CliCheck(DockerEngine engine) {
        this.engine = engine;
    }

    /** Plugins of Docker Desktop that a Debian engine's CLI does not have: named, not checked. */
    static final Set<String> DESKTOP_PLUGINS = Set.of("scout", "init", "debug", "ai", "model", "mcp", "offload",
            "sbom", "extension", "dev", "feedback", "desktop");

    /**
     * @param problems what the CLI would reject
     * @param unchecked the Docker Desktop plugins used, which this CLI cannot check
     */
    record Verdict(List<String> problems, List<String> unchecked) {
    }

    /** What is wrong with the docker invocations in this command; empty when the CLI accepts them. */
    Verdict check(String command) {
        List<String> problems = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (List<String> words : ShellWords.simpleCommands(command)) {
            int at = words.indexOf("docker");
            if (at < 0 || !words.subList(0, at).stream().allMatch(w -> w.equals("sudo") || w.contains("="))) {
                continue;
            }
            check(words.subList(at + 1, words.size()), problems, unchecked);
        }
        return new Verdict(problems, unchecked);
    }

    private void check(List<String> args, List<String> problems, List<String> unchecked) {
        List<String> path = new ArrayList<>();
        Help help = help(path);
        boolean positional = false;
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (word.equals("--")) {
                return;
            }
            if (word.startsWith("-") && word.length() > 1) {
                String problem = help.flag(word);
                if (problem != null) {
                    problems.add("`docker " + String.join(" ", path) + "`: " + problem);
                } else if (help.takesValue(word)) {
                    i++;
                }
                continue;
            }
            if (!positional && help.commands().contains(word)) {
                path.add(word);
                help = help(path);
                continue;
            }
            if (path.isEmpty() && DESKTOP_PLUGINS.contains(word)) {
                unchecked.add("docker " + word + " (a Docker Desktop plugin this CLI does not have)");
                return;
            }
            if (!positional && !help.commands().isEmpty()) {
                problems.add("`docker " + String.join(" ", path) + (path.isEmpty() ? "" : " ") + word
                        + "` is not a command of this docker CLI");
                return;
            }
            positional = true;
            // For run/exec/create the first argument (the image or container) ends the flags: the
            // rest is the container's command line. Other commands take flags after arguments too.
            if (NOT_INTERSPERSED.contains(String.join(" ", path))) {
                return;
            }
        }
    }

    private Help help(List<String> path) {
        return helps.computeIfAbsent(List.copyOf(path), p -> Help.parse(engine.help(p)));
    }

    /** The commands and flags one level of the CLI accepts, from its --help text. */
    record Help(Set<String> commands, Map<String, Boolean> longFlags, Map<Character, Boolean> shortFlags) {

        static Help parse(String text) {
            Set<String> commands = new HashSet<>();
            Map<String, Boolean> longFlags = new HashMap<>();
            Map<Character, Boolean> shortFlags = new HashMap<>();
            String section = "";
            for (String line : text.split("\n")) {
                if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                    section = line.strip();
                    continue;
                }
                if (section.endsWith("Commands:")) {
                    Matcher m = COMMAND.matcher(line);
                    if (m.find()) {
                        commands.add(m.group(1));
                    }
                } else if (section.endsWith("Options:") || section.equals("Flags:")) {
                    Matcher m = OPTION.matcher(line);
                    if (m.find()) {
                        boolean value = m.group(3) != null;
                        longFlags.put(m.group(2), value);
                        if (m.group(1) != null) {
                            shortFlags.put(m.group(1).charAt(0), value);
                        }
                    }
                }
            }
            longFlags.putIfAbsent("help", false);
            return new Help(commands, longFlags, shortFlags);
        }

        /** Why the CLI would reject this flag, or {@code null}. */
        String flag(String word) {
            if (word.startsWith("--")) {
                String name = word.substring(2).split("=", 2)[0];
                return longFlags.containsKey(name) ? null : "unknown flag --" + name;
            }
            String letters = word.substring(1).split("=", 2)[0];
            for (int k = 0; k < letters.length(); k++) {
                Boolean value = shortFlags.get(letters.charAt(k));
                if (value == null) {
                    return "unknown shorthand flag -" + letters.charAt(k) + " in " + word;
                }
                if (value) {
                    break; // the rest of the word is this flag's value (-p8080:80)
                }
            }
            return null;
        }

        /** Whether the flag's value is the next word ({@code -t name}, not {@code -t=name} or {@code -tname}). */
        boolean takesValue(String word) {
            if (word.contains("=")) {
                return false;
            }
            if (word.startsWith("--")) {
                return Boolean.TRUE.equals(longFlags.get(word.substring(2)));
            }
            String letters = word.substring(1);
            for (int k = 0; k < letters.length(); k++) {
                if (Boolean.TRUE.equals(shortFlags.get(letters.charAt(k)))) {
                    return k == letters.length() - 1;
                }
            }
            return false;
        }
    }
}
