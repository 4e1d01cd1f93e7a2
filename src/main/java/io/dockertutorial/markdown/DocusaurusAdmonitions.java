package io.dockertutorial.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Docusaurus admonitions ({@code :::tip Title} … {@code :::}, also {@code :::tip[Title]})
 * into the MkDocs form ({@code !!! tip "Title"} plus an indented body) that flexmark's admonition
 * extension parses. Works line by line, skips fenced code, keeps line numbers unchanged, and
 * supports nesting. An unclosed block runs to the end of the document.
 */
final class DocusaurusAdmonitions {

    private static final Pattern OPEN = Pattern.compile("^(\\s*):{3,}\\s*([A-Za-z]+)\\s*(?:\\[([^\\]]*)]|(.*))$");
    private static final Pattern CLOSE = Pattern.compile("^\\s*:{3,}\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})");

    private DocusaurusAdmonitions() {
    }

    static String rewrite(String markdown) {
        if (!markdown.contains(":::")) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        Deque<Boolean> open = new ArrayDeque<>();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String indent = "    ".repeat(open.size());
            if (fence != null) {
                Matcher f = FENCE.matcher(line);
                if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                        && line.strip().length() == f.group(1).length()) {
                    fence = null;
                }
                out.append(line.isEmpty() ? "" : indent).append(line).append('\n');
                continue;
            }
            Matcher f = FENCE.matcher(line);
            Matcher o = OPEN.matcher(line);
            if (f.find()) {
                fence = f.group(1);
                out.append(indent).append(line).append('\n');
            } else if (!open.isEmpty() && CLOSE.matcher(line).matches()) {
                open.pop();
                out.append('\n');
            } else if (o.matches()) {
                String title = o.group(3) != null ? o.group(3) : o.group(4);
                out.append(indent).append("!!! ").append(o.group(2).toLowerCase());
                if (title != null && !title.isBlank()) {
                    out.append(" \"").append(title.strip().replace("\"", "'")).append('"');
                }
                out.append('\n');
                open.push(Boolean.TRUE);
            } else {
                out.append(line.isBlank() ? "" : indent).append(line).append('\n');
            }
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
