package io.dockertutorial.embed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's docs-tool snippets are what the app hands out and the configuration of the example sites that
 * DocsSitesBrowserTest builds: install lines with this server's file names, the Docusaurus and MkDocs config,
 * the page loader of the /embed page, the Hugo hook.
 */
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

    /** The README's install line, with VERSION filled in, is the one the /embed page gives for this server's file. */
    static void installLineIs(String section, String tool, String fileName) {
        String line = firstBlock(section, "sh").lines().findFirst().orElseThrow();
        assertThat(line).startsWith(tool + " install https://YOUR-HOST/integrations/");
        String version = line.contains(".whl") ? IntegrationPackages.pythonVersion(PACKAGES.version()) : PACKAGES.version();
        assertThat(line.replace("VERSION", version)).isEqualTo(tool + " install https://YOUR-HOST/integrations/" + fileName);
    }

    static final IntegrationPackages PACKAGES = new IntegrationPackages();

    static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void docusaurusSnippetsAreTheExampleSites() throws IOException {
        String section = section(readme(), "Docusaurus");
        installLineIs(section, "npm", PACKAGES.tarballName());
        String config = firstBlock(section, "js");
        assertThat(config).as("ESM, as the current template").contains("import explainFences from").contains("export default");
        snippetIsIn(config, Path.of("integrations/docusaurus/example/docusaurus.config.js"));
        assertThat(Files.readString(Path.of("integrations/docusaurus/example/docs/by-hand.mdx")))
                .contains(firstBlock(section, "jsx").lines().findFirst().orElseThrow());
    }

    @Test
    void mkdocsSnippetsAreTheExampleSitesAndEmbedJs() throws IOException {
        String section = section(readme(), "MkDocs");
        installLineIs(section, "pip", PACKAGES.wheelName());
        snippetIsIn(firstBlock(section, "yaml"), Path.of("integrations/mkdocs/example/mkdocs.yml"));
        // The zero-install route: Material's own custom fence writes <pre class="CLASS">, which embed.js must take.
        Matcher second = Pattern.compile("\n```yaml\n(.*?)\n```", Pattern.DOTALL).matcher(section);
        assertThat(second.find() && second.find()).as("a second ```yaml block").isTrue();
        String zero = second.group(1);
        assertThat(zero).contains("format: !!python/name:pymdownx.superfences.fence_code_format")
                .contains("name: dockerfile-explain").contains("class: dockerfile-explain");
        assertThat(Files.readString(Path.of("static/js/embed.js"))).contains("'pre.dockerfile-explain,");
    }

    @Test
    void theHtmlLoaderIsTheOneTheEmbedPageGives() throws IOException {
        String section = section(readme(), "Any page");
        assertThat(firstBlock(section, "html")).isEqualTo(EmbedController.loaderSnippet("https://YOUR-HOST"));
        assertThat(section).contains("<script type=\"text/x-dockerfile\" class=\"dockerfile-explain\"");
    }

    @Test
    void theHugoHookIsTheOneThisServerHandsOut() throws IOException {
        String section = section(readme(), "Hugo");
        String hook = "layouts/_default/_markup/render-codeblock-dockerfile.html";
        assertThat(section).contains("https://YOUR-HOST/integrations/render-codeblock-dockerfile.html").contains("`" + hook + "`");
        assertThat(IntegrationsController.HUGO_HOOK).isEqualTo("hugo/" + hook);
        assertThat(Path.of("integrations", IntegrationsController.HUGO_HOOK)).isRegularFile();
        assertThat(Files.readString(Path.of("integrations", IntegrationsController.HUGO_HOOK)))
                .contains(".Attributes.explain").contains("index .Attributes \"max-height\"");
        assertThat(section).contains("```dockerfile {explain=true ");
    }
}
