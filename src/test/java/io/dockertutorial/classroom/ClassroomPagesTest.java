package io.dockertutorial.classroom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Classroom mode is off by default: no routes, no terminal, no buttons on lesson pages. */
@SpringBootTest
@AutoConfigureMockMvc
class ClassroomPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void offByDefault() throws Exception {
        mvc.perform(get("/classroom")).andExpect(status().isNotFound());
        mvc.perform(get("/classroom/teacher")).andExpect(status().isNotFound());
        mvc.perform(get("/lessons/images-and-containers")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-sandbox"))))
                .andExpect(content().string(containsString("data-lab")));
    }
}
