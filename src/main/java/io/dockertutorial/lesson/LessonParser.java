package io.dockertutorial.lesson;

import io.dockertutorial.markdown.MarkdownRenderer;
import io.dockertutorial.markdown.ProjectFiles;
import io.dockertutorial.markdown.RenderedMarkdown;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one lesson file: YAML front matter (parsed with SnakeYAML's safe constructor), then the
 * Markdown body. Problems are reported as {@link LessonFormatException} with the file's line.
 */
final class LessonParser {

    private static final Pattern PREFIX = Pattern.compile("^(\\d+)[-_. ](.+)$");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern DURATION = Pattern.compile("^\\s*(\\d{1,4})\\s*(?:m|min|mins|minutes?)?\\s*$");

    private final MarkdownRenderer markdown;

    LessonParser(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    static final class LessonFormatException extends Exception {
        final int line;

        LessonFormatException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** The slug a file gets when its front matter names none, also used to show a broken file's page. */
    static String defaultSlug(String baseName) {
        Matcher m = PREFIX.matcher(baseName);
        return (m.matches() ? m.group(2) : baseName).toLowerCase();
    }

    Lesson parse(LessonSource source) throws LessonFormatException {
        return parse(source, null);
    }

    /** @param projects reads the example project the front matter names; {@code null}: none may be named */
    Lesson parse(LessonSource source, ProjectLoader projects) throws LessonFormatException {
        String text = decode(source.markdown());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        Map<String, Object> front = Map.of();
        String body = text;
        int bodyOffset = 0;
        if (text.startsWith("---\n") || text.equals("---")) {
            int end = findClosingFence(text);
            if (end < 0) {
                throw new LessonFormatException(1, "the front matter that starts here has no closing '---' line");
            }
            String yaml = text.substring(4, end);
            front = parseYaml(yaml);
            int afterFence = text.indexOf('\n', end + 1);
            body = afterFence < 0 ? "" : text.substring(afterFence + 1);
            bodyOffset = (int) text.substring(0, afterFence < 0 ? text.length() : afterFence + 1).chars().filter(c -> c == '\n').count();
        }
        Object title = front.get("title");
        if (!(title instanceof String t) || t.isBlank()) {
            throw new LessonFormatException(1, "the front matter needs a 'title' (text), for example: title: Volumes");
        }
        Matcher prefix = PREFIX.matcher(source.baseName());
        int order = front.containsKey("order")
                ? intValue(front, "order", text)
                : prefix.matches() ? safeParseInt(prefix.group(1)) : Integer.MAX_VALUE;
        String slug = front.get("slug") != null ? String.valueOf(front.get("slug")).strip() : defaultSlug(source.baseName());
        if (!SLUG.matcher(slug).matches()) {
            throw new LessonFormatException(lineOf(text, "slug"),
                    "the slug '" + slug + "' may only hold letters, digits, '.', '_' and '-'");
        }
        LessonProject project = project(front, text, projects);
        RenderedMarkdown rendered;
        try {
            rendered = markdown.render(body, project == null ? ProjectFiles.NONE : project.forPage());
        } catch (io.dockertutorial.markdown.MarkdownFormatException e) {
            throw new LessonFormatException(bodyOffset + e.line(), e.getMessage());
        }
        return new Lesson(slug, t.strip(), stringValue(front.get("description")), order,
                duration(front, text), objectives(front, text), source.name(), rendered.html(), rendered.toc(),
                source.assets(), project);
    }

    private static LessonProject project(Map<String, Object> front, String text, ProjectLoader projects)
            throws LessonFormatException {
        Object value = front.get("project");
        if (value == null) {
            return null;
        }
        if (projects == null) {
            throw new LessonFormatException(lineOf(text, "project"), "this lesson cannot name a project here");
        }
        try {
            return projects.load(String.valueOf(value).strip());
        } catch (ProjectLoader.ProjectException e) {
            throw new LessonFormatException(lineOf(text, "project"), e.getMessage());
        }
    }

    private static String decode(byte[] bytes) throws LessonFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            // Find the first bad byte to name its line.
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            int bad = lenient.indexOf('\uFFFD');
            for (int i = 0; i < bad; i++) {
                if (lenient.charAt(i) == '\n') {
                    line++;
                }
            }
            throw new LessonFormatException(line, "the file is not valid UTF-8; save it as UTF-8");
        }
    }

    private static int findClosingFence(String text) {
        int pos = 4;
        if (text.startsWith("---\n---")) {
            return 3;
        }
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            String line = text.substring(pos, nl < 0 ? text.length() : nl);
            if (line.equals("---") || line.equals("...")) {
                return pos - 1;
            }
            if (nl < 0) {
                return -1;
            }
            pos = nl + 1;
        }
        return -1;
    }

    private static Map<String, Object> parseYaml(String yaml) throws LessonFormatException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(256 * 1024);
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new LessonFormatException(2, "the front matter must be 'key: value' lines");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) map;
            return result;
        } catch (MarkedYAMLException e) {
            // The context mark is where the broken construct starts, which is where the author should look.
            var mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
            int line = mark != null ? mark.getLine() + 2 : 2;
            String problem = e.getProblem() != null ? e.getProblem() : "malformed YAML";
            throw new LessonFormatException(line, "the front matter is not valid YAML: " + problem);
        } catch (YAMLException | ClassCastException e) {
            throw new LessonFormatException(2, "the front matter is not valid YAML");
        }
    }

    private static int intValue(Map<String, Object> front, String key, String text) throws LessonFormatException {
        Object value = front.get(key);
        if (value instanceof Integer i) {
            return i;
        }
        throw new LessonFormatException(lineOf(text, key), "'" + key + "' must be a whole number, not '" + value + "'");
    }

    private static Integer duration(Map<String, Object> front, String text) throws LessonFormatException {
        Object value = front.get("duration");
        if (value == null) {
            return null;
        }
        if (value instanceof Integer i && i > 0) {
            return i;
        }
        Matcher m = DURATION.matcher(String.valueOf(value));
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        throw new LessonFormatException(lineOf(text, "duration"),
                "'duration' is a number of minutes (e.g. 15 or \"15 min\"), not '" + value + "'");
    }

    private static List<String> objectives(Map<String, Object> front, String text) throws LessonFormatException {
        Object value = front.get("objectives");
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> result = new ArrayList<>();
            for (Object item : list) {
                result.add(String.valueOf(item));
            }
            return List.copyOf(result);
        }
        throw new LessonFormatException(lineOf(text, "objectives"), "'objectives' must be a list of sentences");
    }

    private static String stringValue(Object value) {
        return value == null ? "" : String.valueOf(value).strip();
    }

    private static int safeParseInt(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The line of a top-level front-matter key, for messages; 1 if not found. */
    private static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
