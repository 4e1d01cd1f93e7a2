package io.dockertutorial.dockerfile.syntax;

import java.util.List;
import java.util.Locale;

/**
 * One instruction as BuildKit's parser sees it, with its exact place in the file.
 *
 * @param keyword      upper-case keyword ({@code RUN}); unknown words stay as written, upper-cased
 * @param written      the keyword as the author wrote it ({@code run}), for casing checks
 * @param startLine    first physical line (1-based)
 * @param endLine      last physical line, including continuation lines and heredoc bodies
 * @param commentLine  first line of the author's comment above it, or {@code 0} when it has none
 * @param comments     the comment lines above it, without {@code #}
 * @param original     the logical line: continuation lines joined, comments inside it dropped
 * @param flags        the flags as written, e.g. {@code --from=build}, {@code --link}
 * @param rest         the text after keyword and flags, as BuildKit hands it to the argument parser
 * @param arguments    the argument values as BuildKit's AST holds them (ENV/LABEL: key, value, separator…)
 * @param json         exec (JSON array) form
 * @param heredocs     here-documents, in order
 * @param inner        for ONBUILD, the wrapped instruction; otherwise {@code null}
 */
public record Instruction(String keyword, String written, int startLine, int endLine, int commentLine,
                          List<String> comments, String original, List<String> flags, String rest,
                          List<String> arguments, boolean json, List<Heredoc> heredocs, Instruction inner) {

    public static final List<String> KEYWORDS = List.of("FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE",
            "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL",
            "HEALTHCHECK", "SHELL");

    public boolean isKnown() {
        return KEYWORDS.contains(keyword);
    }

    public boolean is(String kw) {
        return keyword.equals(kw.toUpperCase(Locale.ROOT));
    }

    /** The instruction that takes effect: the wrapped one for ONBUILD, else this one. */
    public Instruction effective() {
        return inner != null ? inner : this;
    }

    /** A flag's value by name (without {@code --}); {@code ""} for a bare flag; {@code null} when absent. */
    public String flag(String name) {
        for (String f : flags) {
            String body = f.startsWith("--") ? f.substring(2) : f;
            int eq = body.indexOf('=');
            String key = eq < 0 ? body : body.substring(0, eq);
            if (key.equalsIgnoreCase(name)) {
                return eq < 0 ? "" : body.substring(eq + 1);
            }
        }
        return null;
    }

    /** The first line to highlight: the comment above it when there is one. */
    public int spanStart() {
        return commentLine > 0 ? commentLine : startLine;
    }
}
