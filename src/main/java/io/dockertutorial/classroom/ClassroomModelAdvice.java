package io.dockertutorial.classroom;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Lesson pages show the terminal beside the lesson (and "Run in my sandbox" buttons) to a learner of the class. */
@ControllerAdvice
@ConditionalOnProperty(prefix = "classroom", name = "enabled", havingValue = "true")
class ClassroomModelAdvice {

    private final Classroom classroom;

    ClassroomModelAdvice(Classroom classroom) {
        this.classroom = classroom;
    }

    @ModelAttribute
    void learner(HttpServletRequest request, Model model) {
        var session = request.getSession(false);   // no session (no cookie) for visitors who did not join
        if (classroom.active() && session != null) {
            ClassroomController.learner(classroom, session)
                    .ifPresent(l -> model.addAttribute("classroomLearner", l.displayName));
        }
    }
}
