package io.dockertutorial.classroom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two learners in real Chromium, each in their own sandbox at the same time: join with the class code, type
 * {@code docker run}, build an image, publish a port (both on 8080: no clash, each has its own loopback),
 * {@code docker compose up}, use a lesson's "Run in my sandbox" button, reload and get the same shell back.
 * Then the teacher sees both, resets one and removes both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "classroom.enabled=true", "classroom.class-code=" + SandboxTests.CODE, "classroom.teacher-token=" + SandboxTests.TOKEN,
        "classroom.max-learners=8", "classroom.memory=512M", "classroom.pids=384", "classroom.disk=1G"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalSandboxTest {

    @LocalServerPort
    int port;
    @Autowired
    Classroom classroom;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void classroomIsOn() {
        assertThat(classroom.problems()).as("classroom mode must start on this host").isEmpty();
    }

    @AfterAll
    void quit() {
        browsers.forEach(WebDriver::quit);
    }

    private ChromeDriver join(String name) throws Exception {
        ChromeDriver d = SandboxTests.chromium();
        browsers.add(d);
        d.get("http://127.0.0.1:" + port + "/classroom");
        d.findElement(By.id("join-code")).sendKeys(SandboxTests.CODE);
        d.findElement(By.id("join-name")).sendKeys(name);
        d.findElement(By.cssSelector(".classroom-join button[type=submit]")).click();
        SandboxTests.LEARNERS.incrementAndGet();
        waitReady(d);
        return d;
    }

    private static void waitReady(WebDriver d) {
        new WebDriverWait(d, Duration.ofSeconds(240)).until(x -> "ready".equals(
                x.findElement(By.cssSelector("[data-sandbox]")).getDomAttribute("data-sandbox-state")));
    }

    /** What the terminal shows now (xterm's screen-reader rows: what a screen reader reads). */
    private static String screen(WebDriver d) {
        return d.findElement(By.cssSelector(".xterm-accessibility-tree")).getAttribute("textContent");
    }

    private static void type(WebDriver d, String line) {
        d.findElement(By.cssSelector(".xterm-helper-textarea")).sendKeys(line + Keys.ENTER);
    }

    private static String typeAndSee(WebDriver d, String line, String expect, int seconds) {
        type(d, line);
        new WebDriverWait(d, Duration.ofSeconds(seconds)).until(x -> screen(x).contains(expect));
        return expect;
    }

    private static final AtomicInteger CLEARS = new AtomicInteger(100);

    /**
     * Clears the screen and waits until it is cleared: for a line the shell computes after the clear (the screen
     * lacks the typed word "clear" already before the keys are echoed, so that was no sign of anything).
     */
    private static void clear(WebDriver d) {
        int n = CLEARS.incrementAndGet();
        typeAndSee(d, "clear; echo cleared-$((" + n + "+1))", "cleared-" + (n + 1), 30);
    }

    /** The course's steps as one learner types them. */
    private static List<String> labSteps(ChromeDriver d, String who) {
        List<String> seen = new ArrayList<>();
        seen.add(typeAndSee(d, "docker run --rm debian:trixie-slim echo \"hi from " + who + " $((6*7))\"", "hi from " + who + " 42", 120));
        clear(d);
        seen.add(typeAndSee(d, "printf 'FROM debian:trixie-slim\\nRUN echo $((40+2))-built-by-" + who
                + " > /b\\nCMD [\"cat\",\"/b\"]\\n' > Dockerfile && docker build -q -t mine . && docker run --rm mine",
                "42-built-by-" + who, 240));
        clear(d);
        seen.add(typeAndSee(d, "docker run -d --name web -p 127.0.0.1:8080:80 mine perl -MIO::Socket::INET -e "
                + "'$s=IO::Socket::INET->new(LocalPort=>80,Listen=>5,ReuseAddr=>1);"
                + "while($c=$s->accept){print $c \"HTTP/1.0 200 OK\\r\\n\\r\\nserved-by-" + who + "-\".(6*7).\"\\n\";close $c}'"
                // The server in the container may need a while on a loaded machine: ask until it answers.
                + " && for i in $(seq 30); do curl -s http://127.0.0.1:8080/ && break; sleep 1; done",
                "served-by-" + who + "-42", 120));
        clear(d);
        seen.add(typeAndSee(d, "printf 'services:\\n  app:\\n    image: mine\\n  peer:\\n    image: mine\\n"
                + "    command: [\"getent\", \"hosts\", \"app\"]\\n' > compose.yaml && docker compose up app peer 2>&1 | tail -n 4",
                "42-built-by-" + who, 180));
        new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> screen(x).contains("exited with code 0"));
        return seen;
    }

    @Test
    void twoLearnersRunTheLabStepsInTheirOwnSandboxes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<ChromeDriver>> joined = new ArrayList<>();
        for (String name : List.of("Ada", "Linus")) {
            joined.add(pool.submit((Callable<ChromeDriver>) () -> join(name)));
        }
        ChromeDriver ada = joined.get(0).get();
        ChromeDriver linus = joined.get(1).get();
        Future<List<String>> a = pool.submit(() -> labSteps(ada, "ada"));
        Future<List<String>> b = pool.submit(() -> labSteps(linus, "linus"));
        List<String> seenA = a.get();
        List<String> seenB = b.get();
        pool.shutdown();
        SandboxTests.terminal("docker run … echo \"hi from ada $((6*7))\"", seenA.get(0));
        SandboxTests.terminal("docker build -t mine . && docker run --rm mine", seenA.get(1));
        SandboxTests.terminal("docker run -d -p 127.0.0.1:8080:80 … && curl 127.0.0.1:8080 (both learners on 8080)",
                seenA.get(2) + "` / `" + seenB.get(2));
        SandboxTests.terminal("docker compose up app peer", seenA.get(3) + " … exited with code 0");
        assertThat(screen(ada)).doesNotContain("linus");
        assertThat(screen(linus)).doesNotContain("ada");

        // A reload (or a network blip) comes back to the same shell, with its screen.
        clear(ada);
        type(ada, "echo shell-$((1000+1))-$$ > ~/shell.id; cat ~/shell.id");
        // The whole number: read once the next prompt shows (the output may arrive in pieces).
        Pattern shellId = Pattern.compile("(?s)(shell-1001-\\d+)(?=\\D).*@sandbox:");
        String before = new WebDriverWait(ada, Duration.ofSeconds(30)).until(x -> {
            Matcher m = shellId.matcher(screen(x));
            return m.find() ? m.group(1) : null;
        });
        ada.navigate().refresh();
        waitReady(ada);
        new WebDriverWait(ada, Duration.ofSeconds(30)).until(x -> screen(x).contains(before));
        typeAndSee(ada, "echo again-$$", "again-" + before.substring("shell-1001-".length()), 30);
        SandboxTests.terminal("reload, then echo again-$$", "again-" + before.substring("shell-1001-".length()) + " (the same shell)");

        // A lesson's hands-on step, from its "Run in my sandbox" button: expected and actual side by side.
        ada.get("http://127.0.0.1:" + port + "/lessons/images-and-containers");
        waitReady(ada);
        WebElement run = ada.findElements(By.cssSelector("button.sandbox-run")).get(0);
        // From the keyboard (the terminal docked at the bottom may cover the button for a pointer at this scroll).
        ada.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", run);
        run.sendKeys(Keys.ENTER);
        WebElement result = ada.findElement(By.id(run.getDomAttribute("aria-describedby")));
        // Longer than the page's own 120 s, so that a slow run shows what the page said rather than a timeout.
        new WebDriverWait(ada, Duration.ofSeconds(150)).until(x -> result.getText().contains("What happened"));
        assertThat(result.findElements(By.cssSelector("pre")).get(1).getText()).contains("Hello from a container");
        assertThat(result.findElements(By.cssSelector("pre")).get(0).getText()).contains("Hello from a container");
        SandboxTests.terminal("Run in my sandbox (lesson 3, first step)", "Hello from a container, beside the expected output");
        // A step the sandbox cannot run (lesson 20's stack: no overlay networks in rootless mode) says so instead.
        ada.get("http://127.0.0.1:" + port + "/lessons/after-one-machine");
        waitReady(ada);
        WebElement noRun = ada.findElement(By.cssSelector("figure[data-no-sandbox] + .sandbox-note"));
        assertThat(noRun.getText()).startsWith("Not in your sandbox:").contains("overlay networks");
        assertThat(ada.findElements(By.cssSelector("figure[data-no-sandbox] + button.sandbox-run"))).isEmpty();
        assertThat(ada.findElements(By.cssSelector("button.sandbox-run")))
                .hasSize(ada.findElements(By.cssSelector("figure[data-lab]")).size() - 1);
        // The teacher sees both sandboxes with their use, resets Ada's, then removes everyone.
        ChromeDriver teacher = SandboxTests.chromium();
        browsers.add(teacher);
        teacher.get("http://127.0.0.1:" + port + "/classroom/teacher");
        teacher.findElement(By.id("teacher-token")).sendKeys(SandboxTests.TOKEN + Keys.ENTER);
        new WebDriverWait(teacher, Duration.ofSeconds(30)).until(x -> x.findElements(By.cssSelector("tr[data-seat]")).size() == 2);
        assertThat(teacher.findElement(By.cssSelector("[data-learners]")).getText()).contains("Ada", "Linus", "MiB", "ready");
        int adaSeat = classroom.sandboxes().all().stream().filter(l -> l.displayName.equals("Ada")).findFirst().orElseThrow().seat;
        // A line only the old shell's screen can have, on the screen for sure (not scrolled away by the lesson's
        // output), so that its disappearance is the sign of the new shell.
        clear(ada);
        String oldShell = typeAndSee(ada, "echo old-shell-$((6*7))", "old-shell-42", 30);
        teacher.findElement(By.cssSelector("tr[data-seat='" + adaSeat + "'] button[value=reset]")).click();
        // Ada's page reconnects by itself to the fresh sandbox. Until the old socket closes, the panel still says
        // "ready" and shows the old shell's screen: wait for the new shell's screen (xterm is reset when its first
        // output arrives), not for a state the page already had, or the keys go to the closing socket.
        new WebDriverWait(ada, Duration.ofSeconds(240)).until(x -> "ready".equals(
                x.findElement(By.cssSelector("[data-sandbox]")).getDomAttribute("data-sandbox-state"))
                && !screen(x).contains(oldShell) && screen(x).contains("@sandbox"));
        typeAndSee(ada, "ls ~/shell.id 2>&1; docker ps -a --format '{{.Names}}' | wc -l", "No such file", 60);
        teacher.get("http://127.0.0.1:" + port + "/classroom/teacher");
        teacher.findElement(By.cssSelector(".classroom-all button[value=remove]")).click();
        new WebDriverWait(teacher, Duration.ofSeconds(120)).until(x -> x.findElements(By.cssSelector("tr[data-seat]")).isEmpty());
        for (int seat = 1; seat <= 8; seat++) {
            assertThat(classroom.sandboxes().clean(seat)).as("seat %d left nothing behind", seat).isTrue();
        }
    }
}
