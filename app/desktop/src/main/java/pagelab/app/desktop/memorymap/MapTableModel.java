package pagelab.app.desktop.memorymap;

import pagelab.app.desktop.Messages;
import pagelab.kernel.format.Win32Format;
import pagelab.kernel.WinNT;

import javax.swing.table.AbstractTableModel;
import java.util.List;

/** The memory-map table: address, size, committed, type, state, protection, details. */
public final class MapTableModel extends AbstractTableModel {
    static final int ADDRESS = 0;
    static final int SIZE = 1;
    static final int COMMITTED = 2;
    static final int TYPE = 3;
    static final int STATE = 4;
    static final int PROTECTION = 5;
    static final int DETAIL = 6;
    private static final String[] COLUMNS = {"address", "size", "committed", "type", "state", "protection",
        "detail"};

    private List<MapRow> rows = List.of();
    private boolean is64;

    public void setRows(List<MapRow> value, boolean addresses64) {
        rows = List.copyOf(value);
        is64 = addresses64;
        fireTableDataChanged();
    }

    public MapRow row(int i) {
        return rows.get(i);
    }

    public List<MapRow> rows() {
        return rows;
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
        return Messages.get("memoryMap.column." + COLUMNS[column]);
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        MapRow r = rows.get(rowIndex);
        switch (column) {
            case ADDRESS:
                return (r.kind() == MapRow.Kind.BLOCK ? "   " : "") + Win32Format.address(r.base(), is64);
            case SIZE:
                return Win32Format.size(r.size());
            case COMMITTED:
                return r.committed() == 0 ? "" : Win32Format.size(r.committed());
            case TYPE:
                return typeName(r);
            case STATE:
                return r.state() == 0 ? "" : Win32Format.state(r.state());
            case PROTECTION:
                return r.protect() == 0 ? "" : Win32Format.protection(r.protect()); // free or reserved: no protection
            default:
                return Details.shown(r.detail());
        }
    }

    private static String typeName(MapRow r) {
        if (r.kind() == MapRow.Kind.FREE) {
            return Messages.get("memoryMap.type.free");
        }
        if (r.kind() == MapRow.Kind.BLOCK) {
            return "";
        }
        switch (r.type()) {
            case WinNT.MEM_IMAGE:
                return Messages.get("memoryMap.type.image");
            case WinNT.MEM_MAPPED:
                return Messages.get("memoryMap.type.mapped");
            default:
                return Messages.get("memoryMap.type.private");
        }
    }

    /** The first row covering strip region {@code region}, preferring a block row to its allocation row. */
    public int rowOfRegion(int region) {
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            MapRow r = rows.get(i);
            if (region >= r.firstRegion() && region <= r.lastRegion()) {
                best = i;
                if (r.kind() != MapRow.Kind.ALLOCATION || r.firstRegion() == r.lastRegion()) {
                    return i;
                }
            }
        }
        return best;
    }
}
