package io.dockertutorial.embed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's docs-tool snippets are the configuration of the example sites that DocsSitesBrowserTest builds. */
class IntegrationSnippetsTest {

    static String section(String readme, String heading) {
        int start = readme.indexOf("\n### " + heading);
        assertThat(start).as("README section " + heading).isGreaterThan(0);
        int end = readme.indexOf("\n### ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    static String firstBlock(String section, String language) {
        Matcher m = Pattern.compile("\n```" + language + "\n(.*?)\n```", Pattern.DOTALL).matcher(section);
        assertThat(m.find()).as("a ```" + language + " block").isTrue();
        return m.group(1);
    }

    /** Every line of the snippet (but the placeholder host's) is a line of the tested file. */
    static void snippetIsIn(String snippet, Path tested) throws IOException {
        List<String> lines = Files.readAllLines(tested).stream().map(String::strip).toList();
        snippet.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.contains("YOUR-HOST"))
                .forEach(line -> assertThat(lines).as("%s has the README's line", tested).contains(line));
    }

    @Test
    void docusaurusSnippetsAreTheExampleSites() throws IOException {
        String section = section(Files.readString(Path.of("README.md")), "Docusaurus");
        snippetIsIn(firstBlock(section, "js"), Path.of("integrations/docusaurus/example/docusaurus.config.js"));
        assertThat(Files.readString(Path.of("integrations/docusaurus/example/docs/by-hand.mdx")))
                .contains(firstBlock(section, "jsx").lines().findFirst().orElseThrow());
    }

    @Test
    void mkdocsSnippetIsTheExampleSites() throws IOException {
        String section = section(Files.readString(Path.of("README.md")), "MkDocs");
        snippetIsIn(firstBlock(section, "yaml"), Path.of("integrations/mkdocs/example/mkdocs.yml"));
    }
}
