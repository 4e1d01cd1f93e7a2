package io.dockertutorial.lesson;

import io.dockertutorial.dockerfile.checks.LintOptions;
import io.dockertutorial.dockerfile.checks.Severity;
import io.dockertutorial.dockerfile.narration.Analysis;
import io.dockertutorial.dockerfile.narration.Explainer;
import io.dockertutorial.markdown.CodeFence;
import io.dockertutorial.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The shipped course: complete front matter, quizzes, links that resolve, Dockerfiles that lint as declared. */
@SpringBootTest
@AutoConfigureMockMvc
class CourseContentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    CourseService courses;

    @Test
    void twelveLessonsWithCompleteFrontMatterAndNoBrokenFiles() {
        Course course = courses.course();
        assertThat(course.problems()).isEmpty();
        assertThat(course.lessons()).hasSize(20);
        assertThat(course.lessons().get(0).slug()).isEqualTo("overview");
        for (Lesson lesson : course.lessons()) {
            assertThat(lesson.description()).as(lesson.source()).isNotBlank();
            assertThat(lesson.duration()).as(lesson.source()).isNotNull().isPositive();
            assertThat(lesson.objectives()).as(lesson.source()).isNotEmpty();
        }
    }

    @Test
    void fromLessonTwoOnEveryLessonHasAQuizOfThreeQuestionsOrMore() {
        List<Lesson> lessons = courses.course().lessons();
        for (Lesson lesson : lessons.subList(1, lessons.size())) {
            Document doc = Jsoup.parse(lesson.html());
            assertThat(doc.select("form[data-quiz] [data-question]")).as(lesson.source()).hasSizeGreaterThanOrEqualTo(3);
            for (Element question : doc.select("[data-question]")) {
                assertThat(question.select("input[data-correct=true]")).as(lesson.source()).isNotEmpty();
                for (Element choice : question.select(".quiz-choice")) {
                    assertThat(choice.select(".quiz-why").text()).as(lesson.source()).isNotBlank();
                }
            }
        }
    }

    @Test
    void everyDockerfileLintsAsDeclared() {
        Explainer explainer = new Explainer();
        List<CodeFence> fences = new ArrayList<>();
        CourseLoader loader = new CourseLoader(new MarkdownRenderer(fence -> {
            if (fence.isDockerfile()) {
                fences.add(fence);
            }
            return null;
        }));
        Course course = loader.load("classpath:content");
        assertThat(course.problems()).isEmpty();
        assertThat(fences).hasSizeGreaterThan(12);
        List<String> failures = new ArrayList<>();
        for (CodeFence fence : fences) {
            Analysis a = explainer.explain(fence.code(), LintOptions.DEFAULTS);
            boolean findings = !a.errors().isEmpty() || a.warnings().stream().anyMatch(w -> w.severity() != Severity.INFO);
            if (fence.has("bad") && !findings) {
                failures.add("block marked bad has no warning: " + fence.title() + "\n" + fence.code());
            } else if (!fence.has("bad") && findings) {
                failures.add("clean block has findings " + a.warnings() + a.errors() + ":\n" + fence.code());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyInternalLinkAndAnchorResolves() throws Exception {
        Map<String, Document> pages = new HashMap<>();
        List<String> todo = new ArrayList<>(List.of("/"));
        while (!todo.isEmpty()) {
            String path = todo.remove(0);
            if (pages.containsKey(path)) {
                continue;
            }
            var response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            Document doc = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
            pages.put(path, doc);
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href");
                if (href.startsWith("/") && !href.startsWith("//")) {
                    String target = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                    if (target.startsWith("/lessons/") || target.equals("/") || target.equals("/playground")) {
                        todo.add(target);
                    }
                }
            }
        }
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            for (Element a : page.getValue().select("a[href*=#]")) {
                String href = a.attr("href");
                String target = href.startsWith("#") ? page.getKey() : href.substring(0, href.indexOf('#'));
                String anchor = href.substring(href.indexOf('#') + 1);
                Document doc = pages.get(target);
                if (doc != null && !anchor.isEmpty() && doc.getElementById(anchor) == null) {
                    broken.add(page.getKey() + " → " + href);
                }
            }
        }
        assertThat(pages.keySet()).contains("/lessons/overview", "/lessons/docker-compose", "/playground");
        assertThat(broken).isEmpty();
    }
}
