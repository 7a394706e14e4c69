package pagelab.app.desktop.editor;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown to the HTML 3.2 + CSS1 that {@code JEditorPane} understands: tables get {@code border} attributes
 * (CSS borders are ignored), colours are given as {@code background-color}, and a code block is one
 * {@code <div>} per line with non-breaking spaces (no highlighting), shown in a strip of its own ({@link #parts}).
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create())).escapeHtml(true)
            .nodeRendererFactory(CjkSoftBreak::new).build();

    private Markdown() {
    }

    private static final Pattern CODE_BLOCK = Pattern.compile("<pre><code[^>]*>(.*?)</code></pre>", Pattern.DOTALL);

    /**
     * One piece of the instructions as the pane shows them: running text, which wraps to the pane's width, or a
     * wide block (a code block, a diagram, a table) that keeps its lines and scrolls sideways on its own when it
     * is wider than the pane, so that one wide diagram neither widens the page nor breaks mid-word.
     *
     * @param html  the piece's body HTML
     * @param wide  whether it is a block that scrolls sideways rather than wrap
     * @param lines whether it is a code block or diagram, whose lines never break (a table's cells may wrap)
     */
    public record Part(String html, boolean wide, boolean lines) {
    }

    /** {@code markdown} cut into running text and wide blocks, in order. */
    public static List<Part> parts(String markdown) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Node n = PARSER.parse(markdown == null ? "" : markdown).getFirstChild();
        while (n != null) {
            Node next = n.getNext();
            if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof TableBlock) {
                if (!text.isEmpty()) {
                    parts.add(new Part(text.toString(), false, false));
                    text.setLength(0);
                }
                String html = tableBorders(RENDERER.render(n));
                parts.add(new Part(CODE_BLOCK.matcher(html).replaceAll(m ->
                        Matcher.quoteReplacement(unwrappedCode(m.group(1)))), true, !(n instanceof TableBlock)));
            } else {
                text.append(RENDERER.render(n));
            }
            n = next;
        }
        if (!text.isEmpty()) {
            parts.add(new Part(tableBorders(text.toString()), false, false));
        }
        return parts;
    }

    private static String tableBorders(String html) {
        return html.replace("<table>", "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">");
    }

    /**
     * A code block whose lines never wrap (every space is non-breaking): the block is exactly as wide as its
     * widest line, and the pane lets it scroll sideways when that is wider than the pane.
     */
    static String unwrappedCode(String escaped) {
        String body = escaped.endsWith("\n") ? escaped.substring(0, escaped.length() - 1) : escaped;
        StringBuilder sb = new StringBuilder("<div class=\"code\">");
        for (String line : body.split("\n", -1)) {
            sb.append("<div>").append(line.isEmpty() ? "&nbsp;" : line.replace(" ", "&nbsp;")).append("</div>");
        }
        return sb.append("</div>").toString();
    }

    /** A whole document around {@code bodyHtml} (see {@link #parts}) in the theme's colours and the UI font size. */
    public static String page(String bodyHtml, Color fg, Color bg, Color codeBg, int fontSize) {
        return "<html><head><style type=\"text/css\">"
                + "body { font-size: " + fontSize + "pt; color: " + hex(fg) + "; background-color: " + hex(bg)
                + "; margin: 8px; }"
                + " code { font-family: monospaced; background-color: " + hex(codeBg) + "; }"
                + " pre, div.code { font-family: monospaced; background-color: " + hex(codeBg)
                + "; margin: 4px; padding: 2px; }"
                + " h1 { font-size: " + (fontSize + 8) + "pt; } h2 { font-size: " + (fontSize + 5) + "pt; }"
                + " h3 { font-size: " + (fontSize + 2) + "pt; } th { background-color: " + hex(codeBg) + "; }"
                + "</style></head><body>" + bodyHtml + "</body></html>";
    }

    /**
     * A line break inside a paragraph between two Chinese (or Japanese) characters disappears, as CSS's
     * segment-break rules say it should: a translation wrapped at 100 columns would otherwise show a space in the
     * middle of a phrase, because HTML turns the newline into one. Between anything else it stays a newline.
     */
    private static final class CjkSoftBreak implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        CjkSoftBreak(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(SoftLineBreak.class);
        }

        @Override
        public void render(Node node) {
            if (!(isCjk(edge(node.getPrevious(), false)) && isCjk(edge(node.getNext(), true)))) {
                context.getWriter().raw(context.getSoftbreak());
            }
        }

        /** The first (or last) character of a node's text, looking inside emphasis and links; 0 if none. */
        private static int edge(Node n, boolean first) {
            while (n != null && !(n instanceof Text) && !(n instanceof Code)) {
                n = first ? n.getFirstChild() : n.getLastChild();
            }
            String s = n instanceof Text t ? t.getLiteral() : n instanceof Code c ? c.getLiteral() : "";
            return s.isEmpty() ? 0 : first ? s.codePointAt(0) : s.codePointBefore(s.length());
        }

        static boolean isCjk(int cp) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA
                    || cp >= 0x3000 && cp <= 0x303F // CJK punctuation: 、。「」
                    || cp >= 0xFF00 && cp <= 0xFFEF; // full-width forms: ，：（）
        }
    }

    static String hex(Color c) {
        return c == null ? "#000000" : String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
