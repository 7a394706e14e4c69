package pagelab.app.desktop;

import net.miginfocom.swing.MigLayout;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.UIManager;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages the student must not miss, shown in a bar that stays until they close each one: a file that could not be
 * read and where it was kept, a file read in another encoding. Unlike a dialog it never interrupts, and unlike the
 * status line nothing overwrites it. The same message twice is shown once; the oldest goes beyond {@link #MAX_ROWS}.
 * Hidden while empty. Used on the event-dispatch thread only.
 */
public final class NoticeBar extends JPanel {
    static final int MAX_ROWS = 5;
    private final List<Row> rows = new ArrayList<>();

    public NoticeBar(String name) {
        super(new MigLayout("insets 0, gap 0, wrap 1, fillx", "[grow, fill]"));
        setName(name);
        setOpaque(false);
        setVisible(false);
    }

    /** Adds a message; {@code actionKey} and {@code action} add a button to its row (both or neither). */
    public void add(String text, String actionKey, Runnable action) {
        if (texts().contains(text)) {
            return;
        }
        if (rows.size() >= MAX_ROWS) {
            remove(rows.remove(0));
        }
        Row row = new Row(text, actionKey, action);
        rows.add(row);
        add(row, "growx, wmin 0");
        setVisible(true);
        revalidate();
        repaint();
    }

    /** Removes every message. */
    public void clear() {
        rows.clear();
        removeAll();
        setVisible(false);
        revalidate();
        repaint();
    }

    /** The messages shown, oldest first. */
    public List<String> texts() {
        return rows.stream().map(r -> r.text.getText()).toList();
    }

    private void close(Row row) {
        rows.remove(row);
        remove(row);
        setVisible(!rows.isEmpty());
        revalidate();
        repaint();
    }

    /** One message: the text (wrapped, selectable so that a path can be copied), an optional action, a close box. */
    private final class Row extends JPanel {
        private final JTextArea text = new JTextArea();

        Row(String message, String actionKey, Runnable action) {
            super(new MigLayout("insets 6 10 6 6, gap 8", "[grow, fill][][]", "[top]"));
            text.setName("noticeText");
            text.setText(message);
            text.setEditable(false);
            text.setLineWrap(true);
            text.setWrapStyleWord(true);
            text.setOpaque(false);
            text.setBorder(null);
            text.setFont(UIManager.getFont("Label.font"));
            add(text, "wmin 0");
            if (action != null) {
                JButton act = Ui.button(actionKey, () -> {
                    close(this);
                    action.run();
                });
                act.setName("noticeAction");
                add(act);
            }
            JButton dismiss = new JButton("\u00D7");
            dismiss.setName("noticeClose");
            dismiss.setToolTipText(Messages.get("notice.dismiss"));
            dismiss.putClientProperty("JButton.buttonType", "toolBarButton");
            dismiss.addActionListener(e -> close(this));
            add(dismiss);
            applyColours();
        }

        @Override
        public void updateUI() {
            super.updateUI();
            if (text != null) {
                applyColours();
            }
        }

        // From FlatLightLaf/FlatDarkLaf.properties, so that a theme switch recolours the row.
        private void applyColours() {
            Color back = UIManager.getColor("Notice.background");
            Color edge = UIManager.getColor("Notice.borderColor");
            setBackground(back != null ? back : new Color(0xFFF4CE));
            setBorder(BorderFactory.createCompoundBorder(BorderFactory.createEmptyBorder(0, 0, 1, 0),
                    BorderFactory.createMatteBorder(0, 4, 0, 0, edge != null ? edge : new Color(0xE0A800))));
            text.setFont(UIManager.getFont("Label.font"));
            text.setForeground(UIManager.getColor("Label.foreground"));
        }
    }
}
