package pagelab.app.desktop.editor;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.awt.Color;
import java.util.List;

/**
 * Markdown to the HTML 3.2 + CSS1 that {@code JEditorPane} understands: tables get {@code border} attributes
 * (CSS borders are ignored), colours are given as {@code background-color}, and code blocks are plain
 * {@code <pre>} (no highlighting).
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create())).escapeHtml(true).build();

    private Markdown() {
    }

    /** The body HTML of {@code markdown}. */
    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return html.replace("<table>", "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">")
                .replaceAll("<pre><code[^>]*>", "<pre><code>");
    }

    /** A whole document with a style sheet in the theme's colours and the UI font size. */
    public static String document(String markdown, Color fg, Color bg, Color codeBg, int fontSize) {
        return "<html><head><style type=\"text/css\">"
                + "body { font-size: " + fontSize + "pt; color: " + hex(fg) + "; background-color: " + hex(bg)
                + "; margin: 8px; }"
                + " code { font-family: monospaced; background-color: " + hex(codeBg) + "; }"
                + " pre { font-family: monospaced; background-color: " + hex(codeBg) + "; margin: 4px; }"
                + " h1 { font-size: " + (fontSize + 8) + "pt; } h2 { font-size: " + (fontSize + 5) + "pt; }"
                + " h3 { font-size: " + (fontSize + 2) + "pt; } th { background-color: " + hex(codeBg) + "; }"
                + "</style></head><body>" + toHtml(markdown) + "</body></html>";
    }

    static String hex(Color c) {
        return c == null ? "#000000" : String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
