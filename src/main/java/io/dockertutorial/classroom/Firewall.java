package io.dockertutorial.classroom;

import java.util.ArrayList;
import java.util.List;

/**
 * One iptables/ip6tables chain for every learner uid and every learner subuid: their packets may only
 * answer connections on the loopback (replies); everything else they send is rejected. That covers the
 * learner's daemon pulling from a registry, slirp4netns (the containers' way out, running as the learner)
 * and any host-namespace socket a learner opens. Learners' shells and published ports live in the learner's
 * own network namespace (see {@link Sandboxes}), so they never share a 127.0.0.1 with the host.
 */
final class Firewall {

    private static final String CHAIN = HostRules.CHAIN;

    List<String> apply(ClassroomProperties props) {
        List<String> problems = new ArrayList<>();
        for (String tool : List.of("iptables", "ip6tables")) {
            try {
                applyOne(tool, props);
                String rules = Sh.must(List.of(tool, "-w", "5", "-S", CHAIN));
                String output = Sh.must(List.of(tool, "-w", "5", "-S", "OUTPUT"));
                if (!rules.contains("-j REJECT") || !output.contains(jumpLine(props, false))
                        || !output.contains(jumpLine(props, true))) {
                    problems.add(tool + ": the " + CHAIN + " rules are not in place after adding them");
                }
            } catch (IllegalStateException e) {
                problems.add(tool + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private static String jumpLine(ClassroomProperties props, boolean subids) {
        return "--uid-owner " + range(props, subids) + " -j " + CHAIN;
    }

    private static String range(ClassroomProperties props, boolean subids) {
        return subids ? props.subidBase() + "-" + props.lastSubid() : props.uidBase() + "-" + props.lastUid();
    }

    private static void applyOne(String tool, ClassroomProperties props) {
        if (!Sh.run(List.of(tool, "-w", "5", "-S", CHAIN), 10).ok()) {
            Sh.must(List.of(tool, "-w", "5", "-N", CHAIN));
        }
        Sh.must(List.of(tool, "-w", "5", "-F", CHAIN));
        Sh.must(List.of(tool, "-w", "5", "-A", CHAIN, "-o", "lo", "-m", "conntrack", "--ctstate",
                "ESTABLISHED,RELATED", "-j", "RETURN"));
        Sh.must(List.of(tool, "-w", "5", "-A", CHAIN, "-j", "REJECT"));
        for (boolean subids : new boolean[] {false, true}) {
            List<String> rule = List.of("OUTPUT", "-m", "owner", "--uid-owner", range(props, subids), "-j", CHAIN);
            if (!Sh.run(concat(List.of(tool, "-w", "5", "-C"), rule), 10).ok()) {
                Sh.must(concat(List.of(tool, "-w", "5", "-I"), concat(List.of("OUTPUT", "1"), rule.subList(1, rule.size()))));
            }
        }
    }

    /** Takes the rules away again (classroom mode stopping, every sandbox gone). */
    void remove(ClassroomProperties props) {
        for (String tool : List.of("iptables", "ip6tables")) {
            for (boolean subids : new boolean[] {false, true}) {
                List<String> rule = List.of("OUTPUT", "-m", "owner", "--uid-owner", range(props, subids), "-j", CHAIN);
                while (Sh.run(concat(List.of(tool, "-w", "5", "-D"), rule), 10).ok()) {
                    // a rule added twice goes twice
                }
            }
            Sh.run(List.of(tool, "-w", "5", "-F", CHAIN), 10);
            Sh.run(List.of(tool, "-w", "5", "-X", CHAIN), 10);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
