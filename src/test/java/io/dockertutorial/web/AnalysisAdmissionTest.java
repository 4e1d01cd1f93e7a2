package io.dockertutorial.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Admission on the analysis routes (review findings H5, M5, L3): a per-client token bucket (429) and a
 * bounded number of analyses at once (503, no queue), both with Retry-After; pages stay served meanwhile.
 */
@SpringBootTest(properties = {"tutorial.rate-limit-burst=3", "tutorial.rate-limit-per-minute=1",
        "tutorial.max-concurrent-analyses=2"})
@AutoConfigureMockMvc
class AnalysisAdmissionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AnalysisAdmissionFilter admission;

    private static MockHttpServletRequestBuilder explain(String client) {
        return post("/api/explain").contentType(MediaType.TEXT_PLAIN).content("FROM alpine\n")
                .with(r -> {
                    r.setRemoteAddr(client);
                    return r;
                });
    }

    @Test
    void aClientPastItsBurstGets429WithRetryAfterWhileOthersGoOn() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(explain("192.0.2.10")).andExpect(status().isOk());
        }
        mvc.perform(explain("192.0.2.10"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Too many analyses from your address")));
        // The embed route counts against the same bucket, and says so on its own error page.
        mvc.perform(get("/embed/explain").with(r -> {
                    r.setRemoteAddr("192.0.2.10");
                    r.setQueryString("dockerfile=FROM+alpine");
                    return r;
                }))
                .andExpect(status().isTooManyRequests())
                .andExpect(status().reason(containsString("Too many analyses from your address")));
        mvc.perform(explain("192.0.2.11")).andExpect(status().isOk());
    }

    @Test
    void aFullServerAnswers503AtOnceAndLessonsStayServed() throws Exception {
        admission.permits().acquire(2);
        try {
            mvc.perform(explain("192.0.2.20"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.detail", containsString("busy")));
            // The playground's script asks for HTML and shows it where the explainer would be.
            mvc.perform(explain("192.0.2.21").accept(MediaType.TEXT_HTML))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("<p class=\"explainer-error\" role=\"alert\">")));
            mvc.perform(post("/playground").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("dockerfile", "FROM a")
                            .with(r -> {
                                r.setRemoteAddr("192.0.2.22");
                                return r;
                            }))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(status().reason(containsString("busy")));
            mvc.perform(get("/lessons/overview")).andExpect(status().isOk());
            mvc.perform(get("/playground")).andExpect(status().isOk());
        } finally {
            admission.permits().release(2);
        }
        mvc.perform(explain("192.0.2.23")).andExpect(status().isOk());
    }

    @Test
    void aFormStillReachesThePlaygroundThroughTheBufferedBody() throws Exception {
        mvc.perform(post("/playground").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("dockerfile=FROM+alpine%3A3.22%0ARUNN+echo%0A&files=&dockerignore=")
                        .with(r -> {
                            r.setRemoteAddr("192.0.2.30");
                            return r;
                        }))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("did you mean RUN?")));
    }
}
