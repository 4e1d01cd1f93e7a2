package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.ParseError;
import io.dockertutorial.dockerfile.syntax.ParsedDockerfile;

import java.util.Locale;
import java.util.Map;

/** ConsistentInstructionCasing, and BuildKit's parse-time NoEmptyContinuation. */
final class CasingRules implements Rule {

    @Override
    public void finish(Lint lint) {
        ParsedDockerfile parsed = lint.walk().parsed;
        for (ParseError e : parsed.emptyContinuations()) {
            lint.findings().warn(null, "NoEmptyContinuation", e.endLine(), Map.of());
        }
        int upper = 0;
        int lower = 0;
        for (Instruction i : parsed.instructions()) {
            if (i.isKnown() && isUpper(i)) {
                upper++;
            } else if (i.isKnown() && isLower(i)) {
                lower++;
            }
        }
        boolean upperWins = upper >= lower;
        for (Instruction i : parsed.instructions()) {
            if (!i.isKnown() || (upperWins ? isUpper(i) : isLower(i))) {
                continue;
            }
            lint.findings().warn(i, "ConsistentInstructionCasing", Map.of("written", i.written(),
                    "this", isLower(i) ? "lower" : isUpper(i) ? "upper" : "mixed", "other", upperWins ? "upper" : "lower",
                    "expected", upperWins ? i.keyword() : i.keyword().toLowerCase(Locale.ROOT)));
        }
    }

    private static boolean isUpper(Instruction i) {
        return i.written().equals(i.written().toUpperCase(Locale.ROOT));
    }

    private static boolean isLower(Instruction i) {
        return i.written().equals(i.written().toLowerCase(Locale.ROOT));
    }
}
