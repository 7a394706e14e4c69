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
 * Known-wrong solution "base-equality": predicts a collision only when two DLLs have the same base, ignoring their
 * sizes.
 */
public class Rebase implements DllPlanner {
    private static final long GRANULARITY = 0x10000;

    @Override
    public Map<String, LoadOutcome> predict(Kernel32 kernel, List<ImageFile> dlls) {
        Map<String, LoadOutcome> out = new LinkedHashMap<>();
        List<long[]> placed = new ArrayList<>();   // ranges taken by the DLLs loaded so far
        for (ImageFile dll : dlls) {
            long base = dll.preferredBase();
            long end = base + dll.sizeOfImage();
            // MISTAKE: a collision is "same base"; a DLL reaching into the next one's range is missed.
            if (free(kernel, base, base + 1) && placed.stream().noneMatch(r -> r[0] == base)) {
                out.put(dll.name(), LoadOutcome.AT_PREFERRED_BASE);
                placed.add(new long[] {base, end});
            } else {
                // No relocation information: the loader cannot move it.
                out.put(dll.name(), dll.fixed() ? LoadOutcome.FAILS : LoadOutcome.RELOCATED);
            }
        }
        return out;
    }

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
