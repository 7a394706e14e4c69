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
 // BEGIN SOLUTION
 * The reference solution: a DLL loads at its preferred base only if its whole range is free, both in the process
 * (VirtualQuery) and among the DLLs loaded before it; otherwise it is relocated, or fails if it is /FIXED.
 // INSTEAD
 //> * Predict where DLLs load, and choose bases that avoid relocation.
 //> * Read the instructions first; each TODO says what to do.
 // END SOLUTION
 */
public class Rebase implements DllPlanner {
    // BEGIN SOLUTION
    private static final long GRANULARITY = 0x10000;

    // END SOLUTION
    // tag::predict[]
    @Override
    public Map<String, LoadOutcome> predict(Kernel32 kernel, List<ImageFile> dlls) {
        Map<String, LoadOutcome> out = new LinkedHashMap<>();
        // BEGIN SOLUTION
        List<long[]> placed = new ArrayList<>();   // ranges taken by the DLLs loaded so far
        // END SOLUTION
        for (ImageFile dll : dlls) {
            // BEGIN SOLUTION
            long base = dll.preferredBase();
            long end = base + dll.sizeOfImage();
            // BEGIN WRONG base-equality, ignores-process
            if (free(kernel, base, end) && !overlapsAny(placed, base, end)) {
            // INSTEAD base-equality
            // MISTAKE: a collision is "same base"; a DLL reaching into the next one's range is missed.
            //> if (free(kernel, base, base + 1) && placed.stream().noneMatch(r -> r[0] == base)) {
            // INSTEAD ignores-process
            // MISTAKE: the exe, heaps and stacks already in the process are forgotten.
            //> if (!overlapsAny(placed, base, end)) {
            // END WRONG
                out.put(dll.name(), LoadOutcome.AT_PREFERRED_BASE);
                placed.add(new long[] {base, end});
            } else {
                // BEGIN WRONG fixed-relocates
                // No relocation information: the loader cannot move it.
                out.put(dll.name(), dll.fixed() ? LoadOutcome.FAILS : LoadOutcome.RELOCATED);
                // INSTEAD
                // MISTAKE: /FIXED is read as "prefers its base strongly", not "has no relocations".
                //> out.put(dll.name(), LoadOutcome.RELOCATED);
                // END WRONG
            }
            // INSTEAD
            // TODO: the DLL wants [dll.preferredBase(), dll.preferredBase() + dll.sizeOfImage()).
            //       It gets it only if that whole range is free in the process (VirtualQuery: a MEM_FREE block
            //       covering it) AND no DLL loaded before it (earlier in the list) took part of it.
            // TODO: otherwise it is RELOCATED, unless it was linked /FIXED (dll.fixed()): then LoadLibrary FAILS.
            //> out.put(dll.name(), LoadOutcome.AT_PREFERRED_BASE);
            // END SOLUTION
        }
        return out;
    }
    // end::predict[]

    // tag::choose[]
    @Override
    public long[] chooseBases(Kernel32 kernel, List<ImageFile> dlls) {
        long[] bases = new long[dlls.size()];
        // BEGIN SOLUTION
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
            // BEGIN WRONG packs-by-page
            candidate = roundUp(candidate + size);
            // INSTEAD
            // MISTAKE: the next DLL right after this one, page-aligned; but image bases are multiples of 64 KiB.
            //> candidate = (candidate + size + 0xFFF) & ~0xFFFL;
            // END WRONG
        // INSTEAD
        // TODO: give each DLL a base that is a multiple of 64 KiB, whose whole range is free in the process and
        //       does not overlap the ranges chosen for the other DLLs (e.g. search upwards from 0x10000000).
        //> for (int i = 0; i < bases.length; i++) {
            //> bases[i] = dlls.get(i).preferredBase();
        // END SOLUTION
        }
        return bases;
    }
    // end::choose[]
    // BEGIN SOLUTION

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
    // END SOLUTION
}
