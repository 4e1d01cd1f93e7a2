package io.dockertutorial.classroom;

import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The teacher page: every learner's sandbox with its resource use; reset or remove one or all. */
@Controller
@ConditionalOnProperty(prefix = "classroom", name = "enabled", havingValue = "true")
class TeacherController {

    private static final String TEACHER = "classroom.teacher";
    private static final String FORM = "classroom.form";
    private final Classroom classroom;
    private final AtomicLong lastFailure = new AtomicLong();
    private final SecureRandom random = new SecureRandom();

    TeacherController(Classroom classroom) {
        this.classroom = classroom;
    }

    @GetMapping("/classroom/teacher")
    String page(HttpSession session, Model model) {
        model.addAttribute("problems", classroom.problems());
        model.addAttribute("active", classroom.active());
        if (session.getAttribute(TEACHER) == null) {
            return "classroom/teacher-login";
        }
        model.addAttribute("form", session.getAttribute(FORM));
        model.addAttribute("rows", TeacherRows.of(classroom));
        model.addAttribute("limits", TeacherRows.limits(classroom.properties()));
        return "classroom/teacher";
    }

    @PostMapping("/classroom/teacher/login")
    String login(@RequestParam(defaultValue = "") String token, jakarta.servlet.http.HttpServletRequest request,
                 HttpSession session, Model model) {
        // One wrong guess per second for the whole server: the token cannot be guessed quickly.
        long now = System.currentTimeMillis();
        if (now - lastFailure.get() < 1000 || !classroom.teacher(token)) {
            lastFailure.set(now);
            model.addAttribute("problems", classroom.problems());
            model.addAttribute("loginError", "That token is not the teacher token.");
            return "classroom/teacher-login";
        }
        request.changeSessionId();
        session.setAttribute(TEACHER, Boolean.TRUE);
        byte[] b = new byte[18];
        random.nextBytes(b);
        session.setAttribute(FORM, HexFormat.of().formatHex(b));
        return "redirect:/classroom/teacher";
    }

    @PostMapping("/classroom/teacher/action")
    String action(@RequestParam String action, @RequestParam(defaultValue = "") String learner,
                  @RequestParam(defaultValue = "") String form, HttpSession session) {
        if (session.getAttribute(TEACHER) == null || !form.equals(session.getAttribute(FORM))) {
            return "redirect:/classroom/teacher";
        }
        List<Learner> targets = learner.equals("all") ? List.copyOf(classroom.sandboxes().all())
                : classroom.sandboxes().all().stream().filter(l -> String.valueOf(l.seat).equals(learner)).toList();
        for (Learner l : targets) {
            if (action.equals("reset")) {
                classroom.sandboxes().reset(l);
            } else if (action.equals("remove")) {
                classroom.sandboxes().remove(l);
            }
        }
        return "redirect:/classroom/teacher";
    }
}
