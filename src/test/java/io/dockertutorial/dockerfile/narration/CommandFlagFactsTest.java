package io.dockertutorial.dockerfile.narration;

import io.dockertutorial.dockerfile.checks.Catalog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flags commands.yml explains exist: for every command installed on this machine, each flag
 * spelling must appear in the tool's own --help or manual page. (What a flag means is checked by
 * reading those pages; this test keeps typos and invented flags out.) Commands that are not installed
 * here are skipped and listed.
 */
class CommandFlagFactsTest {

    /** Tools whose manual documents another's options: apt takes apt-get's. */
    private static final Map<String, String> DOCUMENTED_WITH = Map.of("apt", "apt-get");

    /** More documentation: npm's own manual pages, jlink's plugin options, gcc's --help=common. */
    private static final Map<String, List<String>> EXTRA_DOCS = Map.of(
            "npm", List.of("/usr/lib/node_modules/npm/man/man1", "/usr/lib/node_modules/npm/man/man7"),
            "jlink", List.of("--list-plugins"),
            "gcc", List.of("-v", "--help=common", "--help=optimizers"));

    /** Flags newer than the tool installed here, with the evidence that they exist. */
    private static final Map<String, String> UNDOCUMENTED_HERE = Map.of(
            "apt-get --update", "apt 3.0 (Debian 13); this machine has apt 2.6. docker-library/httpd's trixie image runs apt-get install --update",
            "gcc -static", "a link option: gcc --help lists none of them and the gcc-doc manual is not installed here",
            "gcc -s", "a link option: gcc --help lists none of them and the gcc-doc manual is not installed here");

    @Test
    void everyExplainedFlagIsInTheToolsOwnHelpOrManual() throws Exception {
        CommandCatalog catalog = CommandCatalog.get();
        List<String> missing = new ArrayList<>();
        TreeSet<String> checked = new TreeSet<>();
        TreeSet<String> skipped = new TreeSet<>();
        for (String name : new TreeSet<>(catalog.names())) {
            if (!name.matches("[a-z][a-z0-9.+-]*")) {
                continue;
            }
            CommandCatalog.Command doc = catalog.command(name);
            if (!doc.name().equals(name) || doc.flags().isEmpty()) {
                continue;
            }
            String help = documentation(DOCUMENTED_WITH.getOrDefault(name, name));
            if (help != null) {
                // Subcommands document their own flags: git clone --depth, npm install --omit, cargo build --release.
                StringBuilder all = new StringBuilder(help);
                for (String sub : doc.subcommands().keySet()) {
                    String subHelp = documentation(name + "-" + sub);
                    all.append('\n').append(subHelp == null ? "" : subHelp);
                    String run = run(name, sub, "--help");
                    all.append('\n').append(run == null ? "" : run);
                }
                help = all.toString();
            }
            if (help == null) {
                skipped.add(name);
                continue;
            }
            checked.add(name);
            for (Map.Entry<String, CommandCatalog.Flag> f : doc.flags().entrySet()) {
                String flag = f.getKey();
                String text = f.getValue().text();
                // Other programs' flags that share the entry (BusyBox's adduser, cargo-chef, uv pip, subcommands' tools)
                if (flag.endsWith("*") || text.startsWith("BusyBox") || text.startsWith("(")) {
                    continue;
                }
                // --no-X is the negation of a documented --X (apt, npm and GNU tools accept both)
                String positive = flag.startsWith("--no-") ? "--" + flag.substring(5) : flag;
                if (!documents(help, flag) && !documents(help, positive) && !UNDOCUMENTED_HERE.containsKey(name + " " + flag)) {
                    missing.add(name + " " + flag);
                }
            }
        }
        System.out.println("Flag facts checked against --help and man pages: " + checked);
        System.out.println("Not installed here, not checked: " + skipped);
        assertThat(missing).as("flags in commands.yml that the tool's --help and manual do not mention").isEmpty();
    }

    private static boolean documents(String help, String flag) {
        return Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])").matcher(help).find();
    }

    /** The tool's --help output and manual page text, or {@code null} when the tool is not installed. */
    private static String documentation(String name) throws IOException, InterruptedException {
        Path man = null;
        for (String section : List.of("1", "8")) {
            Path p = Path.of("/usr/share/man/man" + section + "/" + name + "." + section + ".gz");
            if (Files.exists(p)) {
                man = p;
            }
        }
        String help = name.contains("-") && !Files.exists(Path.of("/usr/bin/" + name)) ? null : run(name, "--help");
        for (String extra : EXTRA_DOCS.getOrDefault(name, List.of())) {
            Path p = Path.of(extra);
            if (Files.isDirectory(p)) {
                try (var files = Files.list(p)) {
                    for (Path f : files.toList()) {
                        help = (help == null ? "" : help) + "\n" + Files.readString(f).replace("\\-", "-").replace("\\fI", " ")
                                .replaceAll("\\\\f[A-Z]", "");
                    }
                }
            } else if (!extra.startsWith("/")) {
                String out = run(name, extra);
                help = (help == null ? "" : help) + "\n" + (out == null ? "" : out);
            }
        }
        if (help == null && man == null) {
            return null;
        }
        StringBuilder all = new StringBuilder(help == null ? "" : help);
        if (man != null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(man))) {
                // roff writes - as \- and fonts as \fB…\fR
                // roff: \- is a dash; \fI (italic, an argument) becomes a blank, other font changes vanish
                all.append('\n').append(new String(in.readAllBytes()).replace("\\-", "-").replace("\\fI", " ")
                        .replaceAll("\\\\f[A-Z]", ""));
            }
        }
        return all.toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return null;
        }
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out.toString();
    }
}
