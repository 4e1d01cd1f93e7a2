package io.dockertutorial.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The page cache through the whole filter chain (review findings H3 and H4). */
@SpringBootTest(properties = "tutorial.page-cache-size=4MB")
@AutoConfigureMockMvc
class PageCacheMvcTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("pageEtagFilter")
    FilterRegistrationBean<PageEtagFilter> filter;

    @Test
    void oneOffQueryStringsAndHeadsDoNotGrowTheCache() throws Exception {
        PageCache cache = filter.getFilter().cache();
        mvc.perform(get("/lessons/fixing-the-overview")).andExpect(status().isOk());
        long entries = cache.size();
        for (int i = 0; i < 300; i++) {
            mvc.perform(head("/lessons/fixing-the-overview").queryParam("p", Integer.toString(i))).andExpect(status().isOk());
            mvc.perform(get("/lessons/fixing-the-overview").queryParam("p", Integer.toString(i))).andExpect(status().isOk());
        }
        assertThat(cache.size()).isEqualTo(entries);

        // A HEAD of a page nobody has asked for is answered but not kept; the GET after it is.
        mvc.perform(head("/lessons/networks-multi-container")).andExpect(status().isOk()).andExpect(header().exists("ETag"));
        assertThat(cache.size()).isEqualTo(entries);
        mvc.perform(get("/lessons/networks-multi-container")).andExpect(status().isOk());
        assertThat(cache.size()).isEqualTo(entries + 1);
        assertThat(cache.weightedSize()).isLessThanOrEqualTo(4L * 1024 * 1024);
    }

    @Test
    void eachHostGetsItsOwnPage() throws Exception {
        mvc.perform(get("/embed").header("Host", "evil.example")).andExpect(status().isOk())
                .andExpect(content().string(containsString("http://evil.example/embed.js")));
        mvc.perform(get("/embed").header("Host", "school.lan")).andExpect(status().isOk())
                .andExpect(content().string(containsString("http://school.lan/embed.js")))
                .andExpect(content().string(not(containsString("evil.example"))));
    }
}
