package io.dockertutorial.search;

import io.dockertutorial.lesson.Course;
import io.dockertutorial.lesson.CourseService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/**
 * {@code /search?q=…}: ranked results with highlighted snippets, rendered on the server (works without
 * JavaScript). {@code /search-index.js} is the same text for the static export's offline search.
 */
@Controller
class SearchController {

    private final CourseService courses;
    private volatile Course indexed;
    private volatile SearchIndex index;

    private final tools.jackson.databind.ObjectMapper mapper;

    SearchController(CourseService courses, tools.jackson.databind.ObjectMapper mapper) {
        this.courses = courses;
        this.mapper = mapper;
    }

    /** The index of the current course, rebuilt when the course is reloaded. */
    private SearchIndex index() {
        Course course = courses.course();
        if (course != indexed) {
            synchronized (this) {
                if (course != indexed) {
                    index = new SearchIndex(course);
                    indexed = course;
                }
            }
        }
        return index;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean offline,
                  Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("searchQuery", query);
        model.addAttribute("offline", offline);
        model.addAttribute("hits", offline ? List.of() : index().search(query));
        return "search";
    }

    /**
     * The index as a script ({@code window.DockerTutorialSearchIndex = […]}) rather than JSON: pages opened
     * from {@code file://} may load scripts but not fetch files.
     */
    @GetMapping(value = "/search-index.js")
    ResponseEntity<String> offlineIndex() {
        String json = mapper.writeValueAsString(index().sections())
                .replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8))
                .body("window.DockerTutorialSearchIndex = " + json + ";\n");
    }
}
