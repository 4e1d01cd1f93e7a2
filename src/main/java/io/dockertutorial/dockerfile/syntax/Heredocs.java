package io.dockertutorial.dockerfile.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The here-documents an instruction line opens ({@code RUN <<EOF}, {@code COPY <<-"END" /f}). */
final class Heredocs {

    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)([^<]*)$");

    private Heredocs() {
    }

    /** BuildKit's heredocsFromLine: every word of the form {@code [n]<<[-]NAME}. */
    static List<Heredoc> fromLine(String line) throws BadInstruction {
        List<String> words;
        try {
            words = new ShellLex('\\').rawQuotes(true).rawEscapes(true).skipUnsetEnv(true).processWords(line, name -> null);
        } catch (ShellLex.ShellSyntaxException e) {
            return List.of();
        }
        List<Heredoc> docs = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            // BuildKit accepts blanks between << and the delimiter (RUN <<  EOF).
            if (word.matches("\\d*<<-?") && w + 1 < words.size()) {
                word = word + words.get(++w);
            }
            Matcher m = HEREDOC.matcher(word);
            if (!m.matches() || m.group(3).isEmpty()) {
                continue;
            }
            int fd = 0;
            try {
                fd = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                fd = 0;
            }
            boolean chomp = m.group(2).equals("-");
            String rest = m.group(3);
            try {
                List<String> cooked = new ShellLex('\\').skipUnsetEnv(true).processWords(rest, name -> null);
                if (cooked.size() != 1) {
                    continue;
                }
                List<String> raw = new ShellLex('\\').skipUnsetEnv(true).rawQuotes(true).processWords(rest, name -> null);
                if (raw.size() != cooked.size()) {
                    throw new BadInstruction("the here-document delimiter " + rest + " cannot be read");
                }
                String name = cooked.get(0);
                boolean expand = quoteCount(name) == quoteCount(raw.get(0));
                docs.add(new Heredoc(name, "", expand, chomp, fd, 0, 0));
            } catch (ShellLex.ShellSyntaxException e) {
                throw new BadInstruction("the here-document delimiter " + rest + " is not valid: " + e.getMessage());
            }
        }
        return docs;
    }

    private static int quoteCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\'' || s.charAt(i) == '"') {
                n++;
            }
        }
        return n;
    }
}
