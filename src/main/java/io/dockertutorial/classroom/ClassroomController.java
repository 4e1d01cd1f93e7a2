package io.dockertutorial.classroom;

import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/** Learners: join with the class code and a name of their choice, use the terminal, leave. */
@Controller
@ConditionalOnProperty(prefix = "classroom", name = "enabled", havingValue = "true")
class ClassroomController {

    private final Classroom classroom;

    ClassroomController(Classroom classroom) {
        this.classroom = classroom;
    }

    static Optional<Learner> learner(Classroom classroom, HttpSession session) {
        return classroom.sandboxes().find((String) session.getAttribute(TerminalSocket.LEARNER));
    }

    @GetMapping("/classroom")
    String page(HttpSession session, Model model) {
        model.addAttribute("classroomActive", classroom.active());
        learner(classroom, session).ifPresent(l -> model.addAttribute("learner", l.displayName));
        return "classroom/join";
    }

    @PostMapping("/classroom/join")
    String join(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
                jakarta.servlet.http.HttpServletRequest request, HttpSession session, Model model) {
        String label = name.strip();
        if (learner(classroom, session).isPresent()) {
            return "redirect:/classroom";
        }
        if (!label.matches("[\\p{L}\\p{N} ._'-]{1,40}")) {
            return error(model, "Choose a name of 1 to 40 letters, digits, spaces, dots, dashes or apostrophes.");
        }
        if (!classroom.active()) {
            return error(model, "Classroom mode is off on this server.");
        }
        Optional<Learner> learner = classroom.join(code, label);
        if (learner.isEmpty()) {
            return error(model, "That class code is wrong, or the class is full.");
        }
        request.changeSessionId();   // a session id known before joining is worth nothing after
        session.setAttribute(TerminalSocket.LEARNER, learner.get().id);
        return "redirect:/classroom";
    }

    private String error(Model model, String message) {
        model.addAttribute("classroomActive", classroom.active());
        model.addAttribute("joinError", message);
        return "classroom/join";
    }

    @PostMapping("/classroom/leave")
    String leave(HttpSession session) {
        learner(classroom, session).ifPresent(l -> classroom.sandboxes().remove(l));
        session.invalidate();
        return "redirect:/classroom";
    }
}
