package io.dockertutorial.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With an analysis deadline too short for any work ({@code tutorial.analysis-timeout}), every kind the API
 * explains runs out inside its loops and answers 422 "too complex": the admission filter opens the deadline for
 * {@code ?kind=compose} and {@code ?kind=command} as for Dockerfiles, and their engines check it.
 */
@SpringBootTest(properties = {"tutorial.analysis-timeout=1ns", "tutorial.rate-limit-burst=1000"})
@AutoConfigureMockMvc
class DeadlineAnswersTest {

    private static final String COMPOSE = """
            services:
              web:
                image: nginx:1.27
                ports:
                  - "8080:80"
                depends_on:
                  - db
              db:
                image: postgres:18
            """;

    private static final String COMMANDS = """
            $ docker run -d --name web -p 8080:80 nginx:1.27
            $ docker logs -f web
            """;

    @Autowired
    MockMvc mvc;

    @Test
    void composeAndCommandTextsRunOutOfTimeWithAProblem() throws Exception {
        for (String[] kind : new String[][]{{"compose", COMPOSE}, {"command", COMMANDS}, {"dockerfile", "FROM alpine:3.22\nRUN true\n"}}) {
            mvc.perform(post("/api/explain").param("kind", kind[0]).contentType(MediaType.TEXT_PLAIN).content(kind[1]))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(422))
                    .andExpect(jsonPath("$.detail", startsWith("too complex: the analysis did not finish within")));
        }
    }

    @Test
    void pagesThatAskForHtmlGetTheExplainersErrorParagraph() throws Exception {
        for (String[] kind : new String[][]{{"compose", COMPOSE}, {"command", COMMANDS}}) {
            mvc.perform(post("/api/explain").param("kind", kind[0]).contentType(MediaType.TEXT_PLAIN)
                            .accept(MediaType.TEXT_HTML).content(kind[1]))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(startsWith(
                            "<p class=\"explainer-error\" role=\"alert\">too complex: the analysis did not finish within")));
        }
    }
}
