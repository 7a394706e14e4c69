package pagelab.app.desktop.trace;

import net.miginfocom.swing.MigLayout;

import javax.swing.JEditorPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import java.awt.event.HierarchyEvent;

/** Explains the event at the {@link TimeCursor}'s step: a call's details, or the fault explainer for a fault. */
public final class EventDetailsPanel extends JPanel {
    private final TimeCursor cursor;
    private final Runnable cursorListener = this::cursorMoved;
    private final JEditorPane pane = new JEditorPane();

    public EventDetailsPanel(TimeCursor cursor) {
        super(new MigLayout("insets 0, fill"));
        this.cursor = cursor;
        setName("eventDetails");
        pane.setName("eventDetailsText");
        pane.setEditable(false);
        // Rendered only while showing: a hidden tab costs nothing at startup (the HTML kit loads on first use).
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
                cursorMoved();
            }
        });
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
        if (!isShowing()) {
            return;
        }
        if (!"text/html".equals(pane.getContentType())) {
            pane.setEditorKit(new pagelab.app.desktop.editor.WrappingHtmlKit());
        }
        int step = cursor.step();
        Timeline t = cursor.timeline();
        pane.setText(EventExplanation.html(t.eventAt(step), t.is64(), step > 0 ? t.snapshotAt(step - 1) : null));
        pane.setCaretPosition(0);
    }

    public String text() {
        cursorMoved();
        return pane.getText();
    }
}
