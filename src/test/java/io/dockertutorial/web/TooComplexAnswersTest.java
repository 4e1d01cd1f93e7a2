package io.dockertutorial.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A text beyond the engine's budgets is a 422 with a plain "too complex: …", in the form the client asked for. */
@SpringBootTest(properties = "tutorial.rate-limit-burst=1000")
@AutoConfigureMockMvc
class TooComplexAnswersTest {

    @Autowired
    MockMvc mvc;

    private static String tooManyInstructions() {
        return "FROM alpine:3.22\n" + "RUN x\n".repeat(10_000);
    }

    @Test
    void theApiAnswersAProblem() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).content(tooManyInstructions()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.detail", startsWith("too complex: more than 10000 instructions")));
    }

    @Test
    void pagesThatAskForHtmlGetTheExplainersErrorParagraph() throws Exception {
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).accept(MediaType.TEXT_HTML)
                        .content(tooManyInstructions()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(startsWith("<p class=\"explainer-error\" role=\"alert\">too complex: ")));
    }

    @Test
    void theFullStateOnEveryLineIsRefusedWhenItWouldBeHuge() throws Exception {
        StringBuilder file = new StringBuilder("FROM alpine:3.22\n");
        for (int i = 0; i < 600; i++) {
            file.append("ENV LONG_VARIABLE_").append(i).append('=').append("v".repeat(40)).append('\n');
        }
        mvc.perform(post("/api/explain?state=full").contentType(MediaType.TEXT_PLAIN).content(file.toString()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail", containsString("leave out state=full")));
        mvc.perform(post("/api/explain").contentType(MediaType.TEXT_PLAIN).content(file.toString()))
                .andExpect(status().isOk());
    }
}
