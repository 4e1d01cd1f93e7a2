package io.dockertutorial.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.dockertutorial.highlight.SyntaxHighlighter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Markdown to HTML for lessons: CommonMark plus tables, task lists, heading ids, admonitions in
 * MkDocs and Docusaurus form, and code fences rendered by {@link CodeBlockHtml} or by a pluggable
 * {@link FenceRenderer} (the explainers: Dockerfiles, and the other kinds it knows). Raw HTML in lessons is escaped, never passed
 * through: lessons are Markdown, and a lesson file must not be able to inject script.
 * Thread-safe; build one and reuse it.
 */
public final class MarkdownRenderer {


    private final MutableDataSet options;
    /** Same options without the admonition extension, whose renderer would inject its SVG icon set. */
    private final MutableDataSet rendererOptions;
    private final Parser parser;
    private final FenceRenderer dockerfileRenderer;

    public MarkdownRenderer(FenceRenderer dockerfileRenderer) {
        this.dockerfileRenderer = dockerfileRenderer;
        options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(),
                AdmonitionExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(TablesExtension.CLASS_NAME, "table");
        parser = Parser.builder(options).build();
        rendererOptions = new MutableDataSet(options);
        rendererOptions.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create()));
    }

    public MarkdownRenderer() {
        this(fence -> null);
    }

    public RenderedMarkdown render(String markdown) {
        return render(markdown, ProjectFiles.NONE);
    }

    /** @param project the page's example project, which its Dockerfile blocks may use */
    public RenderedMarkdown render(String markdown, ProjectFiles project) {
        try {
            return renderUnchecked(markdown == null ? "" : markdown, project);
        } catch (StackOverflowError e) {
            // Thousands of nested quotes or lists exhaust the parser's recursion: report, don't crash.
            throw new MarkdownFormatException(1, "the Markdown nests too deeply (quotes or lists inside each other)");
        }
    }

    private RenderedMarkdown renderUnchecked(String markdown, ProjectFiles project) {
        Document document = parser.parse(DocusaurusAdmonitions.rewrite(markdown));
        new HeaderIdGenerator(options).generateIds(document);
        List<TocEntry> toc = new ArrayList<>();
        collectToc(document, toc);
        List<CodeFence> fences = new ArrayList<>();
        // A renderer per call: it carries this document's fence list; the parser is shared.
        HtmlRenderer renderer = HtmlRenderer.builder(rendererOptions)
                .nodeRendererFactory(opts -> new LessonNodeRenderer(fences, dockerfileRenderer, project))
                .build();
        String html = renderer.render(document);
        return new RenderedMarkdown(html, List.copyOf(toc), List.copyOf(fences));
    }

    private static void collectToc(Node node, List<TocEntry> toc) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading heading && (heading.getLevel() == 2 || heading.getLevel() == 3)) {
                toc.add(new TocEntry(heading.getLevel(), heading.getAnchorRefId(), heading.getText().toString()));
            } else if (!(child instanceof Heading)) {
                collectToc(child, toc);
            }
        }
    }

    /** Our rendering of code fences and admonitions. */
    private static final class LessonNodeRenderer implements NodeRenderer {
        private final List<CodeFence> fences;
        private final FenceRenderer dockerfileRenderer;
        private final ProjectFiles project;

        LessonNodeRenderer(List<CodeFence> fences, FenceRenderer dockerfileRenderer, ProjectFiles project) {
            this.fences = fences;
            this.dockerfileRenderer = dockerfileRenderer;
            this.project = project;
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::renderFence),
                    new NodeRenderingHandler<>(AdmonitionBlock.class, this::renderAdmonition));
        }

        private CodeFence fence(FencedCodeBlock block) {
            CodeFence fence = CodeFence.parse(block.getInfo().toString(), block.getContentChars().toString(),
                    fences.size() + 1);
            fences.add(fence);
            return fence;
        }

        private static String tabOf(Node node) {
            return node instanceof FencedCodeBlock b ? CodeFence.parse(b.getInfo().toString(), "", 0).attribute("tab") : null;
        }

        private void renderFence(FencedCodeBlock block, NodeRendererContext context, HtmlWriter html) {
            html.line();
            if (tabOf(block) != null) {
                // Consecutive fences with tab="…" form one tab group; the first renders the group.
                if (tabOf(block.getPrevious()) != null) {
                    return;
                }
                html.raw(renderTabs(block));
            } else if (block.getInfo().toString().strip().equalsIgnoreCase("quiz")) {
                CodeFence fence = fence(block);
                html.raw(Quiz.parse(fence.code(), block.getLineNumber() + 1).toHtml("quiz-" + fence.index()));
            } else {
                CodeFence fence = fence(block);
                String rendered = project.isEmpty() ? dockerfileRenderer.render(fence) : dockerfileRenderer.render(fence, project);
                html.raw(rendered != null ? rendered : CodeBlockHtml.render(fence));
            }
            html.line();
        }

        private String renderTabs(FencedCodeBlock first) {
            List<CodeFence> group = new ArrayList<>();
            for (Node n = first; tabOf(n) != null; n = n.getNext()) {
                group.add(fence((FencedCodeBlock) n));
            }
            String id = "tabs-" + group.get(0).index();
            StringBuilder out = new StringBuilder("<div class=\"tabs\" data-tabs id=\"" + id + "\">");
            out.append("<div class=\"tab-list\" role=\"tablist\" hidden>");
            for (int k = 0; k < group.size(); k++) {
                String label = SyntaxHighlighter.escape(group.get(k).attribute("tab"));
                out.append("<button type=\"button\" role=\"tab\" id=\"").append(id).append("-tab-").append(k)
                        .append("\" aria-controls=\"").append(id).append("-panel-").append(k)
                        .append("\" aria-selected=\"").append(k == 0).append("\" tabindex=\"").append(k == 0 ? 0 : -1)
                        .append("\" data-tab=\"").append(label).append("\">").append(label).append("</button>");
            }
            out.append("</div>");
            for (int k = 0; k < group.size(); k++) {
                CodeFence fence = group.get(k);
                String label = SyntaxHighlighter.escape(fence.attribute("tab"));
                out.append("<div class=\"tab-panel\" role=\"tabpanel\" id=\"").append(id).append("-panel-").append(k)
                        .append("\" aria-labelledby=\"").append(id).append("-tab-").append(k).append("\" data-tab=\"")
                        .append(label).append("\"><p class=\"tab-panel-label\">").append(label).append("</p>")
                        .append(plainOrExplained(fence)).append("</div>");
            }
            return out.append("</div>").toString();
        }

        private String plainOrExplained(CodeFence fence) {
            String rendered = dockerfileRenderer.render(fence);
            return rendered != null ? rendered : CodeBlockHtml.render(fence);
        }

        private void renderAdmonition(AdmonitionBlock block, NodeRendererContext context, HtmlWriter html) {
            String type = block.getInfo().toString().toLowerCase(Locale.ROOT);
            String kind = switch (type) {
                case "tip", "hint", "success" -> "tip";
                case "warning", "caution", "attention" -> "warning";
                case "danger", "error", "bug", "failure" -> "danger";
                case "info", "important", "abstract", "summary" -> "info";
                default -> "note";
            };
            String title = block.getTitle().isNotNull() && !block.getTitle().isBlank()
                    ? block.getTitle().toString()
                    : Character.toUpperCase(type.charAt(0)) + type.substring(1);
            html.line();
            html.raw("<aside class=\"admonition admonition-" + kind + "\" aria-label=\""
                    + SyntaxHighlighter.escape(title) + "\">");
            html.raw("<p class=\"admonition-title\"><span class=\"admonition-icon\" aria-hidden=\"true\"></span>"
                    + SyntaxHighlighter.escape(title) + "</p>");
            html.raw("<div class=\"admonition-body\">");
            context.renderChildren(block);
            html.raw("</div></aside>");
            html.line();
        }
    }

}
