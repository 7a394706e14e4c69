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
 * Predict where DLLs load, and choose bases that avoid relocation.
 * Read the instructions first; each TODO says what to do.
 */
public class Rebase implements DllPlanner {
    @Override
    public Map<String, LoadOutcome> predict(Kernel32 kernel, List<ImageFile> dlls) {
        Map<String, LoadOutcome> out = new LinkedHashMap<>();
        for (ImageFile dll : dlls) {
            // TODO: the DLL wants [dll.preferredBase(), dll.preferredBase() + dll.sizeOfImage()).
            //       It gets it only if that whole range is free in the process (VirtualQuery: a MEM_FREE block
            //       covering it) AND no DLL loaded before it (earlier in the list) took part of it.
            // TODO: otherwise it is RELOCATED, unless it was linked /FIXED (dll.fixed()): then LoadLibrary FAILS.
            out.put(dll.name(), LoadOutcome.AT_PREFERRED_BASE);
        }
        return out;
    }

    @Override
    public long[] chooseBases(Kernel32 kernel, List<ImageFile> dlls) {
        long[] bases = new long[dlls.size()];
        // TODO: give each DLL a base that is a multiple of 64 KiB, whose whole range is free in the process and
        //       does not overlap the ranges chosen for the other DLLs (e.g. search upwards from 0x10000000).
        for (int i = 0; i < bases.length; i++) {
            bases[i] = dlls.get(i).preferredBase();
        }
        return bases;
    }
}
