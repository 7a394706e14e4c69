import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import pagelab.exercises.addressspacewalk.AddressSpaceWalker;
import pagelab.exercises.addressspacewalk.RegionKind;
import pagelab.exercises.addressspacewalk.VmBlock;
import pagelab.exercises.addressspacewalk.VmRegion;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;

/**
 * The book's VMMap: list the address space region by region.
 * Read the instructions first; each TODO says what to do.
 */
public class VMMap implements AddressSpaceWalker {
    @Override
    public List<VmRegion> walk(Kernel32 kernel) {
        List<VmRegion> regions = new ArrayList<>();
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        long address = 0;
        // TODO: call VirtualQuery(address, mbi) until it returns 0; each call describes one block
        //       (mbi.BaseAddress, RegionSize, State, Protect, Type, AllocationBase). Next address: base + size.
        // TODO: a MEM_FREE block is a region of its own (type MEM_FREE, kind FREE).
        // TODO: consecutive blocks with the same AllocationBase form one region; its type is the blocks' Type.
        // TODO: kind: IMAGE for MEM_IMAGE, MAPPED for MEM_MAPPED, HEAP if the base is a handle from
        //       GetProcessHeaps, STACK if a block has the PAGE_GUARD modifier, else PRIVATE.
        return regions;
    }

    @Override
    public String listing(List<VmRegion> regions) {
        // TODO: one line per region: base in hex (0x%08X, or 16 digits above 4 GiB), size in hex, kind.
        return "";
    }
}
