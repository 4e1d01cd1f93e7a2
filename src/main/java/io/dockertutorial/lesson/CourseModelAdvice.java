package io.dockertutorial.lesson;

import io.dockertutorial.TutorialProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the site's title and the lessons for the navigation. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CourseModelAdvice {

    private final CourseService courses;
    private final TutorialProperties properties;

    CourseModelAdvice(CourseService courses, TutorialProperties properties) {
        this.courses = courses;
        this.properties = properties;
    }

    @ModelAttribute("siteTitle")
    String siteTitle() {
        return properties.siteTitle();
    }

    @ModelAttribute("navLessons")
    java.util.List<Lesson> navLessons() {
        return courses.course().lessons();
    }
}
