package io.dockertutorial.budget;

import java.time.Duration;

/**
 * The time one analysis may take, checked by the work itself: the Dockerfile parser, build walk, shell reader and
 * narrator, the cache simulator, and the Compose and command explainers (per entry, line, word, note) call
 * {@link #check()} in their loops, so a text that would take too long stops where it is (and frees its thread)
 * instead of running on after its caller gave up. Outside {@link #open} a check costs a thread-local read and
 * does nothing.
 */
public final class Deadline {

    private record Limit(long endNanos, Duration budget) {
    }

    private static final ThreadLocal<Limit> CURRENT = new ThreadLocal<>();

    /** The deadline of the code inside a try-with-resources; closing it restores the enclosing one. */
    public static final class Scope implements AutoCloseable {
        private final Limit outer;

        private Scope(Limit outer) {
            this.outer = outer;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    private Deadline() {
    }

    /** Starts a deadline of {@code budget} (or keeps the enclosing one, when that ends sooner). */
    public static Scope open(Duration budget) {
        Limit outer = CURRENT.get();
        long end = System.nanoTime() + budget.toNanos();
        CURRENT.set(outer != null && outer.endNanos() - end < 0 ? outer : new Limit(end, budget));
        return new Scope(outer);
    }

    /** Throws {@link TooComplexException} when the current analysis is past its deadline. */
    public static void check() {
        Limit limit = CURRENT.get();
        if (limit != null && System.nanoTime() - limit.endNanos() > 0) {
            throw new TooComplexException("the analysis did not finish within " + describe(limit.budget()));
        }
    }

    private static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
