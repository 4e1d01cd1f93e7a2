package io.dockertutorial.classroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Classroom mode as a whole: at start it applies and checks the host rules and either runs (sandboxes,
 * terminals, reaper) or stays off and keeps the reasons for the teacher page and the log. At shutdown it
 * removes every sandbox and takes its firewall rules and sysctl changes back.
 */
public final class Classroom {

    private static final Logger log = LoggerFactory.getLogger(Classroom.class);

    private final ClassroomProperties props;
    private final HostRules rules;
    private final Sandboxes sandboxes;
    private final Terminals terminals;
    private volatile List<String> problems = List.of("not started");

    Classroom(ClassroomProperties props, HostRules.Host host) {
        this.props = props;
        this.rules = new HostRules(props, host);
        this.sandboxes = new Sandboxes(props);
        this.terminals = new Terminals(sandboxes);
        sandboxes.setTerminals(terminals);
    }

    void start() {
        List<String> found = rules.applyAndCheck();
        if (found.isEmpty()) {
            sandboxes.cleanLeftovers();
            problems = List.of();
            log.info("classroom mode on: up to {} learners (uids {}-{}), sandboxes in {}", props.maxLearners(),
                    props.uidBase(), props.lastUid(), props.home());
        } else {
            problems = List.copyOf(found);
            rules.restore();
            found.forEach(p -> log.error("classroom mode refused to start: {}", p));
        }
    }

    void stop() {
        if (active()) {
            terminals.closeAll();
            sandboxes.shutdown();
            new Firewall().remove(props);
            Cgroups.removeParents();
        }
        rules.restore();
        problems = List.of("stopped");
    }

    public boolean active() {
        return problems.isEmpty();
    }

    public List<String> problems() {
        return problems;
    }

    Optional<Learner> join(String code, String displayName) {
        if (!active() || !same(code, props.classCode())) {
            return Optional.empty();
        }
        return sandboxes.join(displayName);
    }

    boolean teacher(String token) {
        return token != null && props.teacherToken() != null && same(token, props.teacherToken());
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8),
                expected.strip().getBytes(StandardCharsets.UTF_8));
    }

    Sandboxes sandboxes() {
        return sandboxes;
    }

    Terminals terminals() {
        return terminals;
    }

    ClassroomProperties properties() {
        return props;
    }
}
