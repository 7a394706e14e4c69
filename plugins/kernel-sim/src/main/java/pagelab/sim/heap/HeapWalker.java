package pagelab.sim.heap;

import static pagelab.kernel.WinNT.PROCESS_HEAP_ENTRY_BUSY;
import static pagelab.kernel.WinNT.PROCESS_HEAP_REGION;
import static pagelab.kernel.WinNT.PROCESS_HEAP_UNCOMMITTED_RANGE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pagelab.kernel.PROCESS_HEAP_ENTRY;

/**
 * HeapWalk's view of a heap, in the order Windows reports it (Wine's conformance tests, run on Windows, pin it
 * down): for each segment a {@code PROCESS_HEAP_REGION} entry, its blocks in address order, then its uncommitted
 * tail as a {@code PROCESS_HEAP_UNCOMMITTED_RANGE}; after every segment the blocks that have a region of their own,
 * with region index 64. A busy block reports the bytes asked for and, as overhead, the unused tail up to the next
 * block's header; a free block (including one kept on a lookaside list) reports its usable size and its header as
 * overhead. The caller holds the machine lock.
 */
final class HeapWalker {
    /** Windows' region index for a block allocated in its own region (Wine's tests: 64 on every version). */
    static final int LARGE_BLOCK_REGION = 64;

    private HeapWalker() {
    }

    /** One entry: what HeapWalk copies into the program's PROCESS_HEAP_ENTRY. */
    record Entry(long lpData, long cbData, long cbOverhead, int region, int flags, long committed, long uncommitted,
                 long firstBlock, long lastBlock) {
        boolean matches(PROCESS_HEAP_ENTRY e) {
            int kind = PROCESS_HEAP_REGION | PROCESS_HEAP_UNCOMMITTED_RANGE;
            return lpData == e.lpData && (flags & kind) == (e.wFlags & kind);
        }

        void copyTo(PROCESS_HEAP_ENTRY e) {
            e.lpData = lpData;
            e.cbData = (int) cbData; // DWORD, as on Windows
            e.cbOverhead = (int) cbOverhead & 0xFF; // BYTE
            e.iRegionIndex = region;
            e.wFlags = flags;
            e.Block.hMem = 0;
            Arrays.fill(e.Block.dwReserved, 0);
            boolean isRegion = (flags & PROCESS_HEAP_REGION) != 0;
            e.Region.dwCommittedSize = isRegion ? (int) committed : 0;
            e.Region.dwUnCommittedSize = isRegion ? (int) uncommitted : 0;
            e.Region.lpFirstBlock = isRegion ? firstBlock : 0;
            e.Region.lpLastBlock = isRegion ? lastBlock : 0;
        }
    }

    static List<Entry> entries(Heap h) {
        int header = h.layout.header;
        List<Entry> out = new ArrayList<>();
        for (Segment s : h.segments()) {
            long committed = s.commitEnd - s.base();
            out.add(new Entry(s.base(), s.blocksStart - s.base(), 0, s.index, PROCESS_HEAP_REGION, committed,
                    s.uncommitted(), s.blocksStart + header, s.end()));
            for (Block b = s.first; b != null; b = b.next) {
                out.add(block(h, b, s.index));
            }
            if (s.uncommitted() > 0) {
                out.add(new Entry(s.commitEnd, s.uncommitted(), 0, s.index, PROCESS_HEAP_UNCOMMITTED_RANGE, 0, 0, 0,
                        0));
            }
        }
        for (Segment s : h.largeRegions()) {
            out.add(block(h, s.first, LARGE_BLOCK_REGION));
        }
        return out;
    }

    private static Entry block(Heap h, Block b, int region) {
        int header = h.layout.header;
        long data = h.dataOf(b);
        if (b.busy && !b.cached) {
            long overhead = b.segment.large ? 0 : b.size - header - b.requested;
            return new Entry(data, b.requested, overhead, region, PROCESS_HEAP_ENTRY_BUSY, 0, 0, 0, 0);
        }
        return new Entry(data, b.size - header, header, region, 0, 0, 0, 0, 0);
    }

    /** The entries of one state of a heap, and where the last HeapWalk call stood in them. */
    static final class Snapshot {
        final long changes;
        final List<Entry> entries;
        int next;

        Snapshot(long changes, List<Entry> entries) {
            this.changes = changes;
            this.entries = entries;
        }
    }

    /**
     * The entry after the one the program passed back (the first when its lpData is 0); null after the last.
     * Throws IllegalArgumentException if the passed entry is not one of the heap's (it changed under the walk).
     * The list of entries is kept while the heap does not change, and the search starts where the last call
     * ended, so a walk of n entries costs O(n), not O(n^2).
     */
    static Entry next(Heap h, PROCESS_HEAP_ENTRY current) {
        Snapshot s = h.walkSnapshot;
        if (s == null || s.changes != h.changes()) {
            s = new Snapshot(h.changes(), entries(h));
            h.walkSnapshot = s;
        }
        List<Entry> all = s.entries;
        int at;
        if (current.lpData == 0) {
            at = 0;
        } else if (s.next > 0 && s.next <= all.size() && all.get(s.next - 1).matches(current)) {
            at = s.next;
        } else {
            at = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).matches(current)) {
                    at = i + 1;
                    break;
                }
            }
            if (at < 0) {
                throw new IllegalArgumentException("not an entry of this heap: " + current);
            }
        }
        s.next = at + 1;
        return at < all.size() ? all.get(at) : null;
    }
}
