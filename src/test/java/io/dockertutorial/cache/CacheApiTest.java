package io.dockertutorial.cache;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The contract of POST /api/cache. */
@SpringBootTest(properties = "tutorial.api-max-body-size=2048")
@AutoConfigureMockMvc
class CacheApiTest {

    @Autowired
    MockMvc mvc;

    private static final String DOCKERFILE = "FROM python:3.13-slim\\nWORKDIR /app\\nCOPY requirements.txt .\\n"
            + "RUN pip install -r requirements.txt\\nCOPY . .\\nCMD [\\\"python\\\", \\\"app.py\\\"]\\n";

    private ResultActions post(String json) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/cache")
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void answersWhichLinesRebuildAndWhy() throws Exception {
        post("{\"dockerfile\": \"" + DOCKERFILE + "\", \"context\": [\"app.py\", \"requirements.txt\", \"notes.md\"],"
                + " \"dockerignore\": \"*.md\", \"changed\": [\"app.py\"]}")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.rebuilt").value(org.hamcrest.Matchers.contains(5)))
                .andExpect(jsonPath("$.cached").value(org.hamcrest.Matchers.contains(1, 2, 3, 4)))
                .andExpect(jsonPath("$.notBuilt").isEmpty())
                .andExpect(jsonPath("$.target").value("0"))
                .andExpect(jsonPath("$.reasons[?(@.line == 5)].reason").value(hasItem(containsString("app.py"))))
                .andExpect(jsonPath("$.reasons[?(@.line == 5)].outcome").value(hasItem("rebuilt")))
                .andExpect(jsonPath("$.reasons[?(@.line == 5)].key").value(hasItem("copy-changed")))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void ignoredFileChangesNothing() throws Exception {
        post("{\"dockerfile\": \"" + DOCKERFILE + "\", \"context\": [\"app.py\", \"notes.md\"],"
                + " \"dockerignore\": \"*.md\", \"changed\": [\"notes.md\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rebuilt").isEmpty())
                .andExpect(jsonPath("$.reasons[?(@.line == 5)].key").value(hasItem("copy-ignored")));
    }

    @Test
    void targetAndChangedBuildArguments() throws Exception {
        String df = "FROM debian:trixie-slim AS a\\nARG V=1\\nRUN echo $V\\nFROM debian:trixie-slim AS b\\nRUN echo b\\n";
        post("{\"dockerfile\": \"" + df + "\", \"target\": \"a\", \"changedArgs\": [\"V\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value("a"))
                .andExpect(jsonPath("$.rebuilt").value(org.hamcrest.Matchers.contains(3)))
                .andExpect(jsonPath("$.notBuilt").value(org.hamcrest.Matchers.contains(4, 5)));
        post("{\"dockerfile\": \"" + df + "\", \"target\": \"zzz\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("zzz")));
    }

    @Test
    void brokenDockerfileStillAnswersWithItsErrors() throws Exception {
        post("{\"dockerfile\": \"FROM debian:trixie-slim\\nCOPY a\\nRUN <<EOF\\n\", \"changed\": [\"a\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors").isNotEmpty());
    }

    @Test
    void userTextIsDataNotMarkup() throws Exception {
        post("{\"dockerfile\": \"FROM x\\nCOPY <b>.txt /\\n\", \"context\": [\"<b>.txt\"], \"changed\": [\"<b>.txt\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rebuilt").value(org.hamcrest.Matchers.contains(2)))
                .andExpect(jsonPath("$.reasons[?(@.line == 2)].reason").value(hasItem(containsString("<b>.txt"))));
    }

    @Test
    void badInputIsAProblem() throws Exception {
        String[][] cases = {
                {"not json", "not valid JSON"},
                {"[]", "must be an object"},
                {"{}", "\\\"dockerfile\\\""},
                {"{\"dockerfile\": 3}", "must be a string"},
                {"{\"dockerfile\": \"FROM x\", \"context\": \"a\"}", "must be an array"},
                {"{\"dockerfile\": \"FROM x\", \"changed\": [1]}", "only strings"},
                {"{\"dockerfile\": \"FROM x\", \"target\": []}", "must be a string"},
        };
        for (String[] c : cases) {
            post(c[0]).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString(c[1].replace("\\\"", "\""))))
                    .andExpect(content().string(not(containsString("Exception"))));
        }
    }

    @Test
    void tooLargeAndWrongTypeAndBadBytes() throws Exception {
        post("{\"dockerfile\": \"" + "x".repeat(3000) + "\"}")
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(MockMvcRequestBuilders.post("/api/cache")
                        .contentType(MediaType.TEXT_PLAIN).content("FROM x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(MockMvcRequestBuilders.post("/api/cache")
                        .contentType(MediaType.APPLICATION_JSON).content(new byte[]{'{', (byte) 0xff, '}'}))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("UTF-8")));
    }

    @Test
    void crossOriginAndDocumented() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/api/cache")
                        .header("Origin", "https://docs.example.org")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"dockerfile\": \"FROM x\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(get("/api/openapi.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/cache:")))
                .andExpect(content().string(containsString("CachePrediction")));
    }
}
