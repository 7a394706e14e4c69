package pagelab.app.desktop.trace;

import net.miginfocom.swing.MigLayout;

import javax.swing.JEditorPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/** Explains the event at the {@link TimeCursor}'s step: a call's details, or the fault explainer for a fault. */
public final class EventDetailsPanel extends JPanel {
    private final TimeCursor cursor;
    private final Runnable cursorListener = this::cursorMoved;
    private final JEditorPane pane = new JEditorPane("text/html", "");

    public EventDetailsPanel(TimeCursor cursor) {
        super(new MigLayout("insets 0, fill"));
        this.cursor = cursor;
        setName("eventDetails");
        pane.setName("eventDetailsText");
        pane.setEditable(false);
        pane.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, true);
        add(new JScrollPane(pane), "grow");
    }

    @Override
    public void addNotify() {
        super.addNotify();
        cursor.addListener(cursorListener);
        cursorMoved();
    }

    @Override
    public void removeNotify() {
        cursor.removeListener(cursorListener);
        super.removeNotify();
    }

    private void cursorMoved() {
        pane.setText(EventExplanation.html(cursor.timeline().eventAt(cursor.step()), cursor.timeline().is64()));
        pane.setCaretPosition(0);
    }

    public String text() {
        return pane.getText();
    }
}
