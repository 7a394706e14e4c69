package pagelab.app.desktop.editor;

import net.miginfocom.swing.MigLayout;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.Scrollable;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.text.html.HTMLDocument;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Insets;
import java.awt.Rectangle;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows an exercise's instructions rendered from Markdown; re-renders in the new colours on a theme change.
 *
 * <p>The page is a column of pieces ({@link Markdown#parts}): running text wraps to the pane's width; each code
 * block, diagram and table sits in a strip of its own that scrolls sideways when it is wider than the pane. One wide
 * diagram therefore neither widens the whole page (every paragraph cut at the pane's edge) nor wraps mid-word.
 * The mouse wheel always scrolls the page: the strips leave it to the page.
 */
public final class InstructionsPanel extends JPanel {
    private final Page page = new Page();
    private final JScrollPane scroll = new JScrollPane(page, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
            JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
    private final List<JEditorPane> panes = new ArrayList<>();
    private String markdown = "";
    private URL base;

    public InstructionsPanel() {
        super(new MigLayout("insets 0, fill"));
        setName("instructions");
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        add(scroll, "grow");
    }

    /**
     * Shows {@code value}.
     *
     * @param imageBase where relative image paths resolve (the plugin's resources), or null
     */
    public void show(String value, URL imageBase) {
        markdown = value == null ? "" : value;
        base = imageBase;
        render();
    }

    /** Shows a plain message (no Markdown). */
    public void showPlain(String message) {
        markdown = null;
        JEditorPane pane = newPane(new JEditorPane(), "instructionsText");
        pane.setContentType("text/plain");
        pane.setText(message);
        replaceWith(List.of(pane));
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (page != null && markdown != null) {
            render();
        }
    }

    private void render() {
        Color fg = UIManager.getColor("Label.foreground");
        Color bg = UIManager.getColor("TextArea.background");
        Color code = UIManager.getColor("Panel.background");
        int size = UIManager.getFont("Label.font") != null ? UIManager.getFont("Label.font").getSize() : 13;
        List<JComponent> pieces = new ArrayList<>();
        List<Markdown.Part> parts = Markdown.parts(markdown);
        for (int i = 0; i < parts.size(); i++) {
            Markdown.Part part = parts.get(i);
            JEditorPane pane = newPane(part.lines() ? new LinesPane() : new JEditorPane(),
                    i == 0 ? "instructionsText" : "instructionsPart" + i);
            // The HTML kit is costly to load, so it is set here, on first use, not for the first paint.
            pane.setEditorKit(part.lines() ? WrappingHtmlKit.unbrokenLines() : new WrappingHtmlKit());
            pane.setText(Markdown.page(part.html(), fg, bg, code, size));
            if (base != null && pane.getDocument() instanceof HTMLDocument doc) {
                doc.setBase(base);
            }
            pieces.add(part.wide() ? new Strip(pane, bg) : pane);
        }
        replaceWith(pieces);
    }

    private static JEditorPane newPane(JEditorPane pane, String name) {
        pane.setName(name);
        pane.setEditable(false);
        // A caret following the text would scroll the page to the end of the last piece set.
        if (pane.getCaret() instanceof javax.swing.text.DefaultCaret caret) {
            caret.setUpdatePolicy(javax.swing.text.DefaultCaret.NEVER_UPDATE);
        }
        return pane;
    }

    private void replaceWith(List<? extends JComponent> pieces) {
        panes.clear();
        page.removeAll();
        for (JComponent c : pieces) {
            page.add(c);
            panes.add(c instanceof Strip s ? s.pane : (JEditorPane) c);
        }
        page.revalidate();
        page.repaint();
        scroll.getViewport().setViewPosition(new java.awt.Point(0, 0));
        SwingUtilities.invokeLater(() -> scroll.getViewport().setViewPosition(new java.awt.Point(0, 0)));
    }

    /** The HTML (or text) of every piece of the page, in order. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        panes.forEach(p -> sb.append(p.getText()));
        return sb.toString();
    }

    /** How many pieces scroll sideways on their own (code blocks, diagrams, tables). */
    int strips() {
        return (int) java.util.Arrays.stream(page.getComponents()).filter(c -> c instanceof Strip).count();
    }

    /** The column of pieces: exactly as wide as the viewport, each piece laid out at that width. */
    private static final class Page extends JPanel implements Scrollable {
        Page() {
            super(null);
        }

        @Override
        public void doLayout() {
            int width = getWidth();
            int y = 0;
            for (Component c : getComponents()) {
                int h = heightAt(c, width);
                c.setBounds(0, y, width, h);
                y += h;
            }
        }

        @Override
        public Dimension getPreferredSize() {
            int width = getParent() instanceof JViewport v && v.getWidth() > 0 ? v.getWidth() : 320;
            int height = 0;
            for (Component c : getComponents()) {
                height += heightAt(c, width);
            }
            return new Dimension(width, height);
        }

        private static int heightAt(Component c, int width) {
            if (c instanceof Strip s) {
                return s.heightAt(width);
            }
            return wrappedHeight((JEditorPane) c, width);
        }

        @Override
        public Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(Rectangle visible, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(Rectangle visible, int orientation, int direction) {
            return orientation == SwingConstants.VERTICAL ? visible.height - 16 : visible.width - 16;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return false;
        }
    }

    /** The height of {@code pane}'s text wrapped at {@code width}. */
    static int wrappedHeight(JEditorPane pane, int width) {
        pane.setSize(width, Short.MAX_VALUE);
        return pane.getPreferredSize().height;
    }

    /**
     * A wide block in a strip that scrolls sideways when the block is wider than the page (a table still wraps its
     * cells first, down to its narrowest). The wheel is left to the page.
     */
    private static final class Strip extends JScrollPane {
        final JEditorPane pane;

        Strip(JEditorPane pane, Color bg) {
            super(pane, VERTICAL_SCROLLBAR_NEVER, HORIZONTAL_SCROLLBAR_AS_NEEDED);
            this.pane = pane;
            setName(pane.getName() + "Strip");
            setBorder(BorderFactory.createEmptyBorder());
            setWheelScrollingEnabled(false); // the wheel scrolls the page, not this strip sideways
            getViewport().setBackground(bg);
            getHorizontalScrollBar().setUnitIncrement(16);
        }

        int heightAt(int width) {
            Insets in = getInsets();
            int inner = width - in.left - in.right;
            int narrowest = pane instanceof LinesPane lines ? lines.naturalWidth() : pane.getUI().getMinimumSize(pane).width;
            if (inner >= narrowest) {
                return wrappedHeight(pane, inner) + in.top + in.bottom;
            }
            pane.setSize(1 << 20, Short.MAX_VALUE); // unbounded: its natural width, as the viewport will give it
            int natural = pane instanceof LinesPane lines ? lines.naturalWidth() : pane.getPreferredSize().width;
            return wrappedHeight(pane, natural) + getHorizontalScrollBar().getPreferredSize().height + in.top
                    + in.bottom;
        }
    }

    /**
     * A code block or diagram: as wide as its widest line, never narrower, so a line is never broken (Swing's
     * HTML would break it at any character once it has a pixel too few, and the narrowest width it reports comes
     * up a little short of what its own layout needs).
     */
    private static final class LinesPane extends JEditorPane {
        /** Its widest line and its margins, with two pixels to spare for rounding. */
        int naturalWidth() {
            Insets in = getInsets();
            return (int) Math.ceil(getUI().getRootView(this).getPreferredSpan(javax.swing.text.View.X_AXIS))
                    + in.left + in.right + 2;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return getParent() instanceof JViewport v && v.getWidth() >= naturalWidth();
        }

        @Override
        public Dimension getPreferredSize() {
            Dimension d = super.getPreferredSize();
            if (!getScrollableTracksViewportWidth()) {
                d.width = Math.max(d.width, naturalWidth());
            }
            return d;
        }
    }
}
