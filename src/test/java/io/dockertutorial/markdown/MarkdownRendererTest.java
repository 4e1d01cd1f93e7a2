package io.dockertutorial.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void docusaurusAdmonitionsWithAndWithoutTitle() {
        String html = renderer.render("""
                :::tip Point at any line
                Body **bold**.
                :::

                :::warning[Careful]
                Watch out.
                :::

                :::note
                Plain.
                :::
                """).html();
        assertThat(html).contains("<aside class=\"admonition admonition-tip\"")
                .contains("Point at any line</p>")
                .contains("<strong>bold</strong>")
                .contains("admonition-warning").contains("Careful</p>")
                .contains("admonition-note").contains(">Note</p>")
                .doesNotContain(":::").doesNotContain("<svg");
    }

    @Test
    void mkdocsAdmonitions() {
        String html = renderer.render("!!! danger \"Do not\"\n    Never do this.\n").html();
        assertThat(html).contains("admonition-danger").contains("Do not</p>").contains("Never do this.");
    }

    @Test
    void colonsInsideCodeFencesAreNotAdmonitions() {
        String html = renderer.render("```yaml\n:::note\n```\n").html();
        assertThat(html).doesNotContain("admonition").contains(":::note");
    }

    @Test
    void codeFenceCaptionLanguageAnyCaseAndHighlighting() {
        RenderedMarkdown out = renderer.render("```Dockerfile title=\"Dockerfile\"\n# base\nFROM python:3.13-slim\n```\n");
        assertThat(out.html())
                .contains("<figcaption class=\"code-title\">Dockerfile</figcaption>")
                .contains("data-lang=\"dockerfile\"")
                .contains("<span class=\"tok-comment\"># base</span>")
                .contains("<span class=\"tok-keyword\">FROM</span>")
                .contains("data-line=\"2\"");
        assertThat(out.fences()).singleElement().satisfies(f -> {
            assertThat(f.isDockerfile()).isTrue();
            assertThat(f.title()).isEqualTo("Dockerfile");
        });
    }

    @Test
    void highlightsShellPythonYamlJson() {
        String html = renderer.render("""
                ```bash
                $ docker run --rm -p 8080:80 "nginx"
                ```
                ```python
                def main():
                    return "hi"  # done
                ```
                ```yaml
                services:
                  web:
                    image: nginx
                ```
                ```json
                {"a": true, "n": 1}
                ```
                """).html();
        assertThat(html).contains("<span class=\"tok-prompt\">$</span>")
                .contains("<span class=\"tok-flag\">--rm</span>")
                .contains("<span class=\"tok-keyword\">def</span>")
                .contains("<span class=\"tok-comment\"># done</span>")
                .contains("<span class=\"tok-key\">services</span>")
                .contains("<span class=\"tok-key\">&quot;a&quot;</span>")
                .contains("<span class=\"tok-keyword\">true</span>");
    }

    @Test
    void copyButtonCopiesCommandsWithoutPromptsOrOutput() {
        String html = renderer.render("```console\n$ docker ps \\\n  --all\nCONTAINER ID\n$ docker images\n```\n").html();
        assertThat(html).contains("data-copy=\"docker ps \\&#10;  --all&#10;docker images\"");
    }

    @Test
    void tablesTaskListsHeadingIdsAndToc() {
        RenderedMarkdown out = renderer.render("""
                ## First part

                | a | b |
                |---|---|
                | 1 | 2 |

                - [x] done
                - [ ] todo

                ### Inner detail

                #### Not in the TOC
                """);
        assertThat(out.html()).contains("<table").contains("<td>1</td>")
                .contains("type=\"checkbox\"")
                .contains("<h2 id=\"first-part\">").contains("<h3 id=\"inner-detail\">");
        assertThat(out.toc()).containsExactly(new TocEntry(2, "first-part", "First part"),
                new TocEntry(3, "inner-detail", "Inner detail"));
    }

    @Test
    void rawHtmlAndScriptLinksAreNeutralised() {
        String html = renderer.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>\n")
                .html();
        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript:")
                .contains("&lt;script&gt;");
    }

    @Test
    void hostileCodeFenceAttributesAreEscaped() {
        String html = renderer.render("```bash title=\"<img src=x onerror=alert(1)>\"\necho '</code></pre><script>'\n```\n")
                .html();
        assertThat(html).doesNotContain("<img").doesNotContain("<script").contains("&lt;img src=x");
    }

    @Test
    void absurdNestingIsReportedNotACrash() {
        String deep = "> ".repeat(20_000) + "x\n" + "- ".repeat(20_000) + "y\n";
        try {
            renderer.render(deep);
        } catch (MarkdownFormatException e) {
            assertThat(e.getMessage()).contains("nests too deeply");
        }
    }

    @Test
    void aLabStepCanSayWhyItCannotRunInASandboxAndTheReasonIsEscaped() {
        String html = renderer.render("```sh lab sandbox-note=\"rootless: <b>no</b> overlay & 'no' mesh\"\necho hi\n```\n\n"
                + "```sh lab\necho plain\n```\n\n```sh sandbox-note=\"not a lab\"\necho text\n```\n").html();
        assertThat(html).contains("data-lab data-no-sandbox=\"rootless: &lt;b&gt;no&lt;/b&gt; overlay &amp; &#39;no&#39; mesh\"")
                .doesNotContain("<b>no</b>").doesNotContain("not a lab");
        assertThat(html.split("data-no-sandbox", -1)).hasSize(2);
        assertThat(html.split("data-lab", -1)).hasSize(3);
    }
}
