package pagelab.sim.vm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pagelab.kernel.inspect.AddressSpaceSnapshot;

/**
 * The views of one process's user-mode address space, keyed by base address so that finding the view holding
 * an address is one {@code floorEntry} (Wine's {@code find_view}). It also knows the partitions of chapter 13:
 * nothing below {@link #minAddress()} (the NULL-pointer partition) nor above {@link #maxAddress()} (the 64 KiB
 * off-limits partition and kernel mode) can be allocated. The caller holds the machine lock.
 */
public final class AddressSpace {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    public static final long GRANULARITY = 0x10000;

    private final long minAddress;
    private final long maxAddress;
    private final TreeMap<Long, View> views = new TreeMap<>();
    private static final int TOP_STRIDE = 64;
    private long[] flatBases;
    private long[] flatTop;
    private View[] flatViews;
    private int lookupsSinceChange;
    /**
     * Bumped on every change that can invalidate a cached translation (protection, commit, release, a new frame),
     * so that the MMU's one-entry TLBs can be checked with a single volatile read.
     */
    private volatile long generation;
    /** Empties the MMU's TLBs of this space (the simulator's TLB shootdown); set by the process's memory. */
    private Runnable shootdown = () -> { };

    public AddressSpace(long minAddress, long maxAddress) {
        this.minAddress = minAddress;
        this.maxAddress = maxAddress;
    }

    /** {@code lpMinimumApplicationAddress}: 0x00010000. */
    public long minAddress() {
        return minAddress;
    }

    /** {@code lpMaximumApplicationAddress}: the last byte of user mode that may be allocated. */
    public long maxAddress() {
        return maxAddress;
    }

    public long generation() {
        return generation;
    }

    /** Every cached translation of this space is now stale. Caller holds the machine lock. */
    public void invalidate() {
        generation++;
        shootdown.run();
    }

    public void setShootdown(Runnable shootdown) {
        this.shootdown = shootdown;
    }

    /** The view holding {@code address}, or null. */
    public View find(long address) {
        if (flatBases != null || ++lookupsSinceChange > 64 + views.size() / 8) {
            int i = floorIndex(address);
            View v = i < 0 ? null : flatViews[i];
            return v != null && v.contains(address) ? v : null;
        }
        Map.Entry<Long, View> e = views.floorEntry(address);
        if (e == null) {
            return null;
        }
        View v = e.getValue();
        return v.contains(address) ? v : null;
    }

    /** The first view whose base is above {@code address}, or null. */
    public View next(long address) {
        if (flatBases != null) {
            int i = floorIndex(address) + 1;
            return i < flatViews.length ? flatViews[i] : null;
        }
        Map.Entry<Long, View> e = views.higherEntry(address);
        return e == null ? null : e.getValue();
    }

    /**
     * Lookups use a flat sorted copy of the tree's keys once the space has been read more than changed: a binary
     * search over one {@code long[]} touches far fewer cache lines than a walk down a red-black tree of 100,000 nodes,
     * which keeps VirtualQuery near logarithmic in practice too. Any insert or remove drops the copy; it is rebuilt
     * only after n/8 further lookups, so its O(n) cost is amortised.
     */
    private int floorIndex(long address) {
        if (flatBases == null) {
            int n = views.size();
            flatBases = new long[n];
            flatViews = new View[n];
            int i = 0;
            for (View v : views.values()) {
                flatBases[i] = v.base();
                flatViews[i++] = v;
            }
            flatTop = new long[(n + TOP_STRIDE - 1) / TOP_STRIDE];
            for (int t = 0; t < flatTop.length; t++) {
                flatTop[t] = flatBases[t * TOP_STRIDE];
            }
        }
        // Two levels: a small index of every 64th base (it stays in the L1 cache), then one 64-entry block.
        int t = floor(flatTop, 0, flatTop.length - 1, address);
        if (t < 0) {
            return -1;
        }
        int from = t * TOP_STRIDE;
        return floor(flatBases, from, Math.min(flatBases.length, from + TOP_STRIDE) - 1, address);
    }

    /** The last index in [lo, hi] whose value is at most {@code key}; lo - 1 if none. */
    private static int floor(long[] sorted, int lo, int hi, long key) {
        int start = lo;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi < start ? start - 1 : hi;
    }

    private void changed() {
        flatBases = null;
        flatViews = null;
        flatTop = null;
        lookupsSinceChange = 0;
    }

    /** Whether [base, base+size) overlaps no view. */
    public boolean isFree(long base, long size) {
        Map.Entry<Long, View> below = views.floorEntry(base + size - 1);
        return below == null || below.getValue().end() <= base;
    }

    public void insert(View view) {
        if (!isFree(view.base(), view.size())) {
            throw new IllegalStateException("AddressSpace.insert: " + view + " overlaps " + find(view.base()));
        }
        views.put(view.base(), view);
        changed();
        view.backing().attach(this);
        invalidate();
    }

    public void remove(View view) {
        if (views.remove(view.base()) != view) {
            throw new IllegalStateException("AddressSpace.remove: " + view + " not in the space");
        }
        changed();
        invalidate();
    }

    /**
     * Finds a free, {@code alignment}-aligned range of {@code size} bytes between {@code from} and
     * {@code to} (inclusive last byte), lowest first or highest first; -1 if there is none.
     */
    public long findFree(long size, long alignment, boolean topDown, long from, long to) {
        if (size <= 0 || size - 1 > to - from) {
            return -1;
        }
        if (topDown) {
            long candidate = alignDown(to - size + 1, alignment);
            while (candidate >= from) {
                Map.Entry<Long, View> below = views.floorEntry(candidate + size - 1);
                if (below == null || below.getValue().end() <= candidate) {
                    return candidate;
                }
                long next = below.getValue().base() - size;
                if (next < from) {
                    return -1;
                }
                candidate = alignDown(next, alignment);
            }
            return -1;
        }
        long candidate = alignUp(from, alignment);
        while (candidate >= 0 && candidate + size - 1 <= to) {
            Map.Entry<Long, View> below = views.floorEntry(candidate + size - 1);
            if (below == null || below.getValue().end() <= candidate) {
                return candidate;
            }
            candidate = alignUp(below.getValue().end(), alignment);
        }
        return -1;
    }

    public int viewCount() {
        return views.size();
    }

    public Iterable<View> views() {
        return views.values();
    }

    /** An immutable picture; unchanged views reuse their cached {@code Allocation}. */
    public AddressSpaceSnapshot snapshot(long sequence) {
        List<pagelab.kernel.inspect.Allocation> list = new ArrayList<>(views.size());
        for (View v : views.values()) {
            list.add(v.toAllocation());
        }
        return new AddressSpaceSnapshot(sequence, minAddress, maxAddress, list);
    }

    public static long alignDown(long value, long alignment) {
        return value & -alignment;
    }

    public static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
