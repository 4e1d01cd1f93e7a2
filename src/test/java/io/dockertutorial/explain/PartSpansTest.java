package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the explainer's flag and command entries point in the code. */
class PartSpansTest {

    private static Document render(String dockerfile) {
        Analysis analysis = new Explainer().explain(dockerfile);
        return Jsoup.parse(DockerfileBlockHtml.render("dockerfile-1", null, dockerfile, analysis));
    }

    /** The text the spans of one entry cover, piece by piece, read back from the source lines. */
    private static List<String> covered(String dockerfile, Document doc, String part, int instruction) {
        String span = doc.select(".explainer-note[data-instruction=" + instruction + "] [data-part=" + part + "]").attr("data-span");
        String[] lines = dockerfile.split("\n", -1);
        return java.util.Arrays.stream(span.split(",")).filter(s -> !s.isEmpty()).map(s -> {
            String[] at = s.split("[:-]");
            return lines[Integer.parseInt(at[0]) - 1].substring(Integer.parseInt(at[1]), Integer.parseInt(at[2]));
        }).toList();
    }

    @Test
    void flagsAndCommandsOnOneLine() {
        String file = "FROM golang:1.25 AS build\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n"
                + "COPY --from=build --chown=app:app /out /app\n";
        Document doc = render(file);
        assertThat(covered(file, doc, "f0", 1)).containsExactly("--mount=type=cache,target=/go/pkg/mod");
        assertThat(covered(file, doc, "c0", 1)).containsExactly("go mod download");
        assertThat(covered(file, doc, "f0", 2)).containsExactly("--from=build");
        assertThat(covered(file, doc, "f1", 2)).containsExactly("--chown=app:app");
    }

    @Test
    void aCommandAcrossContinuationLinesIsOnePiecePerLine() {
        String file = "FROM debian:bookworm-slim\nRUN apt-get update \\\n    && apt-get install -y \\\n       curl \\\n"
                + "    && rm -rf /var/lib/apt/lists/*\n";
        Document doc = render(file);
        List<String> parts = doc.select(".explainer-note[data-instruction=1] [data-part]").eachAttr("data-part");
        assertThat(parts).isNotEmpty();
        List<String> all = parts.stream().flatMap(p -> covered(file, doc, p, 1).stream()).toList();
        assertThat(all).contains("apt-get update", "apt-get install -y", "curl");
        assertThat(all).noneMatch(s -> s.startsWith(" ") || s.endsWith(" ") || s.endsWith("\\"));
    }

    @Test
    void aShortenedCommandStillCoversTheWholeCommand() {
        String longArgs = " -o /out/server -ldflags \"-s -w -X main.version=1.2.3 -X main.commit=abcdef\" -trimpath ./cmd/server";
        String file = "FROM golang:1.25\nRUN CGO_ENABLED=0 go build" + longArgs + " && echo done\n";
        Document doc = render(file);
        assertThat(doc.select(".explainer-note[data-instruction=1] [data-part=c0] code").first().text()).endsWith("…");
        assertThat(covered(file, doc, "c0", 1)).containsExactly("go build" + longArgs);
    }

    @Test
    void somethingThatCannotBeFoundGetsNoSpanAndNothingBreaks() {
        String file = "FROM alpine:3.22\nRUN [\"apk\", \"add\", \"curl\"]\n";
        Document doc = render(file);
        assertThat(doc.select("[data-span]").eachAttr("data-span")).allMatch(s -> s.matches("(\\d+:\\d+-\\d+,?)+"));
    }
}
