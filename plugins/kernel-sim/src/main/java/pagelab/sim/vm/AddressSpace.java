package pagelab.sim.vm;

import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_FREE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_NOACCESS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.PageInfo;

/**
 * The views of one process's user-mode address space, keyed by base address so that finding the view holding
 * an address is one {@code floorEntry} (Wine's {@code find_view}); a space read more than it changes is read
 * through a {@link ViewIndex} instead. It also knows the partitions of chapter 13:
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
    private ViewIndex index;
    /** The allocations of the last snapshot (immutable), reused while no view changes. */
    private List<Allocation> lastSnapshot = List.of();
    private int lookupsSinceChange;
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

    /**
     * Every cached translation of this space is now stale: a protection, a commit or a frame changed, or a view came
     * or went. Caller holds the machine lock.
     */
    public void invalidate() {
        shootdown.run();
    }

    public void setShootdown(Runnable shootdown) {
        this.shootdown = shootdown;
    }

    /** The view holding {@code address}, or null. */
    public View find(long address) {
        ViewIndex ix = index();
        if (ix != null) {
            int i = ix.floor(address);
            return i >= 0 && address < ix.end(i) ? ix.view(i) : null;
        }
        Map.Entry<Long, View> e = views.floorEntry(address);
        if (e == null) {
            return null;
        }
        View v = e.getValue();
        return v.contains(address) ? v : null;
    }

    /** The page holding {@code address} as the inspector shows it, free or in a view. Touches and counts nothing. */
    public PageInfo pageInfo(long address) {
        View v = find(address);
        if (v != null) {
            return v.pageInfo(v.pageOf(address));
        }
        return new PageInfo(address & ~(long) (PAGE_SIZE - 1), 0, MEM_FREE, 0, 0, false, false, false, false, false);
    }

    /** The first view whose base is above {@code address}, or null. */
    public View next(long address) {
        ViewIndex ix = index();
        if (ix != null) {
            int i = ix.floor(address) + 1;
            return i < ix.size() ? ix.view(i) : null;
        }
        Map.Entry<Long, View> e = views.higherEntry(address);
        return e == null ? null : e.getValue();
    }

    /**
     * VirtualQuery's answer for the page at {@code page} (page aligned, at most {@link #maxAddress()}): the run of
     * pages from it with one state and protection, inside one view or in the free gap between two.
     */
    public void describe(long page, MEMORY_BASIC_INFORMATION info) {
        ViewIndex ix = index();
        View view;
        if (ix != null) {
            int i = ix.floor(page);
            if (i >= 0 && page < ix.end(i)) {
                long meta = ix.meta(i);
                if (meta != ViewIndex.TOUCHED) { // every page reserved: answer without reading the view
                    fill(info, page, ix.end(i) - page, ix.base(i), (int) meta, MEM_RESERVE, 0, (int) (meta >>> 32));
                    return;
                }
                view = ix.view(i);
            } else {
                long end = i + 1 < ix.size() ? ix.base(i + 1) : maxAddress + 1;
                fill(info, page, end - page, 0, 0, MEM_FREE, PAGE_NOACCESS, 0);
                return;
            }
        } else {
            Map.Entry<Long, View> below = views.floorEntry(page);
            view = below != null && below.getValue().contains(page) ? below.getValue() : null;
            if (view == null) {
                Map.Entry<Long, View> above = views.higherEntry(page);
                long end = above == null ? maxAddress + 1 : above.getKey();
                fill(info, page, end - page, 0, 0, MEM_FREE, PAGE_NOACCESS, 0);
                return;
            }
        }
        long first = view.pageOf(page);
        int v = view.vprot(first);
        long runEnd = view.runEnd(first, view.pages());
        fill(info, page, (runEnd - first) << PAGE_SHIFT, view.base(), view.allocationProtect(),
                Protection.isCommitted(v) ? MEM_COMMIT : MEM_RESERVE, Protection.toWin32(v), view.type());
    }

    private static void fill(MEMORY_BASIC_INFORMATION info, long base, long size, long allocationBase,
            int allocationProtect, int state, int protect, int type) {
        info.BaseAddress = base;
        info.AllocationBase = allocationBase;
        info.AllocationProtect = allocationProtect;
        info.RegionSize = size;
        info.State = state;
        info.Protect = protect;
        info.Type = type;
    }

    /**
     * The read-optimised index, once the space has been read more than changed: any change drops it, and it is
     * rebuilt only after 64 + n/8 further lookups, so its O(n) build is amortised and a space that changes between
     * every two lookups (a program allocating as it goes) keeps using the tree.
     */
    private ViewIndex index() {
        if (index == null && ++lookupsSinceChange > 64 + views.size() / 8) {
            index = new ViewIndex(views.values(), maxAddress);
        }
        return index;
    }

    private void changed() {
        index = null;
        lookupsSinceChange = 0;
    }

    /** A view's pages stopped being all reserved: the index's record of it is stale. */
    void viewTouched() {
        changed();
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
        view.setSpace(this);
        changed();
        view.backing().attach(this);
        invalidate();
    }

    public void remove(View view) {
        if (views.remove(view.base()) != view) {
            throw new IllegalStateException("AddressSpace.remove: " + view + " not in the space");
        }
        view.setSpace(null);
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

    /**
     * An immutable picture; unchanged views reuse their cached {@code Allocation}, and when no view changed since
     * the last picture (a HeapAlloc that did not grow the heap, a WriteFile) the list itself is reused, so a traced
     * call that changed nothing visible costs no list of its own.
     */
    public AddressSpaceSnapshot snapshot(long sequence) {
        if (!unchangedSinceLastSnapshot()) {
            List<Allocation> list = new ArrayList<>(views.size());
            for (View v : views.values()) {
                list.add(v.toAllocation());
            }
            lastSnapshot = List.copyOf(list);
        }
        return new AddressSpaceSnapshot(sequence, minAddress, maxAddress, lastSnapshot);
    }

    private boolean unchangedSinceLastSnapshot() {
        if (lastSnapshot.size() != views.size()) {
            return false;
        }
        int i = 0;
        for (View v : views.values()) {
            if (v.toAllocation() != lastSnapshot.get(i++)) {
                return false;
            }
        }
        return true;
    }

    public static long alignDown(long value, long alignment) {
        return value & -alignment;
    }

    public static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
