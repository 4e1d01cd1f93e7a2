package io.dockertutorial.explain;

import io.dockertutorial.markdown.CodeFence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code ?kind=}: the default stays the Dockerfile answer, an unknown kind is a 400, and a {@link TextExplainer}
 * bean is all a new kind needs (here a test kind that explains each line as its length).
 */
@SpringBootTest(properties = "tutorial.api-max-body-size=2048")
@AutoConfigureMockMvc
@Import(ExplainKindsApiTest.LineLengths.class)
class ExplainKindsApiTest {

    @TestConfiguration
    static class LineLengths {
        @Bean
        TextExplainer lineLengths() {
            return new TextExplainer() {
                @Override
                public String kind() {
                    return "test-lines";
                }

                @Override
                public TextExplanation explain(String text) {
                    String[] lines = text.split("\n", -1);
                    List<TextExplanation.Item> items = new java.util.ArrayList<>();
                    for (int i = 0; i < lines.length; i++) {
                        items.add(new TextExplanation.Item(i + 1, i + 1, lines[i], lines[i].length() + " characters",
                                "A line.", null, null, null));
                    }
                    return new TextExplanation(kind(), items,
                            List.of(new TextExplanation.Warning("long", 1, "warning", "Too long.")),
                            List.of());
                }

                @Override
                public String render(CodeFence fence) {
                    return fence.language().equals(kind()) ? "<div class=\"test-lines\">" + fence.code().length() + "</div>" : null;
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void kindDockerfileIsTheDefaultAnswer() throws Exception {
        mvc.perform(post("/api/explain?kind=dockerfile").contentType(MediaType.TEXT_PLAIN).content("FROM alpine:3.22\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instructions[0].keyword").value("FROM"))
                .andExpect(jsonPath("$.kind").doesNotExist());
        mvc.perform(post("/api/explain?kind=Dockerfile").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dockerfile\": \"FROM alpine:3.22\\n\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.instructions[0].keyword").value("FROM"));
    }

    @Test
    void anUnknownKindIsA400ProblemNamingTheKinds() throws Exception {
        mvc.perform(post("/api/explain?kind=helm").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("Unknown kind \"helm\"")))
                .andExpect(jsonPath("$.detail", containsString("dockerfile, test-lines")));
        mvc.perform(post("/api/explain?kind=helm").contentType(MediaType.TEXT_PLAIN).accept(MediaType.TEXT_HTML).content("x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Unknown kind &quot;helm&quot;")));
    }

    @Test
    void aTextExplainerBeanAnswersItsKindInTheCommonShape() throws Exception {
        mvc.perform(post("/api/explain?kind=test-lines").contentType(MediaType.TEXT_PLAIN).content("ab\nc"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("test-lines"))
                .andExpect(jsonPath("$.items[1].startLine").value(2))
                .andExpect(jsonPath("$.items[1].endLine").value(2))
                .andExpect(jsonPath("$.items[1].source").value("c"))
                .andExpect(jsonPath("$.items[0].summary").value("2 characters"))
                .andExpect(jsonPath("$.items[0].explanation").value("A line."))
                .andExpect(jsonPath("$.items[0].flags").doesNotExist())
                .andExpect(jsonPath("$.warnings[0].rule").value("long"))
                .andExpect(jsonPath("$.warnings[0].line").value(1))
                .andExpect(jsonPath("$.warnings[0].severity").value("warning"))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void otherKindsTakeJsonAsTextAndKeepTheBudgets() throws Exception {
        mvc.perform(post("/api/explain?kind=test-lines").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"abc\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].summary").value("3 characters"));
        mvc.perform(post("/api/explain?kind=test-lines").contentType(MediaType.APPLICATION_JSON).content("{\"dockerfile\": \"abc\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("\"text\"")));
        mvc.perform(post("/api/explain?kind=test-lines").contentType(MediaType.TEXT_PLAIN).content("x".repeat(3000)))
                .andExpect(status().isPayloadTooLarge());
    }

    @Test
    void theHtmlAnswerRendersTheTextAsAFenceOfItsKind() throws Exception {
        mvc.perform(post("/api/explain?kind=test-lines").contentType(MediaType.TEXT_PLAIN).accept(MediaType.TEXT_HTML)
                        .content("abcd"))
                .andExpect(status().isOk())
                .andExpect(content().string("<div class=\"test-lines\">4</div>"))
                .andExpect(content().string(not(containsString("dockerfile"))));
    }
}
