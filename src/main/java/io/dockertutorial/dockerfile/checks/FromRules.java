package io.dockertutorial.dockerfile.checks;

import io.dockertutorial.dockerfile.state.BuildWalk;
import io.dockertutorial.dockerfile.state.StageState;
import io.dockertutorial.dockerfile.state.Step;
import io.dockertutorial.dockerfile.syntax.Instruction;
import io.dockertutorial.dockerfile.syntax.Names;
import io.dockertutorial.dockerfile.syntax.Texts;

import java.util.Locale;
import java.util.Map;

/**
 * BuildKit's checks of FROM lines: FromAsCasing, StageNameCasing, ReservedStageName,
 * DuplicateStageName, RedundantTargetPlatform, FromPlatformFlagConstDisallowed, UndefinedArgInFrom,
 * InvalidDefaultArgInFrom.
 */
final class FromRules implements Rule {

    @Override
    public void check(Step step, Lint lint) {
        Instruction i = step.instruction;
        if (!i.is("FROM")) {
            return;
        }
        String name = step.stage.name;
        if (name != null) {
            String as = i.arguments().get(1);
            boolean fromUpper = i.written().equals(i.written().toUpperCase(Locale.ROOT));
            boolean fromLower = i.written().equals(i.written().toLowerCase(Locale.ROOT));
            if ((fromUpper && !as.equals("AS")) || (fromLower && !as.equals("as"))) {
                lint.warn(step, "FromAsCasing", Map.of("as", as, "from", i.written()));
            }
        }
        for (String n : step.undefinedInFrom) {
            String similar = Names.closest(n, Texts.union(lint.walk().globalArgs.keySet(), BuildWalk.BUILTIN_ARGS));
            lint.warn(step, "UndefinedArgInFrom", Map.of("name", n, "hint", similar == null ? "" : " Did you mean $" + similar + "?"));
        }
        if (step.invalidDefaultImage) {
            lint.warn(step, "InvalidDefaultArgInFrom", Map.of("image", i.arguments().get(0)));
        }
        String platform = i.flag("platform");
        if (platform != null) {
            if (platform.equals("$TARGETPLATFORM") || platform.equals("${TARGETPLATFORM}")) {
                lint.warn(step, "RedundantTargetPlatform", Map.of("value", platform));
            } else if (!platform.contains("$") && !Texts.nameMentionsPlatform(name, platform)) {
                lint.warn(step, "FromPlatformFlagConstDisallowed", Map.of("value", platform));
            }
        }
        if (name != null) {
            String key = name.toLowerCase(Locale.ROOT);
            if (!name.equals(key)) {
                lint.warn(step, "StageNameCasing", Map.of("name", name, "lower", key));
            }
            if (key.equals("scratch") || key.equals("context")) {
                lint.warn(step, "ReservedStageName", Map.of("name", name));
            }
            StageState first = lint.walk().stagesByName.get(key);
            if (first != step.stage) {
                lint.warn(step, "DuplicateStageName", Map.of("name", name, "first", first.from.startLine()));
            }
        }
    }
}
