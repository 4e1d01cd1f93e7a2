package io.dockertutorial.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command (argument list, never a shell line built from input) with a time limit. */
final class Sh {

    record Result(int exit, String output) {
        boolean ok() {
            return exit == 0;
        }
    }

    private Sh() {
    }

    static Result run(List<String> command) {
        return run(command, 60);
    }

    static Result run(List<String> command, int seconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            var out = new java.io.ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (var in = p.getInputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "sh-output");
            reader.setDaemon(true);
            reader.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, "timed out after " + seconds + " s: " + String.join(" ", command));
            }
            reader.join(2000);
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }

    /** Runs it and throws with its output when it fails. */
    static String must(List<String> command) {
        Result r = run(command);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.exit() + "): " + r.output());
        }
        return r.output();
    }
}
