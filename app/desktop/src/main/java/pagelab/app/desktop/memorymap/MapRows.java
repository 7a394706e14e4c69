package pagelab.app.desktop.memorymap;

import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.Region;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a snapshot into table rows in address order: each allocation followed by its blocks (when it has more
 * than one), free gaps between them. Also says which strip regions changed since a previous snapshot.
 */
public final class MapRows {
    private MapRows() {
    }

    /** The regions of {@code now} that were not in {@code before} (all of them if {@code before} is null). */
    public static BitSet changed(List<Region> now, AddressSpaceSnapshot before) {
        BitSet out = new BitSet(now.size());
        if (before == null) {
            return out;
        }
        Set<Region> old = new HashSet<>(before.regions());
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).state() != WinNT.MEM_FREE && !old.contains(now.get(i))) {
                out.set(i);
            }
        }
        return out;
    }

    /**
     * The rows of {@code snapshot}, whose strip regions are {@code regions} (= {@code snapshot.regions()}).
     *
     * @param hideFree leave out free gaps
     */
    public static List<MapRow> of(AddressSpaceSnapshot snapshot, List<Region> regions, BitSet changed,
                                  boolean hideFree) {
        List<MapRow> rows = new ArrayList<>();
        List<Allocation> allocations = snapshot.allocations();
        int ai = 0;
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            if (r.state() == WinNT.MEM_FREE) {
                if (!hideFree) {
                    rows.add(new MapRow(MapRow.Kind.FREE, i, i, r.base(), r.size(), 0, 0, r.state(), 0, "",
                            false));
                }
                continue;
            }
            Allocation a = allocations.get(ai);
            int n = a.blocks().size();
            if (r.base() == a.base()) {
                rows.add(allocationRow(a, i, changed));
            }
            if (n > 1) {
                long committed = r.state() == WinNT.MEM_COMMIT ? r.size() : 0;
                rows.add(new MapRow(MapRow.Kind.BLOCK, i, i, r.base(), r.size(), committed, r.type(), r.state(),
                        r.protect(), "", changed.get(i)));
            }
            if (r.end() == a.end()) {
                ai++;
            }
        }
        return rows;
    }

    private static MapRow allocationRow(Allocation a, int first, BitSet changed) {
        int last = first + a.blocks().size() - 1;
        boolean anyChanged = changed.nextSetBit(first) >= 0 && changed.nextSetBit(first) <= last;
        // A one-block allocation is shown as one row, so it carries the block's state and protection.
        Region only = a.blocks().size() == 1 ? a.blocks().get(0) : null;
        int state = only != null ? only.state() : 0;
        int protect = only != null && only.state() == WinNT.MEM_COMMIT ? only.protect() : a.allocationProtect();
        return new MapRow(MapRow.Kind.ALLOCATION, first, last, a.base(), a.size(), a.committedBytes(), a.type(),
                state, protect, a.detail(), anyChanged);
    }
}
