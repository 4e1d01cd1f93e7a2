package io.dockertutorial.cache;

import io.dockertutorial.cache.CachePrediction.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON answer of {@code POST /api/cache}; field names are the public contract (see openapi.yaml).
 *
 * @param rebuilt  start lines of the instructions that miss the cache
 * @param cached   start lines of the steps reused from the cache
 * @param notBuilt start lines in stages the target does not need
 * @param reasons  why, line by line (only lines with something to say)
 * @param errors   the Dockerfile's syntax errors: a real build would stop at them
 */
public record CacheResponse(String target, List<Integer> rebuilt, List<Integer> cached, List<Integer> notBuilt,
                            List<Reason> reasons, List<Error> errors) {

    public record Reason(int line, String outcome, String key, String reason) {
    }

    public record Error(int line, String message) {
    }

    static CacheResponse of(CacheService.Result result) {
        CachePrediction p = result.prediction();
        List<Reason> reasons = new ArrayList<>();
        for (CachePrediction.Step s : p.steps()) {
            String text = CacheReasons.get().text(s);
            if (text != null) {
                reasons.add(new Reason(s.line(), outcome(s.outcome()), s.reason(), text));
            }
        }
        List<Error> errors = result.parsed().errors().stream().map(e -> new Error(e.line(), e.message())).toList();
        return new CacheResponse(p.target(), p.lines(Outcome.REBUILT), p.lines(Outcome.CACHED),
                p.lines(Outcome.NOT_BUILT), List.copyOf(reasons), errors);
    }

    /** {@code rebuilt}, {@code cached}, {@code notBuilt}, {@code setting}. */
    static String outcome(Outcome o) {
        return o == Outcome.NOT_BUILT ? "notBuilt" : o.name().toLowerCase(Locale.ROOT);
    }
}
