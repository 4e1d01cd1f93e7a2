package io.dockertutorial.labs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a process with a time limit, its stdout and stderr merged into one text. */
final class Processes {

    private Processes() {
    }

    /** @param exit the exit status, or -1 when the process was killed at its time limit */
    record Result(int exit, String output, boolean timedOut, Duration took) {
        boolean ok() {
            return exit == 0 && !timedOut;
        }

        /** The last lines of the output, for failure messages. */
        String tail(int lines) {
            String[] all = output.strip().split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
        }
    }

    static Result run(List<String> command, Map<String, String> env, Path cwd, Duration timeout) {
        long start = System.nanoTime();
        File out;
        try {
            out = File.createTempFile("labs-out", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (cwd != null) {
                builder.directory(cwd.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            String output = new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8);
            return new Result(finished ? process.exitValue() : -1, output, !finished,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            return new Result(127, "cannot run " + command.get(0) + ": " + e.getMessage(), false,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            out.delete();
        }
    }
}
