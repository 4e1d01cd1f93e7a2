package io.dockertutorial.search;

import io.dockertutorial.lesson.Course;
import io.dockertutorial.lesson.Lesson;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lucene index of one version of the course, in memory: one document per lesson section (the text
 * under each {@code ##} heading), with the lesson title, the heading, the prose and the code
 * (Dockerfiles and commands, explanations included). Ranked, with highlighted, escaped snippets.
 */
public final class SearchIndex {

    /** One hit: where it points and an HTML snippet in which only {@code <mark>} is markup. */
    public record Hit(String url, String lessonTitle, String heading, String snippetHtml) {
    }

    /** One section as plain text, also written to the static export for offline search. */
    public record Section(String url, String lessonTitle, String heading, String text, String code) {
    }

    private static final Pattern H2 = Pattern.compile("<h2 id=\"([^\"]*)\">(.*?)</h2>", Pattern.DOTALL);
    private static final Pattern PRE = Pattern.compile("<pre[^>]*>(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final int MAX_HITS = 20;

    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
            Map.of("code", new StandardAnalyzer()));
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final List<Section> sections;

    public SearchIndex(Course course) {
        sections = sections(course);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Section s : sections) {
                Document doc = new Document();
                doc.add(new StoredField("url", s.url()));
                doc.add(new TextField("title", s.lessonTitle(), Field.Store.YES));
                doc.add(new TextField("heading", s.heading(), Field.Store.YES));
                doc.add(new TextField("text", s.text(), Field.Store.YES));
                doc.add(new TextField("code", s.code(), Field.Store.YES));
                writer.addDocument(doc);
            }
            writer.commit();
            reader = DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Section> sections() {
        return sections;
    }

    public List<Hit> search(String userQuery) {
        if (userQuery == null || userQuery.isBlank()) {
            return List.of();
        }
        String q = userQuery.length() > 200 ? userQuery.substring(0, 200) : userQuery;
        try {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[]{"title", "heading", "text", "code"},
                    analyzer, Map.of("title", 3f, "heading", 2f, "text", 1f, "code", 1f));
            parser.setDefaultOperator(QueryParser.Operator.AND);
            Query query = parser.parse(QueryParser.escape(q));
            IndexSearcher searcher = new IndexSearcher(reader);
            ScoreDoc[] docs = searcher.search(query, MAX_HITS).scoreDocs;
            if (docs.length == 0) {
                parser.setDefaultOperator(QueryParser.Operator.OR);
                query = parser.parse(QueryParser.escape(q));
                docs = searcher.search(query, MAX_HITS).scoreDocs;
            }
            QueryScorer scorer = new QueryScorer(query);
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
                    scorer);
            highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, 160));
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc sd : docs) {
                Document doc = searcher.storedFields().document(sd.doc);
                String snippet = highlighter.getBestFragment(analyzer, "text", doc.get("text"));
                if (snippet == null) {
                    snippet = highlighter.getBestFragment(analyzer, "code", doc.get("code"));
                }
                if (snippet == null) {
                    String text = doc.get("text");
                    snippet = new SimpleHTMLEncoder().encodeText(text.length() > 160 ? text.substring(0, 160) + "…" : text);
                }
                hits.add(new Hit(doc.get("url"), doc.get("title"), doc.get("heading"), snippet));
            }
            return hits;
        } catch (ParseException | IOException | InvalidTokenOffsetsException | RuntimeException e) {
            // A query we cannot run finds nothing; it never becomes an error page.
            return List.of();
        }
    }

    static List<Section> sections(Course course) {
        List<Section> out = new ArrayList<>();
        for (Lesson lesson : course.lessons()) {
            String html = lesson.html();
            Matcher h2 = H2.matcher(html);
            List<int[]> starts = new ArrayList<>();
            List<String[]> heads = new ArrayList<>();
            while (h2.find()) {
                starts.add(new int[]{h2.start(), h2.end()});
                heads.add(new String[]{h2.group(1), plain(h2.group(2))});
            }
            String base = "/lessons/" + lesson.slug();
            int introEnd = starts.isEmpty() ? html.length() : starts.get(0)[0];
            add(out, base, lesson.title(), lesson.title(), html.substring(0, introEnd), lesson.description());
            for (int k = 0; k < starts.size(); k++) {
                int end = k + 1 < starts.size() ? starts.get(k + 1)[0] : html.length();
                add(out, base + "#" + heads.get(k)[0], lesson.title(), heads.get(k)[1],
                        html.substring(starts.get(k)[1], end), "");
            }
        }
        return List.copyOf(out);
    }

    /** The interface inside lessons (buttons, the explainer's toolbar, the "change a file" control) is not lesson text. */
    private static final Pattern INTERFACE = Pattern.compile("<button\\b.*?</button>|<div class=\"explainer-toolbar.*?</div></div>"
            + "|<section class=\"cache-control\".*?</section>", Pattern.DOTALL);

    private static void add(List<Section> out, String url, String title, String heading, String lessonHtml, String extra) {
        String html = INTERFACE.matcher(lessonHtml).replaceAll(" ");
        StringBuilder code = new StringBuilder();
        Matcher pre = PRE.matcher(html);
        while (pre.find()) {
            code.append(plain(pre.group(1))).append('\n');
        }
        String text = (extra + " " + plain(PRE.matcher(html).replaceAll(" "))).strip();
        if (!text.isEmpty() || code.length() > 0) {
            out.add(new Section(url, title, heading, text, code.toString().strip()));
        }
    }

    static String plain(String html) {
        String text = TAG.matcher(html).replaceAll(" ");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#10;", "\n").replace("&amp;", "&");
        return text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
