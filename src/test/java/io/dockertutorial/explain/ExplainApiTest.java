package io.dockertutorial.explain;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole contract of POST /api/explain. */
@SpringBootTest(properties = "tutorial.api-max-body-size=2048")
@AutoConfigureMockMvc
class ExplainApiTest {

    @Autowired
    MockMvc mvc;

    private static final String DOCKERFILE = """
            # syntax=docker/dockerfile:1
            # the base
            FROM golang:1.25 AS build
            RUN --mount=type=cache,target=/root/.cache \\
                go build -o /out/app .
            COPY --link --from=build /out/app /app
            CMD ["/app"]
            """;

    @Test
    void explainsPlainText() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).content(DOCKERFILE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.directives.syntax").value("docker/dockerfile:1"))
                .andExpect(jsonPath("$.directives.escape").value("\\"))
                .andExpect(jsonPath("$.directives.check").value(nullValue()))
                .andExpect(jsonPath("$.instructions[0].keyword").value("FROM"))
                .andExpect(jsonPath("$.instructions[0].comment").value("the base"))
                .andExpect(jsonPath("$.instructions[0].stage").value("build"))
                .andExpect(jsonPath("$.instructions[0].docsUrl").value("https://docs.docker.com/reference/dockerfile/#from"))
                .andExpect(jsonPath("$.instructions[1].keyword").value("RUN"))
                .andExpect(jsonPath("$.instructions[1].startLine").value(4))
                .andExpect(jsonPath("$.instructions[1].endLine").value(5))
                .andExpect(jsonPath("$.instructions[1].form").value("shell"))
                .andExpect(jsonPath("$.instructions[1].source").value(
                        "RUN --mount=type=cache,target=/root/.cache \\\n    go build -o /out/app ."))
                .andExpect(jsonPath("$.instructions[1].flags[0].name").value("mount"))
                .andExpect(jsonPath("$.instructions[1].flags[0].value").value("type=cache,target=/root/.cache"))
                .andExpect(jsonPath("$.instructions[1].comment").value(nullValue()))
                .andExpect(jsonPath("$.instructions[2].flags[0].name").value("link"))
                .andExpect(jsonPath("$.instructions[2].flags[0].value").value(nullValue()))
                .andExpect(jsonPath("$.instructions[2].summary", containsString("Copies")))
                .andExpect(jsonPath("$.warnings[*].rule", hasItem("NoUser")))
                .andExpect(jsonPath("$.warnings[0].severity").value("warning"))
                // what each line changed; the full image state on the stage's last line
                .andExpect(jsonPath("$.instructions[0].change[0].kind").value("stage"))
                .andExpect(jsonPath("$.instructions[0].change[0].text").value("FROM → golang:1.25 AS build"))
                .andExpect(jsonPath("$.instructions[3].change[0].kind").value("cmd"))
                .andExpect(jsonPath("$.instructions[3].change[0].value").value("[\"/app\"]"))
                .andExpect(jsonPath("$.instructions[0].state").value(nullValue()))
                .andExpect(jsonPath("$.instructions[3].state.cmd[0]").value("/app"))
                .andExpect(jsonPath("$.instructions[3].state.runs[0]").value("/app"))
                .andExpect(jsonPath("$.instructions[3].state.user").value("root"))
                .andExpect(jsonPath("$.instructions[3].state.shell[0]").value("/bin/sh"))
                .andExpect(jsonPath("$.instructions[3].state.stopSignal").value("SIGTERM"))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void theFullStateAfterEveryLineOnRequest() throws Exception {
        // the image after each line, with what the golang image itself sets
        mvc.perform(post("/api/explain?state=full").contentType(MediaType.TEXT_PLAIN).content(DOCKERFILE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instructions[0].change[0].kind").value("stage"))
                .andExpect(jsonPath("$.instructions[0].state.stage").value("build"))
                .andExpect(jsonPath("$.instructions[0].state.workdir").value("/go"))
                .andExpect(jsonPath("$.instructions[0].state.env.GOPATH").value("/go"))
                .andExpect(jsonPath("$.instructions[0].state.cmd[0]").value("bash"))
                .andExpect(jsonPath("$.instructions[3].state.cmd[0]").value("/app"));
        mvc.perform(post("/api/explain?state=everything").contentType(MediaType.TEXT_PLAIN).content(DOCKERFILE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("state=full")));
    }

    @Test
    void thePanelShowsTheChangeFirstThenTheState() throws Exception {
        String html = mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).accept(MediaType.TEXT_HTML)
                        .content("FROM alpine:3.22\nWORKDIR /app\nENV MODE=prod\nCOPY app.py .\n"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html)
                .contains("<ul class=\"note-change\"><li class=\"change-workdir\"><code>WORKDIR → /app</code></li></ul><dl>")
                .contains("<li class=\"change-env\"><code>ENV MODE set</code>: <code>prod</code></li>")
                .contains("<li class=\"change-file\"><code>+ app.py</code></li>");
    }

    @Test
    void explainsJsonBodiesAndHeredocs() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dockerfile\": \"FROM alpine:3.22\\nRUN <<EOF\\necho hi\\nEOF\\nCMD [\\\"sh\\\"]\\n\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instructions[1].heredocs[0].name").value("EOF"))
                .andExpect(jsonPath("$.instructions[1].heredocs[0].body").value("echo hi\n"))
                .andExpect(jsonPath("$.instructions[1].endLine").value(4))
                .andExpect(jsonPath("$.instructions[2].form").value("exec"))
                .andExpect(jsonPath("$.instructions[2].arguments[0]").value("sh"));
    }

    @Test
    void aBrokenDockerfileIsStillA200WithErrors() throws Exception {
        mvc.perform(post("/api/explain").contentType("text/plain;charset=UTF-8").content("FROM alpine\nRUNN echo\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].message", containsString("did you mean RUN?")));
    }

    @Test
    void hostileTextComesBackAsPlainJsonStrings() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN)
                        .content("FROM alpine\nLABEL x=\"</script><img src=x onerror=alert(1)>\"\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instructions[1].source").value("LABEL x=\"</script><img src=x onerror=alert(1)>\""));
    }

    @Test
    void oversizedBodiesGet413() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).content("#".repeat(3000)))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("2048 bytes")));
    }

    @Test
    void unsupportedContentTypeGets415() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.APPLICATION_XML).content("<x/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/explain").content("FROM alpine"))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void malformedJsonGets400() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.APPLICATION_JSON).content("{\"dockerfile\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(post("/api/explain").contentType(MediaType.APPLICATION_JSON).content("{\"dockerfile\": 42}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).content(new byte[]{(byte) 0xff, 0x41}))
                .andExpect(status().isBadRequest());
    }

    @Test
    void crossOriginReadsAreAllowed() throws Exception {
        mvc.perform(post("/api/explain").header("Origin", "https://docs.example.org")
                        .contentType(MediaType.TEXT_PLAIN).content("FROM alpine:3.22"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(options("/api/explain").header("Origin", "https://docs.example.org")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin",
                        org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is("*"),
                                org.hamcrest.Matchers.is("https://docs.example.org"))));
    }

    @Test
    void answersWithTheExplainerHtmlWhenAskedForHtml() throws Exception {
        mvc.perform(post("/api/explain").accept(MediaType.TEXT_HTML).contentType(MediaType.TEXT_PLAIN)
                        .content("FROM alpine\nLABEL x=\"</script><img src=x onerror=alert(1)>\"\n"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("data-explainer")))
                .andExpect(content().string(containsString("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<img src=x"))));
        mvc.perform(post("/api/explain").accept(MediaType.TEXT_HTML).contentType(MediaType.TEXT_PLAIN)
                        .content("#".repeat(3000)))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().string(containsString("explainer-error")));
    }

    @Test
    void servesItsOpenApiDescription() throws Exception {
        mvc.perform(get("/api/openapi.yaml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/explain")));
    }
}
