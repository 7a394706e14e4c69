package pagelab.app.desktop.trace;

import pagelab.app.desktop.Messages;
import pagelab.kernel.inspect.TraceEvent;

import javax.swing.table.AbstractTableModel;
import java.util.Locale;

/** The trace table: one row per event of the timeline; row {@code i} leads to step {@code i + 1}. */
public final class TraceTableModel extends AbstractTableModel {
    private static final String[] COLUMNS = {"sequence", "thread", "event", "arguments", "result", "error",
        "source"};
    private Timeline timeline = Timeline.empty();

    public void setTimeline(Timeline value) {
        timeline = value;
        fireTableDataChanged();
    }

    public TraceEvent event(int row) {
        return timeline.events().get(row);
    }

    @Override
    public int getRowCount() {
        return timeline.events().size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return Messages.get("trace.column." + COLUMNS[column]);
    }

    @Override
    public Object getValueAt(int row, int column) {
        TraceEvent e = event(row);
        switch (column) {
            case 0:
                return e.sequence();
            case 1:
                return e.threadId();
            case 2:
                return TraceText.name(e);
            case 3:
                return TraceText.arguments(e, timeline.is64());
            case 4:
                return TraceText.result(e);
            case 5:
                return TraceText.error(e);
            default:
                return TraceText.source(e);
        }
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column <= 1 ? Long.class : String.class;
    }

    /** All of a row's text, lower-case, for the filter. */
    String searchText(int row) {
        StringBuilder sb = new StringBuilder();
        for (int c = 2; c < COLUMNS.length; c++) {
            sb.append(getValueAt(row, c)).append('\u0000');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
