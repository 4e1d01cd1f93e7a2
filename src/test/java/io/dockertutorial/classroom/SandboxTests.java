package io.dockertutorial.classroom;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@code *SandboxTest} classes share: the class code and token (the app runs as root in classroom mode on this
 * machine: it applies its host rules for real and takes them back at the end), a Chromium, and
 * the figures for the closing lines ({@link SandboxSummary}).
 */
final class SandboxTests {

    static final String CODE = "TEST-CLASS-7";
    static final String TOKEN = "teacher-token-for-tests-only";
    static final AtomicInteger LEARNERS = new AtomicInteger();
    static final List<String> TERMINAL = new ArrayList<>();

    private SandboxTests() {
    }

    static ChromeDriver chromium() throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--user-data-dir=" + Files.createTempDirectory("chromium-sbx"), "--window-size=1280,1000");
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().withTimeout(java.time.Duration.ofSeconds(60)).build(), options);
    }

    static synchronized void terminal(String typed, String seen) {
        TERMINAL.add("typed `" + typed + "`, saw `" + seen + "`");
    }
}
