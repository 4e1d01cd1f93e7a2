package io.dockertutorial.classroom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The class: learners, their seats and their sandboxes (one rootless Docker Engine each). Making a sandbox
 * runs in the background; the learner's terminal waits for it. Everything a learner starts ends: remove
 * stops the engine, kills every process in the learner's cgroups and uid/subuid range, then deletes the
 * user, home image and cgroups.
 */
final class Sandboxes implements SandboxProvider {

    private static final Logger log = LoggerFactory.getLogger(Sandboxes.class);

    private final ClassroomProperties props;
    private final Seats seats;
    private final LearnerAccounts accounts;
    private final LearnerProcesses processes;
    private final Map<String, Learner> learners = new ConcurrentHashMap<>();
    private final Map<Integer, Process> daemons = new ConcurrentHashMap<>();
    private final Map<Integer, List<Path>> cgroups = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "classroom-sandbox");
        t.setDaemon(true);
        return t;
    });
    private final SecureRandom random = new SecureRandom();
    private volatile Terminals terminals;

    Sandboxes(ClassroomProperties props) {
        this.props = props;
        this.seats = new Seats(props);
        this.accounts = new LearnerAccounts(props);
        this.processes = new LearnerProcesses(props);
    }

    void setTerminals(Terminals terminals) {
        this.terminals = terminals;
    }

    /** Seats a new learner and starts making the sandbox; empty when the class is full. */
    synchronized Optional<Learner> join(String displayName) {
        for (int seat = 1; seat <= props.maxLearners(); seat++) {
            int s = seat;
            if (learners.values().stream().noneMatch(l -> l.seat == s)) {
                Learner learner = new Learner(HexFormat.of().formatHex(bytes(18)), displayName, seat);
                learners.put(learner.id, learner);
                work.submit(() -> create(learner));
                return Optional.of(learner);
            }
        }
        return Optional.empty();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    Optional<Learner> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(learners.get(id));
    }

    Collection<Learner> all() {
        return learners.values().stream().sorted((a, b) -> Integer.compare(a.seat, b.seat)).toList();
    }

    private void create(Learner learner) {
        long start = System.currentTimeMillis();
        int seat = learner.seat;
        try {
            wipe(seat);
            accounts.create(seat);
            List<Path> procs = Cgroups.create(seats.user(seat), props);
            cgroups.put(seat, procs);
            Process daemon = processes.startDaemon(seat, procs);
            daemons.put(seat, daemon);
            if (!processes.waitReady(seat, daemon, 60_000)) {
                throw new IllegalStateException("the engine did not answer within 60 s: " + tail(seats.log(seat)));
            }
            List<String> problems = processes.preload(seat);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            learner.sandboxCreated = Instant.now();
            learner.startMillis = System.currentTimeMillis() - start;
            learner.state = Learner.State.READY;
            log.info("classroom: sandbox {} ready in {} ms", learner.user(), learner.startMillis);
        } catch (Exception e) {
            learner.problem = e.getMessage();
            learner.state = Learner.State.FAILED;
            log.error("classroom: sandbox {} failed: {}", learner.user(), e.getMessage());
        }
    }

    /** The command for the learner's terminal; empty until the sandbox is ready. */
    @Override
    public Optional<List<String>> shellCommand(Learner learner) {
        Process daemon = daemons.get(learner.seat);
        if (learner.state != Learner.State.READY || daemon == null || !daemon.isAlive()) {
            return Optional.empty();
        }
        long netns = LearnerProcesses.netnsPid(daemon.pid());
        return netns < 0 ? Optional.empty()
                : Optional.of(processes.shell(learner.seat, netns, cgroups.getOrDefault(learner.seat, List.of())));
    }

    /** A fresh sandbox for the same learner (same seat): everything of the old one is wiped first. */
    @Override
    public void reset(Learner learner) {
        learner.state = Learner.State.STARTING;
        learner.problem = "";
        work.submit(() -> {
            closeTerminal(learner);
            create(learner);
        });
    }

    /** Removes the learner and everything of the sandbox; returns what could not be removed. */
    @Override
    public List<String> remove(Learner learner) {
        learner.state = Learner.State.REMOVING;
        closeTerminal(learner);
        List<String> left = wipe(learner.seat);
        learners.remove(learner.id);
        return left;
    }

    List<String> removeAll() {
        List<String> left = new ArrayList<>();
        all().forEach(l -> left.addAll(remove(l)));
        return left;
    }

    private void closeTerminal(Learner learner) {
        if (terminals != null) {
            terminals.close(learner);
        }
    }

    /** Stops the seat's engine and removes every trace of the seat from the host. */
    List<String> wipe(int seat) {
        Process daemon = daemons.remove(seat);
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy();   // SIGTERM to rootlesskit: dockerd stops its containers
            try {
                daemon.waitFor(8, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String user = seats.user(seat);
        for (int round = 0; round < 50; round++) {
            List<Long> pids = new ArrayList<>(Cgroups.pids(user));
            pids.addAll(ProcessScan.owned(seats.uid(seat), seats.subid(seat), 65536));
            if (pids.isEmpty()) {
                break;
            }
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            Sh.run(List.of("sh", "-c", "kill -KILL " + String.join(" ", pids.stream().map(String::valueOf).toList())
                    + " 2>/dev/null; true"), 5);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        cgroups.remove(seat);
        List<String> left = new ArrayList<>(accounts.delete(seat));
        if (!Cgroups.remove(user)) {
            left.add("cgroups of " + user + " could not be removed");
        }
        try {
            Files.deleteIfExists(seats.log(seat));
        } catch (IOException e) {
            left.add("log " + seats.log(seat));
        }
        if (!ProcessScan.owned(seats.uid(seat), seats.subid(seat), 65536).isEmpty()) {
            left.add("processes of " + user + " are still running");
        }
        return left;
    }

    /** True when nothing of the seat is left on the host (processes, user, files, mounts, cgroups). */
    boolean clean(int seat) {
        return !accounts.traces(seat) && !Cgroups.exists(seats.user(seat))
                && ProcessScan.owned(seats.uid(seat), seats.subid(seat), 65536).isEmpty();
    }

    /** Removes sandboxes past their idle or lifetime limit. */
    void reap() {
        Instant now = Instant.now();
        for (Learner l : all()) {
            boolean idle = Duration.between(l.lastActive, now).compareTo(props.idle()) > 0;
            boolean old = Duration.between(l.sandboxCreated, now).compareTo(props.lifetime()) > 0;
            if ((idle || old) && l.state != Learner.State.STARTING) {
                log.info("classroom: removing {} ({})", l.user(), idle ? "idle" : "lifetime over");
                remove(l);
            }
        }
    }

    /** What a previous run left behind (it crashed or was killed): every seat that has traces is wiped. */
    void cleanLeftovers() {
        for (int seat = 1; seat <= props.maxLearners(); seat++) {
            if (!clean(seat)) {
                log.info("classroom: wiping what a previous run left of {}", seats.user(seat));
                wipe(seat);
            }
        }
    }

    Seats seats() {
        return seats;
    }

    void shutdown() {
        removeAll();
        work.shutdownNow();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
