package pagelab.app.desktop.plugins;

import pagelab.app.desktop.Messages;
import pagelab.app.plugins.PluginStatus;

import javax.swing.table.AbstractTableModel;
import java.util.List;
import java.util.Locale;

/** The plugin table: id, version, state, exercises, origin, reason, path. */
public final class PluginTableModel extends AbstractTableModel {
    private static final String[] COLUMNS = {"id", "version", "state", "exercises", "origin", "reason", "path"};
    private List<PluginStatus> rows = List.of();

    public void setPlugins(List<PluginStatus> value) {
        rows = List.copyOf(value);
        fireTableDataChanged();
    }

    public PluginStatus plugin(int row) {
        return rows.get(row);
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return Messages.get("plugins.column." + COLUMNS[column]);
    }

    @Override
    public Object getValueAt(int row, int column) {
        PluginStatus p = rows.get(row);
        switch (column) {
            case 0:
                return p.label();
            case 1:
                return p.version() == null ? "" : p.version();
            case 2:
                return Messages.get("plugins.state." + p.state().name());
            case 3:
                return String.join(", ", p.exerciseIds());
            case 4:
                return p.origin() == null ? "" : p.origin().name().toLowerCase(Locale.ROOT);
            case 5:
                return p.reason() == null ? "" : p.reason();
            default:
                return String.valueOf(p.path());
        }
    }
}
