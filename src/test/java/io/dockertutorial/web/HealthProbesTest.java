package io.dockertutorial.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The probes that the image's HEALTHCHECK and deploy/kubernetes.yaml call; nothing else of Actuator is exposed. */
@SpringBootTest
@AutoConfigureMockMvc
class HealthProbesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(get(probe)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        }
    }

    @Test
    void healthShowsNoDetailsAndOtherEndpointsAreNotExposed() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist())
                .andExpect(jsonPath("$.details").doesNotExist());
        for (String endpoint : new String[]{"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/info"}) {
            mvc.perform(get(endpoint)).andExpect(status().isNotFound());
        }
    }
}
