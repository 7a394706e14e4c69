package pagelab.kernel.inspect;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.WinNT;

/**
 * An immutable picture of a process's user-mode address space at one instant of the trace.
 *
 * @param sequence    the trace sequence number the picture was taken at
 * @param minAddress  {@code lpMinimumApplicationAddress}
 * @param maxAddress  {@code lpMaximumApplicationAddress}
 * @param allocations every allocation, in address order, not overlapping
 */
public record AddressSpaceSnapshot(long sequence, long minAddress, long maxAddress, List<Allocation> allocations) {
    public AddressSpaceSnapshot {
        allocations = List.copyOf(allocations);
    }

    /** Every region from 0 to the top of user mode, free gaps included, tiling the space. */
    public List<Region> regions() {
        List<Region> out = new ArrayList<>();
        long cursor = 0;
        long end = maxAddress + 1;
        for (Allocation a : allocations) {
            if (a.base() > cursor) {
                out.add(free(cursor, a.base()));
            }
            out.addAll(a.blocks());
            cursor = a.end();
        }
        if (cursor < end) {
            out.add(free(cursor, end));
        }
        return out;
    }

    private static Region free(long from, long to) {
        return new Region(from, to - from, 0, 0, WinNT.MEM_FREE, WinNT.PAGE_NOACCESS, 0);
    }

    /** The allocation holding {@code address}, or null if the address is free. */
    public Allocation allocationAt(long address) {
        int lo = 0;
        int hi = allocations.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Allocation a = allocations.get(mid);
            if (address < a.base()) {
                hi = mid - 1;
            } else if (address - a.base() >= a.size()) {
                lo = mid + 1;
            } else {
                return a;
            }
        }
        return null;
    }

    public long committedBytes() {
        return allocations.stream().mapToLong(Allocation::committedBytes).sum();
    }

    public long reservedBytes() {
        return allocations.stream().mapToLong(Allocation::size).sum() - committedBytes();
    }
}
