package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Catalog;
import io.dockertutorial.dockerfile.syntax.ShellCommand;
import io.dockertutorial.dockerfile.syntax.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the commands inside RUN do, and what each of their flags means for that command
 * (commands.yml). Combined short flags ({@code -fsSL}) are split; a flag that takes a value ends
 * the group ({@code -xzf file}).
 */
final class CommandCatalog {

    /** One flag of one command. */
    /** One flag of one command; {@code runs}: its value is a command whose own flags follow (python -m pip …). */
    record Flag(String text, boolean takesValue, boolean runs) {
    }

    /**
     * {@code wraps}: it runs another command, which follows its own options, {@code operands} words (the user
     * of gosu, the duration of timeout) and, for env, NAME=value words; {@code stops}: options that make it
     * not run one (command -v).
     */
    record Command(String name, String text, boolean combined, Map<String, Flag> flags, Map<String, String> subcommands,
                   boolean wraps, int operands, Set<String> stops, boolean bundled, boolean script) {
    }

    private record Special(Pattern match, String text) {
    }

    /** A flag as written in a command, and its text ({@code null} when the catalog does not know it). */
    record FlagUse(String flag, String text, String value) {
        FlagUse(String flag, String text) {
            this(flag, text, null);
        }
    }

    private final List<Special> patterns = new ArrayList<>();
    private final Map<String, Command> commands = new HashMap<>();
    /** What sh is, by the family of the base image (debian, alpine). */
    private final Map<String, String> shells = new HashMap<>();

    /** Windows: names and options are case-insensitive, options start with - or /, .exe is optional. */
    private final boolean windows;

    CommandCatalog(Map<String, Object> yaml) {
        this(yaml, false);
    }

    private static final CommandCatalog DEFAULT = new CommandCatalog(yaml("commands.yml"), false);
    private static final CommandCatalog WINDOWS = new CommandCatalog(yaml("windows-commands.yml"), true);

    /** The commands of {@code commands.yml}; loaded once, immutable. */
    public static CommandCatalog get() {
        return DEFAULT;
    }

    /** PowerShell cmdlets, cmd.exe built-ins and Windows programs ({@code windows-commands.yml}). */
    public static CommandCatalog windows() {
        return WINDOWS;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String name) {
        return (Map<String, Object>) Catalog.load(name);
    }

    @SuppressWarnings("unchecked")
    CommandCatalog(Map<String, Object> yaml, boolean windows) {
        this.windows = windows;
        for (Map<String, String> p : (List<Map<String, String>>) yaml.getOrDefault("patterns", List.of())) {
            patterns.add(new Special(Pattern.compile(p.get("match")), p.get("text")));
        }
        ((Map<String, Map<String, Object>>) yaml.get("commands")).forEach((name, m) -> {
            Map<String, Flag> flags = new LinkedHashMap<>();
            ((Map<String, String>) m.getOrDefault("flags", Map.of())).forEach((key, text) -> {
                boolean value = key.contains("<");
                for (String f : key.replaceAll("<[^>]*>", "").trim().split("\\s+")) {
                    flags.put(windows ? f.toLowerCase(java.util.Locale.ROOT) : f, new Flag(text, value, key.contains("<command>")));
                }
            });
            shells.putAll((Map<String, String>) m.getOrDefault("shells", Map.of()));
            Command c = new Command(name, (String) m.get("text"), !"words".equals(m.get("options")), flags,
                    (Map<String, String>) m.getOrDefault("subcommands", Map.of()), Boolean.TRUE.equals(m.get("wraps")),
                    ((Number) m.getOrDefault("operands", 0)).intValue(),
                    Set.copyOf((List<String>) m.getOrDefault("stops", List.of())), Boolean.TRUE.equals(m.get("bundled")),
                    Boolean.TRUE.equals(m.get("script")));
            commands.put(windows ? name.toLowerCase(java.util.Locale.ROOT) : name, c);
            for (String alias : (List<String>) m.getOrDefault("aliases", List.of())) {
                commands.put(windows ? alias.toLowerCase(java.util.Locale.ROOT) : alias, c);
            }
        });
    }

    /** Every command name the catalog has an entry for (aliases included). */
    java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(commands.keySet());
    }

    Command command(String name) {
        if (windows) {
            String n = name.toLowerCase(java.util.Locale.ROOT).replace('\\', '/');
            n = n.substring(n.lastIndexOf('/') + 1);
            Command c = commands.get(n);
            if (c == null) {
                c = commands.get(n.replaceFirst("\\.(?:exe|cmd|bat|com)$", ""));
            }
            if (c == null && (name.contains("\\") || name.contains("/") || name.contains(":") || n.endsWith(".ps1")
                    || n.endsWith(".exe") || n.endsWith(".cmd") || n.endsWith(".bat") || name.startsWith("$"))) {
                c = commands.get("<path>");
            }
            return c;
        }
        Command c = commands.get(name);
        if (c == null && name.contains("/")) {
            c = commands.get(name.substring(name.lastIndexOf('/') + 1));
        }
        if (c == null && VERSIONED.matcher(name).matches()) {
            c = commands.get(name.replaceFirst("[0-9.-]+$", ""));
        }
        if (c == null && (name.startsWith("./") || name.startsWith("/") || name.startsWith("$") || name.startsWith("~/"))) {
            c = commands.get("<path>");
        }
        return c;
    }


    /** True when the catalog has something to say about this command. */
    boolean knows(ShellCommand c) {
        return c.name().isEmpty() || c.function() || command(c.name()) != null || special(c) != null;
    }

    /** Every flag the command uses, split as the command reads it, with its text. */
    List<FlagUse> flags(ShellCommand c) {
        List<FlagUse> out = new ArrayList<>();
        Command doc = command(c.name());
        if (windows) {
            return windowsFlags(c, doc);
        }
        boolean combined = doc == null || doc.combined();
        List<String> args = c.args();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (a.equals("--")) {
                break;
            }
            if (k == 0 && doc != null && doc.bundled() && BUNDLE.matcher(a).matches()) {
                // old-style options without a dash: tar xzvf file.tgz, ps aux
                boolean value = false;
                for (int j = 0; j < a.length(); j++) {
                    String letter = String.valueOf(a.charAt(j));
                    Flag f = doc.flags().get(letter);
                    String shown = f != null ? letter : "-" + letter;
                    f = f != null ? f : doc.flags().get("-" + letter);
                    out.add(new FlagUse(shown, f == null ? null : f.text()));
                    value |= f != null && f.takesValue();
                }
                k += value ? 1 : 0;
                continue;
            }
            if (!a.startsWith("-") || a.equals("-") || a.length() > 1 && Character.isDigit(a.charAt(1)) || hasBlank(a)) {
                if (doc != null && (doc.wraps() || doc.script())) {
                    break; // the rest is the command it runs (gosu user cmd…) or the script's own arguments (bash f -v)
                }
                continue;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            Flag f = doc == null ? null : find(doc, name);
            boolean letters = LETTERS.matcher(name).matches();
            if (f == null && doc != null && !a.startsWith("--") && a.length() > 2) {
                Flag joined = doc.flags().get(a.substring(0, 2));
                if (joined != null && joined.takesValue()) { // cut -d: / make -j4: the value joined to the letter
                    out.add(new FlagUse(a.substring(0, 2), joined.text(), a.substring(2)));
                    continue;
                }
            }
            if (f != null && f.runs() && k + 1 < args.size()) {
                out.add(new FlagUse(name, f.text()));
                List<String> rest = args.subList(k + 2, args.size());
                out.addAll(flags(new ShellCommand(c.text(), args.get(k + 1), List.copyOf(rest), List.of(), false, false, false)));
                break;
            }
            if (a.startsWith("--") || !combined || f != null || !letters) {
                boolean next = f != null && f.takesValue() && !a.contains("=") && (name.length() == a.length()) && exact(doc, name)
                        && k + 1 < args.size();
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : next ? args.get(k + 1) : null;
                out.add(new FlagUse(name, f == null ? null : fill(doc, name, f.text()), value));
                k += next ? 1 : 0;
                continue;
            }
            for (int j = 1; j < name.length(); j++) {
                String single = "-" + name.charAt(j);
                Flag sf = doc == null ? null : doc.flags().get(single);
                if (sf != null && sf.takesValue()) {
                    boolean last = j == name.length() - 1;
                    String value = last ? (k + 1 < args.size() ? args.get(k + 1) : null) : name.substring(j + 1);
                    out.add(new FlagUse(single, sf.text(), value));
                    k += last ? 1 : 0;
                    break;
                }
                out.add(new FlagUse(single, sf == null ? null : sf.text()));
            }
        }
        return out;
    }

    private static final Pattern WINDOWS_OPTION = Pattern.compile("(?:-[A-Za-z][\\w-]*|/[A-Za-z?][\\w*?-]*)(?::.*)?",
            Pattern.DOTALL);

    /** PowerShell parameters (-Uri, -Force:$true, abbreviations) and cmd switches (/M, /qn, /l*v). */
    private static List<FlagUse> windowsFlags(ShellCommand c, Command doc) {
        List<FlagUse> out = new ArrayList<>();
        List<String> args = c.args();
        for (int k = 0; k < args.size(); k++) {
            String a = args.get(k);
            if (!WINDOWS_OPTION.matcher(a).matches()) {
                continue;
            }
            int colon = a.indexOf(':');
            String name = colon > 0 ? a.substring(0, colon) : a;
            String key = name.toLowerCase(java.util.Locale.ROOT);
            Flag f = doc == null ? null : doc.flags().get(key);
            if (f == null && doc != null && key.startsWith("-") && key.length() > 2) {
                List<String> matches = doc.flags().keySet().stream().filter(x -> x.startsWith(key)).toList();
                f = matches.size() == 1 ? doc.flags().get(matches.get(0)) : null;
            }
            out.add(new FlagUse(name, f == null ? null : f.text()));
            if (f != null && f.takesValue() && colon < 0) {
                k++;
            }
        }
        return out;
    }

    private static final Pattern BUNDLE = Pattern.compile("[A-Za-z]{1,8}");
    private static final Pattern LETTERS = Pattern.compile("-[A-Za-z0-9]{2,}");
    private static final Pattern VERSIONED = Pattern.compile("(python|pip|php|ruby|node|perl|gcc|g\\+\\+|clang|java|llvm-[a-z]+)[0-9.-]+");

    private static boolean hasBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A flag by its exact spelling, or by a prefix entry such as {@code -D*} or {@code --with-*}. */
    private static Flag find(Command doc, String name) {
        Flag f = doc.flags().get(name);
        if (f != null) {
            return f;
        }
        for (int len = name.length() - 1; len >= 2; len--) {
            f = doc.flags().get(name.substring(0, len) + "*");
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** A prefix entry's text with {suffix}: what follows the prefix in the flag as written (--with-openssl: openssl). */
    private static String fill(Command doc, String name, String text) {
        if (text == null || !text.contains("{suffix}")) {
            return text;
        }
        for (int len = name.length() - 1; len >= 2; len--) {
            if (doc.flags().containsKey(name.substring(0, len) + "*")) {
                return text.replace("{suffix}", name.substring(len));
            }
        }
        return text.replace("{suffix}", name);
    }

    private static boolean exact(Command doc, String name) {
        return doc.flags().containsKey(name);
    }

    private String special(ShellCommand c) {
        String line = c.line();
        for (Special s : patterns) {
            if (s.match().matcher(line).lookingAt()) {
                return s.text();
            }
        }
        return null;
    }

    /** Notes for the commands of a script: one per distinct explanation, flags spelled out. */
    List<Analysis.CommandNote> notes(List<ShellCommand> script) {
        return notes(script, null);
    }

    /** Notes, with sh named for what it is on a base image of {@code family} (debian, alpine; null: not known). */
    List<Analysis.CommandNote> notes(List<ShellCommand> script, String family) {
        List<Analysis.CommandNote> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ShellCommand c : script) {
            if (c.name().isEmpty()) {
                continue;
            }
            String text = c.function() ? "Calls " + c.name() + ", a shell function this script defines above." : special(c);
            Command doc = command(c.name());
            if (text == null && doc != null) {
                text = doc.text();
                String sub = doc.subcommands().get(c.subcommand() + " " + c.subcommand(2));
                sub = sub != null ? sub : doc.subcommands().get(c.subcommand());
                if (sub != null) {
                    text = sub;
                }
            }
            if (family != null && shells.containsKey(family) && (c.name().equals("sh") || c.name().equals("/bin/sh"))) {
                text = shells.get(family);
            }
            if (text == null) {
                continue;
            }
            List<Analysis.FlagNote> flags = new ArrayList<>();
            Set<String> flagSeen = new LinkedHashSet<>();
            for (FlagUse f : flags(c)) {
                if (f.text() != null && flagSeen.add(f.flag())) {
                    flags.add(new Analysis.FlagNote(f.flag(), f.value(), f.text(), null));
                }
            }
            String key = text + flagSeen;
            if (seen.add(key)) {
                out.add(new Analysis.CommandNote(Texts.abbreviate(c.text(), 80), text, List.copyOf(flags)));
            }
        }
        return out;
    }

    /** The programs of a script the catalog has nothing on, in order. */
    Set<String> unknown(List<ShellCommand> script) {
        Set<String> out = new LinkedHashSet<>();
        for (ShellCommand c : script) {
            if (!knows(c)) {
                out.add(c.name());
            }
        }
        return out;
    }
}
