import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pagelab.exercises.dllbase.DllPlanner;
import pagelab.exercises.dllbase.LoadOutcome;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.host.ImageFile;

/**
 * The reference solution: a DLL loads at its preferred base only if its whole range is free, both in the process
 * (VirtualQuery) and among the DLLs loaded before it; otherwise it is relocated, or fails if it is /FIXED.
 */
public class Rebase implements DllPlanner {
    private static final long GRANULARITY = 0x10000;

    // tag::predict[]
    @Override
    public Map<String, LoadOutcome> predict(Kernel32 kernel, List<ImageFile> dlls) {
        Map<String, LoadOutcome> out = new LinkedHashMap<>();
        List<long[]> placed = new ArrayList<>();   // ranges taken by the DLLs loaded so far
        for (ImageFile dll : dlls) {
            long base = dll.preferredBase();
            long end = base + dll.sizeOfImage();
            if (free(kernel, base, end) && !overlapsAny(placed, base, end)) {
                out.put(dll.name(), LoadOutcome.AT_PREFERRED_BASE);
                placed.add(new long[] {base, end});
            } else {
                // No relocation information: the loader cannot move it.
                out.put(dll.name(), dll.fixed() ? LoadOutcome.FAILS : LoadOutcome.RELOCATED);
            }
        }
        return out;
    }
    // end::predict[]

    // tag::choose[]
    @Override
    public long[] chooseBases(Kernel32 kernel, List<ImageFile> dlls) {
        long[] bases = new long[dlls.size()];
        List<long[]> placed = new ArrayList<>();
        long candidate = 0x10000000L;
        for (int i = 0; i < dlls.size(); i++) {
            long size = dlls.get(i).sizeOfImage();
            // Try 64 KiB steps upwards until the whole range is free in the process and among the chosen ones.
            while (!free(kernel, candidate, candidate + size) || overlapsAny(placed, candidate, candidate + size)) {
                candidate += GRANULARITY;
            }
            bases[i] = candidate;
            placed.add(new long[] {candidate, candidate + size});
            candidate = roundUp(candidate + size);
        }
        return bases;
    }
    // end::choose[]

    // Whether [from, to) is MEM_FREE in the calling process: one free block must cover it all.
    private static boolean free(Kernel32 kernel, long from, long to) {
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        return kernel.VirtualQuery(from, mbi) != 0 && mbi.State == MEM_FREE
                && mbi.BaseAddress + mbi.RegionSize >= to;
    }

    private static boolean overlapsAny(List<long[]> ranges, long from, long to) {
        for (long[] r : ranges) {
            if (from < r[1] && r[0] < to) {
                return true;
            }
        }
        return false;
    }

    private static long roundUp(long address) {
        return (address + GRANULARITY - 1) & ~(GRANULARITY - 1);
    }
}
