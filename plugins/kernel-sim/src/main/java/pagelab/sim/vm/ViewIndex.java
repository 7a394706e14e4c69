package pagelab.sim.vm;

import java.util.Arrays;
import java.util.Collection;

/**
 * A read-optimised picture of an address space's views, built from the sorted tree when the space is read more
 * than it changes (see {@link AddressSpace}). It answers "which view is at or below this address" with a radix
 * tree over 64 KiB granule numbers, the shape of the page tables an MMU walks: a fixed number of small steps
 * (at most six on x64, three on x86) however many views there are, where a binary search of 100,000 views takes
 * seventeen. A radix entry whose range holds few view bases is not split further; it keeps the index of the last
 * view below its range, and the lookup steps forward over the at most {@link #SCAN} bases inside it. So the tree has at most one node per {@code SCAN} views per level.
 *
 * <p>Beside each view's base it keeps what VirtualQuery needs of a view whose pages are all still reserved (its
 * end, type and allocation protection), so that describing such a view reads one record instead of a
 * {@link View} object somewhere in the heap. Views with committed or protected pages are marked {@link #TOUCHED}
 * and the caller reads their page states from the view.
 */
final class ViewIndex {
    /** Meta of a view whose page states must be read from the view itself. */
    static final long TOUCHED = -1L;
    private static final int GRANULE_SHIFT = 16;
    private static final int FANOUT_BITS = 6;
    private static final int FANOUT = 1 << FANOUT_BITS;
    /** Most view bases a radix entry may hold before it is split: the bound of the lookup's final forward scan. */
    private static final int SCAN = 16;

    private final int size;
    private final View[] views;
    /**
     * Three longs per view, in address order: its base, its end, and {@code type << 32 | allocationProtect} or
     * {@link #TOUCHED}. One array, so that the last step of a lookup and the answer share cache lines.
     */
    private final long[] records;
    /** Radix nodes of {@link #FANOUT} entries: an entry {@code >= 0} is a child node's offset, else {@code -(floor + 2)}. */
    private int[] nodes = new int[FANOUT];
    private int used;
    private final int root;
    private final int rootShift;
    private final long maxAddress;

    /**
     * @param sorted     the views in address order
     * @param maxAddress the highest address that may be looked up
     */
    ViewIndex(Collection<View> sorted, long maxAddress) {
        size = sorted.size();
        views = new View[size];
        records = new long[3 * size];
        int i = 0;
        for (View v : sorted) {
            views[i] = v;
            records[3 * i] = v.base();
            records[3 * i + 1] = v.end();
            records[3 * i + 2] = v.isTouched() ? TOUCHED : (long) v.type() << 32 | (v.allocationProtect() & 0xFFFFFFFFL);
            i++;
        }
        this.maxAddress = maxAddress;
        int granuleBits = 64 - Long.numberOfLeadingZeros(maxAddress >>> GRANULE_SHIFT);
        int levels = Math.max(1, (granuleBits + FANOUT_BITS - 1) / FANOUT_BITS);
        rootShift = (levels - 1) * FANOUT_BITS;
        root = entry(0, levels * FANOUT_BITS, 0, size);
        nodes = Arrays.copyOf(nodes, used);
    }

    /**
     * The entry for the granules [first, first + 2^spanBits), which hold the view bases with indices [lo, hi):
     * a node if there are more than {@link #SCAN} of them, else the index of the last view at or below the
     * range's first address, encoded as {@code -(floor + 2)}.
     */
    private int entry(long first, int spanBits, int lo, int hi) {
        if (hi - lo <= SCAN || spanBits == 0) {
            long start = first << GRANULE_SHIFT;
            int floor = lo < hi && base(lo) == start ? lo : lo - 1;
            return -(floor + 2);
        }
        int node = used;
        used += FANOUT;
        if (used > nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(used, nodes.length * 2));
        }
        int childBits = spanBits - FANOUT_BITS;
        int from = lo;
        for (int c = 0; c < FANOUT; c++) {
            long childFirst = first + ((long) c << childBits);
            long childEnd = (childFirst + (1L << childBits)) << GRANULE_SHIFT; // exclusive; 0 past 2^64 never occurs
            int to = from;
            while (to < hi && base(to) < childEnd) {
                to++;
            }
            int e = entry(childFirst, childBits, from, to);
            nodes[node + c] = e;
            from = to;
        }
        return node;
    }

    int size() {
        return size;
    }

    /** The index of the last view whose base is at most {@code address}; -1 if there is none. */
    int floor(long address) {
        if (Long.compareUnsigned(address, maxAddress) > 0) {
            return size - 1; // above user mode: no view there, so the last one is below
        }
        long granule = address >>> GRANULE_SHIFT;
        int e = root;
        int shift = rootShift;
        while (e >= 0) {
            e = nodes[e + (int) ((granule >>> shift) & (FANOUT - 1))];
            shift -= FANOUT_BITS;
        }
        int f = -e - 2;
        while (f + 1 < size && records[3 * (f + 1)] <= address) {
            f++;
        }
        return f;
    }

    long base(int i) {
        return records[3 * i];
    }

    long end(int i) {
        return records[3 * i + 1];
    }

    /** {@code type << 32 | allocationProtect} of a view with every page reserved, or {@link #TOUCHED}. */
    long meta(int i) {
        return records[3 * i + 2];
    }

    View view(int i) {
        return views[i];
    }
}
