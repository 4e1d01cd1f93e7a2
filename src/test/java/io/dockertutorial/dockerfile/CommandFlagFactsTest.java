package io.dockertutorial.dockerfile;

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

    @Test
    void everyExplainedFlagIsInTheToolsOwnHelpOrManual() throws Exception {
        CommandCatalog catalog = Catalog.get().commands();
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
            String help = documentation(name);
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
                Pattern p = Pattern.compile("(?<![\\w-])" + Pattern.quote(flag) + "(?![\\w-])");
                if (!p.matcher(help).find()) {
                    missing.add(name + " " + flag);
                }
            }
        }
        System.out.println("Flag facts checked against --help and man pages: " + checked);
        System.out.println("Not installed here, not checked: " + skipped);
        assertThat(missing).as("flags in commands.yml that the tool's --help and manual do not mention").isEmpty();
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
        String help = run(name, "--help");
        if (help == null && man == null) {
            return null;
        }
        StringBuilder all = new StringBuilder(help == null ? "" : help);
        if (man != null) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(man))) {
                // roff writes - as \- and fonts as \fB…\fR
                all.append('\n').append(new String(in.readAllBytes()).replace("\\-", "-").replaceAll("\\\\f[A-Z]", ""));
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
