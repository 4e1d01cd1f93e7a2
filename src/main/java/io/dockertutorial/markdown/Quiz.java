package io.dockertutorial.markdown;

import io.dockertutorial.highlight.SyntaxHighlighter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A "check yourself" quiz written as a fenced {@code quiz} block of YAML:
 * <pre>
 * - question: What does `docker ps` list?
 *   choices:
 *     - text: The running containers
 *       correct: true
 *       why: Without -a it shows only running ones.
 *     - text: Every image on the machine
 *       why: That is docker images.
 * </pre>
 * Every question needs at least one correct choice and an explanation ({@code why}) for every choice.
 * The answers are checked in the browser; without JavaScript a "Show answers" section reveals them.
 */
public record Quiz(List<Question> questions) {

    public record Choice(String text, boolean correct, String why) {
    }

    public record Question(String question, List<Choice> choices) {
    }

    /** @param firstLine the block's first line within the Markdown, for messages */
    @SuppressWarnings("unchecked")
    public static Quiz parse(String yaml, int firstLine) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            int line = firstLine + 1 + (e.getProblemMark() == null ? 0 : e.getProblemMark().getLine());
            throw new MarkdownFormatException(line, "the quiz is not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new MarkdownFormatException(firstLine, "the quiz is not valid YAML");
        }
        if (!(loaded instanceof List<?> items) || items.isEmpty()) {
            throw new MarkdownFormatException(firstLine, "a quiz is a list of questions, each with '- question:' and 'choices:'");
        }
        List<Question> questions = new ArrayList<>();
        int n = 0;
        for (Object item : items) {
            n++;
            if (!(item instanceof Map<?, ?> q) || !(q.get("question") instanceof String text) || text.isBlank()) {
                throw new MarkdownFormatException(firstLine, "question " + n + " of the quiz has no 'question:' text");
            }
            if (!(q.get("choices") instanceof List<?> rawChoices) || rawChoices.size() < 2) {
                throw new MarkdownFormatException(firstLine, "question " + n + " ('" + text + "') needs at least two choices");
            }
            List<Choice> choices = new ArrayList<>();
            for (Object c : rawChoices) {
                Map<String, Object> choice = c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                Object choiceText = choice.get("text");
                Object why = choice.get("why");
                if (choiceText == null || why == null || String.valueOf(why).isBlank()) {
                    throw new MarkdownFormatException(firstLine, "every choice of question " + n + " ('" + text
                            + "') needs 'text:' and a 'why:' that explains it");
                }
                choices.add(new Choice(String.valueOf(choiceText), Boolean.TRUE.equals(choice.get("correct")),
                        String.valueOf(why)));
            }
            if (choices.stream().noneMatch(Choice::correct)) {
                throw new MarkdownFormatException(firstLine, "question " + n + " ('" + text + "') has no choice marked 'correct: true'");
            }
            questions.add(new Question(text, List.copyOf(choices)));
        }
        return new Quiz(List.copyOf(questions));
    }

    public String toHtml(String id) {
        StringBuilder html = new StringBuilder();
        html.append("<form class=\"quiz\" data-quiz id=\"").append(id).append("\" aria-labelledby=\"").append(id)
                .append("-title\"><p class=\"quiz-title\" id=\"").append(id).append("-title\">Quiz</p>");
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            boolean multiple = question.choices().stream().filter(Choice::correct).count() > 1;
            String name = id + "-q" + (q + 1);
            html.append("<fieldset class=\"quiz-question\" data-question><legend>").append(q + 1).append(". ")
                    .append(inline(question.question())).append(multiple ? " <span class=\"quiz-hint\">(choose all that apply)</span>" : "")
                    .append("</legend><ul class=\"quiz-choices\">");
            for (int c = 0; c < question.choices().size(); c++) {
                Choice choice = question.choices().get(c);
                html.append("<li class=\"quiz-choice\"><label><input type=\"").append(multiple ? "checkbox" : "radio")
                        .append("\" name=\"").append(name).append("\" value=\"").append(c).append("\" data-correct=\"")
                        .append(choice.correct()).append("\"> <span>").append(inline(choice.text()))
                        .append("</span></label><p class=\"quiz-why\" hidden>").append(inline(choice.why())).append("</p></li>");
            }
            html.append("</ul><details class=\"quiz-answers\"><summary>Show the answer</summary><ul>");
            for (Choice choice : question.choices()) {
                html.append("<li><strong>").append(choice.correct() ? "Right" : "Not quite").append(":</strong> ")
                        .append(inline(choice.text())).append(" — ").append(inline(choice.why())).append("</li>");
            }
            html.append("</ul></details></fieldset>");
        }
        html.append("<div class=\"quiz-actions\"><button class=\"button button-primary\" type=\"submit\" hidden>Check my answers</button>")
                .append("<p class=\"quiz-result\" role=\"status\" aria-live=\"polite\"></p></div></form>");
        return html.toString();
    }

    /** Escapes text and turns `code` spans into {@code <code>}. */
    static String inline(String text) {
        String escaped = SyntaxHighlighter.escape(text);
        StringBuilder out = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < escaped.length(); i++) {
            char ch = escaped.charAt(i);
            if (ch == '`') {
                out.append(open ? "</code>" : "<code>");
                open = !open;
            } else {
                out.append(ch);
            }
        }
        if (open) {
            out.append("</code>");
        }
        return out.toString();
    }
}
