package io.dockertutorial.explain;

import io.dockertutorial.dockerfile.narration.Explainer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer of POST /api/explain grows with the file, not with its square: each instruction carries its
 * change, and the full state only where asked (issue 21, item 7).
 */
class AnswerSizeTest {

    private final Explainer explainer = new Explainer();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A stage of {@code count} instructions that each set something: ENV (one growing PATH), ARG, COPY, WORKDIR… */
    static String dockerfile(int count) {
        StringBuilder s = new StringBuilder("FROM python:3.13-slim\n");
        String[] pattern = {
            "ENV VAR_%d=value-%d",
            "ENV PATH=/opt/tool%d/bin:$PATH",
            "ARG VERSION_%d=1.%d",
            "COPY requirements-%d.txt /app/",
            "RUN pip install --no-cache-dir package%d==1.%d",
            "WORKDIR /app/dir%d",
            "USER user%d",
            "EXPOSE %d",
            "LABEL org.example.n%d=\"%d\"",
            "CMD [\"python\", \"app%d.py\"]",
        };
        for (int i = 1; i < count; i++) {
            String line = pattern[(i - 1) % pattern.length];
            s.append(line.contains("EXPOSE") ? String.format(line, 1000 + i) : line.replace("%d", String.valueOf(i)))
                    .append('\n');
        }
        return s.toString();
    }

    private String answer(int count, boolean full) {
        return json.writeValueAsString(ExplainResponse.of(explainer.explain(dockerfile(count)), full));
    }

    @Test
    void aTenTimesLongerFileGivesAtMostFourteenTimesTheAnswer() {
        // 1,000 instructions that each grow the state: near the engine's state budget (Snapshots.MAX_STATE_ENTRIES in dockerfile.state).
        int small = answer(100, false).length();
        int large = answer(1000, false).length();
        assertThat((double) large / small).as("1,000 instructions: %d bytes, 100: %d", large, small).isLessThanOrEqualTo(14);
    }

    /** Stages of 20 such instructions, as real long files are: many stages, each of moderate length. */
    static String stages(int count) {
        StringBuilder s = new StringBuilder();
        for (int n = 0; n * 20 < count; n++) {
            s.append(dockerfile(20).replace("FROM python:3.13-slim", "FROM python:3.13-slim AS s" + n));
        }
        return s.toString();
    }

    @Test
    void twoThousandInstructionsGiveAtMostFourteenTimesTheAnswerOfTwoHundred() {
        int small = json.writeValueAsString(ExplainResponse.of(explainer.explain(stages(200)), false)).length();
        int large = json.writeValueAsString(ExplainResponse.of(explainer.explain(stages(2000)), false)).length();
        System.out.printf("answer size: 2,000 instructions %d bytes, 200 instructions %d bytes, ratio %.1f%n",
                large, small, (double) large / small);
        assertThat((double) large / small).as("2,000 instructions: %d bytes, 200: %d", large, small).isLessThanOrEqualTo(14);
    }

    @Test
    void theFullStateOnEveryLineIsStillThereWhenAskedFor() {
        // Not linear (that is why it is not the default), but unchanged for clients that need it.
        int lean = answer(200, false).length();
        int full = answer(200, true).length();
        assertThat(full).isGreaterThan(2 * lean);
    }

    @Test
    void filesAreListedInTheOrderTheFileGivesThem() {
        // Map.copyOf would list them in an order that changes from one JVM start to the next.
        StringBuilder s = new StringBuilder("FROM python:3.13-slim\nCOPY");
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            names.add("f" + (char) ('z' - k) + k + ".txt");
            s.append(" f").append((char) ('z' - k)).append(k).append(".txt");
        }
        s.append(" /app/\n");
        JsonNode copy = json.readTree(json.writeValueAsString(ExplainResponse.of(explainer.explain(s.toString()), true)))
                .get("instructions");
        List<String> listed = new ArrayList<>();
        copy.get(1).get("change").forEach(c -> listed.add(c.get("text").asString()));
        assertThat(listed).containsExactlyElementsOf(names.stream().map(n -> "+ " + n).toList());
    }

    @Test
    void everyInstructionSaysWhatItChanged() {
        JsonNode all = json.readTree(answer(12, false)).get("instructions");
        assertThat(all.get(0).get("change").get(0).get("kind").asString()).isEqualTo("stage");
        assertThat(all.get(0).get("change").get(0).get("text").asString()).isEqualTo("FROM → python:3.13-slim");
        assertThat(all.get(1).get("change").get(0).get("text").asString()).isEqualTo("ENV VAR_1 set");
        assertThat(all.get(1).get("change").get(0).get("value").asString()).isEqualTo("value-1");
        assertThat(all.get(2).get("change").get(0).get("text").asString()).isEqualTo("ENV PATH changed");
        assertThat(all.get(2).get("change").get(0).get("value").asString()).startsWith("/opt/tool2/bin:/usr/local/bin");
        assertThat(all.get(3).get("change").get(0).get("text").asString()).isEqualTo("ARG VERSION_3 set");
        assertThat(all.get(4).get("change").get(0).get("text").asString()).isEqualTo("+ requirements-4.txt");
        assertThat(all.get(5).get("change")).isEmpty();
        assertThat(all.get(6).get("change").get(0).get("text").asString()).isEqualTo("WORKDIR → /app/dir6");
        assertThat(all.get(7).get("change").get(0).get("text").asString()).isEqualTo("USER → user7");
        assertThat(all.get(8).get("change").get(0).get("text").asString()).isEqualTo("EXPOSE 1008/tcp");
        assertThat(all.get(10).get("change").get(0).get("text").asString()).isEqualTo("CMD set");
        assertThat(all.get(10).get("change").get(0).get("value").asString()).isEqualTo("[\"python\", \"app10.py\"]");
        // the full state only on the stage's last instruction
        for (int k = 0; k < all.size() - 1; k++) {
            assertThat(all.get(k).get("state").isNull()).as("state of instruction %d", k).isTrue();
        }
        assertThat(all.get(all.size() - 1).get("state").get("env").get("VAR_1").asString()).isEqualTo("value-1");
    }
}
