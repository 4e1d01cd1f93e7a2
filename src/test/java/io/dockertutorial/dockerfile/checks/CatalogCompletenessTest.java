package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.support.SharedFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every instruction and flag of Docker's reference has an entry in instructions.yml. */
class CatalogCompletenessTest {

    private final Catalog catalog = Catalog.get();

    @Test
    void everyInstructionAndFlagOfTheReferenceIsExplained() throws IOException {
        String reference = Files.readString(SharedFiles.require("reference/dockerfile-reference.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        Matcher sections = Pattern.compile("(?m)^## ([A-Z]+)\\b[^\\n]*\\n(.*?)(?=^## |\\z)", Pattern.DOTALL).matcher(reference);
        int instructions = 0;
        while (sections.find()) {
            String keyword = sections.group(1);
            if (!Instruction.KEYWORDS.contains(keyword)) {
                continue;
            }
            instructions++;
            Catalog.InstructionDoc doc = catalog.instruction(keyword);
            if (doc == null) {
                missing.add(keyword);
                continue;
            }
            String body = sections.group(2);
            // Flags: "### KEYWORD --flag" headings, and the syntax block right after the heading.
            Matcher headings = Pattern.compile("(?m)^### " + keyword + " --([a-z-]+)").matcher(body);
            List<String> flags = new ArrayList<>();
            while (headings.find()) {
                flags.add(headings.group(1));
            }
            Matcher syntax = Pattern.compile("```dockerfile\\n(.*?)```", Pattern.DOTALL).matcher(body);
            if (syntax.find()) {
                Matcher f = Pattern.compile("\\[--([a-z-]+)").matcher(syntax.group(1));
                while (f.find()) {
                    flags.add(f.group(1));
                }
            }
            Matcher options = Pattern.compile("(?m)^- `--([a-z-]+)=").matcher(body);
            while (options.find()) {
                flags.add(options.group(1));
            }
            for (String flag : flags) {
                if (!doc.flags().containsKey(flag.toLowerCase(Locale.ROOT))) {
                    missing.add(keyword + " --" + flag);
                }
            }
            assertThat(doc.summary()).isNotBlank();
            assertThat(doc.explanation()).isNotBlank();
            assertThat(doc.docsUrl()).startsWith("https://docs.docker.com/reference/dockerfile/#");
        }
        assertThat(instructions).isEqualTo(18);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyRuleHasTeachingTextAndBuildKitRulesLinkTheirPage() {
        assertThat(catalog.rules()).hasSizeGreaterThan(30);
        catalog.rules().values().forEach(r -> {
            assertThat(r.message()).as(r.id()).isNotBlank();
            assertThat(r.fix()).as(r.id()).isNotBlank();
        });
        assertThat(catalog.rule("UndefinedVar").url()).isEqualTo("https://docs.docker.com/go/dockerfile/rule/undefined-var/");
    }
}
