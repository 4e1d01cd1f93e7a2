package io.dockertutorial.dockerfile.syntax;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's DirectiveParser: the {@code # syntax=}, {@code # escape=} and {@code # check=} comments
 * at the top of a file, until the first line that is not one. Reports duplicates and bad escape
 * characters into the parse's error list.
 */
final class DirectiveParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^#[ \\t]*([a-zA-Z][a-zA-Z0-9]*)[ \\t]*=[ \\t]*(.+?)[ \\t]*$");

    private final List<ParseError> errors;
    private final Set<String> seenDirectives = new HashSet<>();
    private boolean directivesDone;
    private char escape = '\\';
    private String syntax;
    private String check;
    private int lastDirectiveLine;

    DirectiveParser(List<ParseError> errors) {
        this.errors = errors;
    }

    /** The escape token in force: {@code \\} or, after {@code # escape=`}, a backtick. */
    char escape() {
        return escape;
    }

    Directives directives() {
        return new Directives(syntax, escape, check, lastDirectiveLine);
    }

    /** BuildKit's DirectiveParser.ParseLine, plus the escape token switch. */
    boolean possibleDirective(String token, int physicalLine) {
        if (directivesDone) {
            return false;
        }
        Matcher m = DIRECTIVE.matcher(token);
        if (!m.matches()) {
            directivesDone = true;
            return false;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        if (!key.equals("escape") && !key.equals("syntax") && !key.equals("check")) {
            directivesDone = true;
            return false;
        }
        if (!seenDirectives.add(key)) {
            errors.add(new ParseError(physicalLine, physicalLine,
                    "only one " + key + " parser directive can be used"));
            return true;
        }
        String value = m.group(2);
        lastDirectiveLine = physicalLine;
        switch (key) {
            case "escape" -> {
                if (value.equals("`") || value.equals("\\")) {
                    escape = value.charAt(0);
                } else {
                    errors.add(new ParseError(physicalLine, physicalLine,
                            "invalid escape character '" + value + "': use ` or \\"));
                }
            }
            case "syntax" -> syntax = value;
            default -> check = value;
        }
        return true;
    }
}
