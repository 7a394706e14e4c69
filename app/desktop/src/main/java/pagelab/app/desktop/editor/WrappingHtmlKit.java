package pagelab.app.desktop.editor;

import javax.swing.SizeRequirements;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.Element;
import javax.swing.text.View;
import javax.swing.text.ViewFactory;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.ParagraphView;
import java.awt.Container;
import java.awt.Font;
import java.awt.FontMetrics;

/**
 * Swing's HTML kit with paragraphs that may be as narrow as their longest word. Swing's own measure of that word
 * ({@code InlineView.getLongestWordSpan}) counts from the wrong offset when the text does not start at the
 * document's beginning, so one wide line of a code block could claim 700 pixels: the page then grew wider than its
 * pane and every paragraph was cut at the pane's edge instead of wrapping. Here the longest word is measured from
 * the paragraph's text, split where a line may break (a space, or the zero-width space {@code Markdown} puts into
 * long words).
 */
public final class WrappingHtmlKit extends HTMLEditorKit {
    private static final ViewFactory WRAPPING = new HTMLFactory() {
        @Override
        public View create(Element e) {
            View v = super.create(e);
            return v instanceof ParagraphView ? new Paragraph(e, true) : v;
        }
    };
    private static final ViewFactory UNBROKEN = new HTMLFactory() {
        @Override
        public View create(Element e) {
            View v = super.create(e);
            return v instanceof ParagraphView ? new Paragraph(e, false) : v;
        }
    };

    private final boolean wraps;

    /** The kit of running text: paragraphs wrap, down to their longest word. */
    public WrappingHtmlKit() {
        this(true);
    }

    private WrappingHtmlKit(boolean wraps) {
        this.wraps = wraps;
    }

    /**
     * The kit of a code block or diagram: a paragraph (a line) is never broken, not even between two Chinese
     * characters, where Swing's own kit would break it; the block is as wide as its widest line.
     */
    public static WrappingHtmlKit unbrokenLines() {
        return new WrappingHtmlKit(false);
    }

    @Override
    public ViewFactory getViewFactory() {
        return wraps ? WRAPPING : UNBROKEN;
    }

    private static final class Paragraph extends ParagraphView {
        private final boolean wraps;

        Paragraph(Element e, boolean wraps) {
            super(e);
            this.wraps = wraps;
        }

        @Override
        protected SizeRequirements calculateMinorAxisRequirements(int axis, SizeRequirements r) {
            SizeRequirements req = super.calculateMinorAxisRequirements(axis, r);
            if (axis == X_AXIS && !wraps) {
                req.minimum = Math.max(req.minimum, req.preferred);
            } else if (axis == X_AXIS) {
                int word = longestWord();
                if (word >= 0 && word < req.minimum) {
                    req.minimum = word;
                }
            }
            return req;
        }

        /** The widest unbreakable run of this paragraph's text (plus its insets), or -1 if it cannot be measured. */
        private int longestWord() {
            Container c = getContainer();
            if (c == null || !(getDocument() instanceof HTMLDocument doc)) {
                return -1;
            }
            int widest = 0;
            Element e = getElement();
            for (int i = 0; i < e.getElementCount(); i++) {
                Element run = e.getElement(i);
                AttributeSet a = run.getAttributes();
                Font font = doc.getStyleSheet().getFont(a);
                FontMetrics fm = c.getFontMetrics(font);
                String text;
                try {
                    text = doc.getText(run.getStartOffset(), run.getEndOffset() - run.getStartOffset());
                } catch (BadLocationException ex) {
                    return -1;
                }
                for (String w : text.split("[\\s\\u200B]+")) {
                    widest = Math.max(widest, fm.stringWidth(w));
                }
            }
            return widest + (int) (getLeftInset() + getRightInset());
        }
    }
}
