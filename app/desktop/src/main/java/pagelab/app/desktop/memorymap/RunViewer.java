package pagelab.app.desktop.memorymap;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.trace.EventDetailsPanel;
import pagelab.app.desktop.trace.TimeCursor;
import pagelab.app.desktop.trace.Timeline;
import pagelab.app.desktop.trace.TracePanel;

import javax.swing.JPanel;
import javax.swing.JSplitPane;
import java.util.function.BiConsumer;

/**
 * A run seen three ways at one time position: the memory map on top, the trace and the explanation of the
 * selected event below. Give it a {@link Timeline} and the user steps through it.
 */
public final class RunViewer extends JPanel {
    private final TimeCursor cursor = new TimeCursor();
    private final MemoryMapPanel map = new MemoryMapPanel(cursor);
    private final TracePanel trace = new TracePanel(cursor);
    private final EventDetailsPanel details = new EventDetailsPanel(cursor);

    /**
     * @param name     a name for the component tree and the remembered divider positions
     * @param remember registers a split pane whose divider the window remembers (name, split)
     */
    public RunViewer(String name, BiConsumer<String, JSplitPane> remember) {
        super(new MigLayout("insets 0, fill"));
        setName(name);
        // The trace table's columns would claim 1,200 pixels: start it narrower so the explainer gets room.
        trace.setPreferredSize(new java.awt.Dimension(380, 200));
        JSplitPane bottom = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, trace, details);
        bottom.setResizeWeight(0.5);
        JSplitPane main = new JSplitPane(JSplitPane.VERTICAL_SPLIT, map, bottom);
        main.setResizeWeight(0.6);
        add(main, "grow");
        remember.accept(name + ".main", main);
        remember.accept(name + ".bottom", bottom);
    }

    public TimeCursor cursor() {
        return cursor;
    }

    /** Shows {@code timeline} at its end. Call on the event-dispatch thread. */
    public void show(Timeline timeline) {
        cursor.setTimeline(timeline);
    }

    public MemoryMapPanel map() {
        return map;
    }

    public TracePanel trace() {
        return trace;
    }

    public EventDetailsPanel details() {
        return details;
    }
}
