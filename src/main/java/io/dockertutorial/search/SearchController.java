package io.dockertutorial.search;

import io.dockertutorial.lesson.Course;
import io.dockertutorial.lesson.CourseService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/**
 * {@code /search?q=…}: ranked results with highlighted snippets, rendered on the server (works without
 * JavaScript). {@code /search-index.json} is the same text for the static export's offline search.
 */
@Controller
class SearchController {

    private final CourseService courses;
    private volatile Course indexed;
    private volatile SearchIndex index;

    SearchController(CourseService courses) {
        this.courses = courses;
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

    @GetMapping(value = "/search-index.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<List<SearchIndex.Section>> offlineIndex() {
        return ResponseEntity.ok(index().sections());
    }
}
