package io.dockertutorial.compose;

import io.dockertutorial.compose.checks.Finding;
import io.dockertutorial.compose.model.PortSpec;
import io.dockertutorial.compose.narration.Note;
import io.dockertutorial.compose.syntax.Interpolation;
import io.dockertutorial.compose.syntax.YamlTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Compose explainer's stages: paths and lines, interpolation, what the file runs, findings, budgets. */
class ComposeExplainerTest {

    private final ComposeExplainer explainer = new ComposeExplainer();

    private Note note(ComposeAnalysis a, String context) {
        return a.notes().stream().filter(n -> n.context().equals(context)).findFirst().orElseThrow(
                () -> new AssertionError(context + " not in " + a.notes().stream().map(Note::context).toList()));
    }

    private List<String> rules(ComposeAnalysis a) {
        return a.findings().stream().map(Finding::rule).toList();
    }

    @Test
    void everyKeyAndItemIsANoteInItsContextWithItsLines() {
        ComposeAnalysis a = explainer.explain("""
                services:
                  web:
                    image: nginx:1.30
                    ports:
                      - "127.0.0.1:8080:80"
                    command: >
                      nginx -g
                      'daemon off;'
                    depends_on:
                      db:
                        condition: service_healthy
                  db:
                    image: postgres:18
                    healthcheck:
                      test: ["CMD", "pg_isready", "-h", "localhost"]
                """);
        assertThat(note(a, "services.web.ports[0]").startLine()).isEqualTo(5);
        assertThat(note(a, "services.web.command").startLine()).isEqualTo(6);
        assertThat(note(a, "services.web.command").endLine()).isEqualTo(8);
        assertThat(note(a, "services.web.depends_on.db.condition").explanation()).contains("health check passes");
        assertThat(note(a, "services.web.ports[0]").explanation()).contains("127.0.0.1").contains("only from this machine");
        assertThat(note(a, "services.web.ports[0]").parts()).extracting(Note.Part::role)
                .containsExactly("host-address", "host-port", "container-port");
        assertThat(note(a, "services.web.ports[0]").parts().get(1).spans()).containsExactly(new Note.Span(5, 20, 24));
        assertThat(note(a, "services.db.healthcheck.test").explanation()).contains("without a shell");
        assertThat(a.summary()).contains("Start order: db, then web").contains("127.0.0.1:8080 → 80/tcp");
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void aListItemAndItsFirstKeyShareOneNote() {
        ComposeAnalysis a = explainer.explain("""
                services:
                  app:
                    image: busybox:1.37
                    develop:
                      watch:
                        - action: sync
                          path: ./src
                          target: /app
                """);
        Note action = note(a, "services.app.develop.watch[0].action");
        assertThat(action.startLine()).isEqualTo(6);
        assertThat(action.explanation()).contains("Copies the changed files").contains("watch rule");
        assertThat(a.notes().stream().filter(n -> n.startLine() == 6)).hasSize(1);
    }

    @Test
    void variablesSayWhereTheirValueComesFrom() {
        ComposeAnalysis a = explainer.explain("""
                services:
                  db:
                    image: postgres:${PG_TAG:-18}
                    environment:
                      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it in .env}
                      PRICE: "$$5"
                """, Map.of("PG_TAG", "17"));
        Note image = note(a, "services.db.image");
        assertThat(image.parts()).singleElement().satisfies(p -> {
            assertThat(p.summary()).contains("PG_TAG").contains("\"18\" when it is unset or empty");
            assertThat(p.explanation()).contains(".env file").contains("Here PG_TAG is \"17\"");
        });
        assertThat(note(a, "services.db.environment.POSTGRES_PASSWORD").parts().get(0).summary())
                .contains("required").contains("set it in .env");
        assertThat(note(a, "services.db.environment.PRICE").parts().get(0).role()).isEqualTo("escaped-dollar");
        assertThat(a.project().services().get("db").image()).isEqualTo("postgres:17");
        assertThat(rules(a)).doesNotContain("compose-secret-in-environment");
    }

    @Test
    void interpolationFollowsCompose() {
        Map<String, String> env = Map.of("SET", "x", "EMPTY", "");
        assertThat(Interpolation.resolve("${UNSET:-d}${EMPTY:-e}${EMPTY-f}${SET:+g}", env).value()).isEqualTo("deg");
        assertThat(Interpolation.resolve("${UNSET:-${SET}}-$SET-$$-$ 5", env).value()).isEqualTo("x-x-$-$ 5");
        assertThat(Interpolation.resolve("${EMPTY:?needed}", env).error()).contains("needed");
        assertThat(Interpolation.resolve("${EMPTY?needed}", env).error()).isNull();
        assertThat(Interpolation.parse("${1abc}").error()).contains("not a variable");
        assertThat(Interpolation.parse("${OPEN").error()).contains("no closing");
    }

    @Test
    void portsAreReadAsComposeReadsThem() {
        assertThat(PortSpec.parse("80")).containsExactly(new PortSpec(null, null, 80, "tcp"));
        assertThat(PortSpec.parse("127.0.0.1::70")).containsExactly(new PortSpec("127.0.0.1", null, 70, "tcp"));
        assertThat(PortSpec.parse("[::1]:9090:90/udp")).containsExactly(new PortSpec("::1", "9090", 90, "udp"));
        assertThat(PortSpec.parse("8000-8001:8000-8001")).containsExactly(
                new PortSpec(null, "8000", 8000, "tcp"), new PortSpec(null, "8001", 8001, "tcp"));
        assertThat(PortSpec.parse("9000-9005:99")).containsExactly(new PortSpec(null, "9000-9005", 99, "tcp"));
        assertThat(PortSpec.parse("not a port")).isEmpty();
    }

    @Test
    void findingsForWhatTheIssueNames() {
        ComposeAnalysis a = explainer.explain("""
                version: "3.8"
                services:
                  web:
                    image: nginx
                    ports:
                      - "8080:80"
                      - target: 443
                        published: "8443"
                    environment:
                      - API_TOKEN=abc123
                      - API_TOKEN_FILE=/run/secrets/token
                    depends_on:
                      - db
                      - cache
                  db:
                    image: postgres:latest
                  cache:
                    image: registry.example.com/tools/cache@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                """);
        assertThat(a.findings()).extracting(Finding::rule, Finding::line).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("compose-version-obsolete", 1),
                org.assertj.core.groups.Tuple.tuple("compose-image-latest", 4),
                org.assertj.core.groups.Tuple.tuple("compose-port-all-interfaces", 6),
                org.assertj.core.groups.Tuple.tuple("compose-port-all-interfaces", 7),
                org.assertj.core.groups.Tuple.tuple("compose-secret-in-environment", 10),
                org.assertj.core.groups.Tuple.tuple("compose-depends-on-database-started", 13),
                org.assertj.core.groups.Tuple.tuple("compose-image-latest", 16));
        assertThat(note(a, "services.web.ports[0]").findings()).extracting(Finding::rule)
                .containsExactly("compose-port-all-interfaces");
    }

    @Test
    void unknownKeysComeFromTheSchemaWithTheLikelyKey() {
        ComposeAnalysis a = explainer.explain("""
                services:
                  web:
                    image: nginx:1.30
                    restart: no
                    portz:
                      - "127.0.0.1:8080:80"
                    depends_on:
                      db:
                        condition: service_healty
                  db:
                    image: postgres:18
                x-common: &common
                  anything: goes
                """);
        assertThat(a.findings()).filteredOn(f -> f.rule().equals("compose-unknown-key")).singleElement()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(5);
                    assertThat(f.message()).contains("portz").contains("Did you mean `ports`?");
                });
        assertThat(a.findings()).filteredOn(f -> f.rule().equals("compose-schema")).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(9));
        // "restart: no" is text for Compose (YAML 1.2), so it is valid.
        assertThat(a.findings()).noneMatch(f -> f.line() == 4);
        assertThat(note(a, "x-common").summary()).contains("extension");
    }

    @Test
    void anchorsAliasesAndMergesAreExplainedWhereTheyAreWritten() {
        ComposeAnalysis a = explainer.explain("""
                x-env: &env
                  TZ: UTC
                services:
                  a:
                    image: busybox:1.37
                    environment: *env
                  b:
                    <<: &base
                      image: busybox:1.37
                    environment: *env
                """);
        assertThat(note(a, "services.a.environment").summary()).contains("Reuses the value anchored as &env");
        assertThat(note(a, "services.a.environment").startLine()).isEqualTo(6);
        assertThat(note(a, "services.b.<<").summary()).contains("Merges");
        assertThat(a.project().services().get("b").image()).isEqualTo("busybox:1.37");
        assertThat(a.findings()).isEmpty();
    }

    @Test
    @Timeout(10)
    void billionLaughsIsRefusedNotExpanded() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append("]\n");
        }
        ComposeAnalysis a = explainer.explain(y + "services:\n  s:\n    image: busybox:1.37\n    command: *j\n");
        assertThat(a.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("aliases"));
    }

    @Test
    @Timeout(10)
    void deepNestingLongFilesAndJunkAreAnswersNotCrashes() {
        String deep = "services:\n  s:\n    x-deep: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        assertThat(explainer.explain(deep).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("nested"));
        String big = "services:\n" + "  s:\n    image: busybox:1.37\n".repeat(1) + "#".repeat(YamlTree.MAX_CODE_POINTS + 1);
        assertThat(explainer.explain(big).errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("KB"));
        for (String junk : List.of("", "---\n---\n", "- a\n- b\n", "services: [\n", "\t\u0000", "? [a]\n: b\n",
                "services:\n  a: 1\n  a: 2\n", "services:\n  web:\n    image: *nope\n", "42", "services: ~\n")) {
            ComposeAnalysis a = explainer.explain(junk);
            assertThat(a.errors().isEmpty() && a.findings().isEmpty() && a.notes().isEmpty())
                    .as("something is said about %s", junk).isFalse();
        }
    }
}
