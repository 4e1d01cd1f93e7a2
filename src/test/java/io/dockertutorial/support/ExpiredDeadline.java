package io.dockertutorial.support;

import io.dockertutorial.budget.Deadline;
import io.dockertutorial.budget.TooComplexException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs work under a deadline that has already run out: work that checks it must stop with "too complex". */
public final class ExpiredDeadline {

    private ExpiredDeadline() {
    }

    public static void assertStops(ThrowingCallable work) {
        try (var d = Deadline.open(Duration.ofNanos(1))) {
            assertThatThrownBy(work).isInstanceOf(TooComplexException.class)
                    .hasMessageStartingWith("too complex: the analysis did not finish within");
        }
    }
}
