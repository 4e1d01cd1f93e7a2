package io.dockertutorial.lesson;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.Optional;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** The course home, the lesson pages, the images beside folder lessons and lessons' example projects as zips. */
@Controller
class LessonController {

    private final CourseService courses;

    LessonController(CourseService courses) {
        this.courses = courses;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("course", courses.course());
        return "home";
    }

    @GetMapping({"/lessons", "/lessons/"})
    String lessons() {
        return "redirect:/";
    }

    @GetMapping("/lessons/{slug}")
    String lesson(@PathVariable String slug, Model model) {
        Course course = courses.course();
        Optional<Lesson> lesson = course.lesson(slug);
        if (lesson.isEmpty()) {
            LessonProblem problem = course.problem(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
            model.addAttribute("problem", problem);
            return "lesson-broken";
        }
        model.addAttribute("lesson", lesson.get());
        model.addAttribute("staleProblem", course.staleBecause(slug).orElse(null));
        model.addAttribute("previous", course.previous(lesson.get()).orElse(null));
        model.addAttribute("next", course.next(lesson.get()).orElse(null));
        return "lesson";
    }

    @GetMapping("/lessons/{slug}/{asset}")
    ResponseEntity<Resource> asset(@PathVariable String slug, @PathVariable String asset) {
        Lesson lesson = courses.course().lesson(slug).orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        LessonProject project = lesson.project();
        if (project != null && project.zipName().equals(asset)) {
            return projectZip(project);
        }
        Resource resource = Optional.ofNullable(lesson.assets().get(asset))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        MediaType type = MediaTypeFactory.getMediaType(asset).orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(resource);
    }

    /** The lesson's example project, zipped when the course loaded (so its size is already bounded). */
    private static ResponseEntity<Resource> projectZip(LessonProject project) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(project.zipName()).build().toString())
                .cacheControl(CacheControl.noCache())
                .body(new ByteArrayResource(project.zipBytes()));
    }
}
