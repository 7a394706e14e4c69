package pagelab.kernel.inspect;

import java.util.List;
import pagelab.kernel.WinNT;

/**
 * One allocation (a reservation, a mapped view or an image: a VMMap "region") and its blocks.
 *
 * @param detail what the allocation is, e.g. {@code "Thread stack (TID 1)"}, {@code "Heap 0x00140000 (default)"},
 *               {@code "C:\PageLab\blank.exe"}, {@code "PEB"}; empty for ordinary private memory
 * @param blocks the allocation's regions in address order, tiling it exactly
 */
public record Allocation(long base, long size, int type, int allocationProtect, String detail, List<Region> blocks) {
    public Allocation {
        blocks = List.copyOf(blocks);
    }

    public long end() {
        return base + size;
    }

    public long committedBytes() {
        long n = 0;
        for (Region r : blocks) {
            if (r.state() == WinNT.MEM_COMMIT) {
                n += r.size();
            }
        }
        return n;
    }
}
