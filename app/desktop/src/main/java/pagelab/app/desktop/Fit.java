package pagelab.app.desktop;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.ListModel;
import javax.swing.UIManager;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
import javax.swing.table.TableModel;
import java.awt.Color;
import java.awt.Component;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.MouseEvent;

/**
 * Lists and tables that fit their pane: a cell too narrow for its text ends in an ellipsis (the label renderers do
 * that once the cell is narrower than the text) and shows the whole text as its tooltip; an empty list or table says
 * what goes there instead of showing a blank pane.
 */
public final class Fit {
    private Fit() {
    }

    /**
     * A list as wide as its viewport (so long lines are cut with an ellipsis rather than scrolled sideways), with
     * the whole line as the tooltip of a cut one, and a placeholder while it is empty.
     */
    public static class FitList<E> extends JList<E> {
        private String placeholder = "";

        public FitList(ListModel<E> model) {
            super(model);
            setToolTipText(""); // registers with the tooltip manager; the text comes from getToolTipText(event)
        }

        /** What an empty list shows, e.g. "No results yet: press Check". */
        public void setPlaceholder(String text) {
            placeholder = text == null ? "" : text;
            repaint();
        }

        public String placeholder() {
            return placeholder;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public String getToolTipText(MouseEvent event) {
            int i = locationToIndex(event.getPoint());
            if (i < 0 || !getCellBounds(i, i).contains(event.getPoint())) {
                return null;
            }
            Component c = getCellRenderer().getListCellRendererComponent(this, getModel().getElementAt(i), i,
                    false, false);
            return cutText(c, getCellBounds(i, i).width);
        }

        /** The text of row {@code i} if it does not fit its cell (so it shows an ellipsis), else null. */
        public String cutTextAt(int i) {
            Component c = getCellRenderer().getListCellRendererComponent(this, getModel().getElementAt(i), i,
                    false, false);
            Rectangle r = getCellBounds(i, i);
            return r == null ? null : cutText(c, r.width);
        }

        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            if (getModel().getSize() == 0) {
                paintPlaceholder(this, g, placeholder);
            }
        }
    }

    /** A table whose cut cells show their whole text as a tooltip, and a placeholder while it has no rows. */
    public static class FitTable extends JTable {
        private String placeholder = "";

        public FitTable(TableModel model) {
            super(model);
        }

        public void setPlaceholder(String text) {
            placeholder = text == null ? "" : text;
            repaint();
        }

        @Override
        public String getToolTipText(MouseEvent event) {
            Point p = event.getPoint();
            int row = rowAtPoint(p);
            int col = columnAtPoint(p);
            if (row < 0 || col < 0) {
                return null;
            }
            String cut = cutTextAt(row, col);
            return cut != null ? cut : super.getToolTipText(event);
        }

        /** The text of a view cell if it does not fit (so it shows an ellipsis), else null. */
        public String cutTextAt(int row, int col) {
            TableCellRenderer r = getCellRenderer(row, col);
            Component c = prepareRenderer(r, row, col);
            return cutText(c, getCellRect(row, col, false).width);
        }

        @Override
        protected void paintComponent(Graphics g) {
            super.paintComponent(g);
            if (getRowCount() == 0) {
                paintPlaceholder(this, g, placeholder);
            }
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            // Fill the viewport, so the placeholder is drawn where the student looks.
            return getRowCount() == 0 || super.getScrollableTracksViewportHeight();
        }
    }

    /** Keeps column {@code col} at least as wide as {@code sample} in {@code font} (plus the cell's padding). */
    public static void minWidth(JTable table, int col, String sample, java.awt.Font font) {
        FontMetrics fm = table.getFontMetrics(font);
        TableColumn c = table.getColumnModel().getColumn(col);
        int w = fm.stringWidth(sample) + 16;
        c.setMinWidth(w);
        c.setPreferredWidth(Math.max(c.getPreferredWidth(), w));
    }

    /** The label's text if it needs more than {@code width} pixels, else null. */
    static String cutText(Component c, int width) {
        if (!(c instanceof JLabel l) || l.getText() == null || l.getText().isEmpty()) {
            return null;
        }
        return l.getPreferredSize().width > width ? l.getText() : null;
    }

    private static void paintPlaceholder(JComponent c, Graphics g, String text) {
        if (text.isEmpty()) {
            return;
        }
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Color fg = UIManager.getColor("Label.disabledForeground");
            g2.setColor(fg != null ? fg : Color.GRAY);
            g2.setFont(c.getFont());
            FontMetrics fm = g2.getFontMetrics();
            int width = Math.max(40, c.getVisibleRect().width - 16);
            int y = 8 + fm.getAscent();
            // Word-wrapped (at spaces, or between CJK characters), so a narrow pane still shows all of it.
            StringBuilder line = new StringBuilder();
            for (String word : text.split("(?<= )|(?=[\\u3000-\\u9fff])")) {
                if (line.length() > 0 && fm.stringWidth(line + word) > width) {
                    g2.drawString(line.toString().stripTrailing(), 8, y);
                    y += fm.getHeight();
                    line.setLength(0);
                }
                line.append(word);
            }
            g2.drawString(line.toString().stripTrailing(), 8, y);
        } finally {
            g2.dispose();
        }
    }
}
