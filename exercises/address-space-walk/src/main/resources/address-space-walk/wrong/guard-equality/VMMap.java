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
 * Known-wrong solution "guard-equality": looks for a stack with Protect == PAGE_GUARD, which never holds:
 * PAGE_GUARD is a modifier.
 */
public class VMMap implements AddressSpaceWalker {
    @Override
    public List<VmRegion> walk(Kernel32 kernel) {
        List<Long> heaps = heaps(kernel);
        List<VmRegion> regions = new ArrayList<>();
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        long address = 0;
        // VirtualQuery returns 0 once the address is past lpMaximumApplicationAddress: the walk is over.
        while (kernel.VirtualQuery(address, mbi) != 0) {
            if (mbi.State == MEM_FREE) {
                regions.add(new VmRegion(mbi.BaseAddress, mbi.RegionSize, MEM_FREE, RegionKind.FREE,
                        List.of(block(mbi))));
                address = mbi.BaseAddress + mbi.RegionSize;
                continue;
            }
            // Every block with the same AllocationBase belongs to one region (one VirtualAlloc, view or image).
            long allocationBase = mbi.AllocationBase;
            int type = mbi.Type;
            List<VmBlock> blocks = new ArrayList<>();
            while (kernel.VirtualQuery(address, mbi) != 0 && mbi.State != MEM_FREE
                    && mbi.AllocationBase == allocationBase) {
                blocks.add(block(mbi));
                address = mbi.BaseAddress + mbi.RegionSize;
            }
            regions.add(new VmRegion(allocationBase, address - allocationBase, type,
                    kind(allocationBase, type, blocks, heaps), blocks));
        }
        return regions;
    }

    private static RegionKind kind(long base, int type, List<VmBlock> blocks, List<Long> heaps) {
        if (type == MEM_IMAGE) {
            return RegionKind.IMAGE;
        } else if (type == MEM_MAPPED) {
            return RegionKind.MAPPED;
        } else if (heaps.contains(base)) {
            return RegionKind.HEAP;
        }
        // A thread stack is the only private region with a guard page (PAGE_GUARD is a modifier bit).
        for (VmBlock b : blocks) {
            // MISTAKE: the guard block's protection is PAGE_READWRITE | PAGE_GUARD, never PAGE_GUARD alone.
            if (b.protect() == PAGE_GUARD) {
                return RegionKind.STACK;
            }
        }
        return RegionKind.PRIVATE;
    }

    private static List<Long> heaps(Kernel32 kernel) {
        long[] handles = new long[64];
        int n = Math.min(kernel.GetProcessHeaps(handles.length, handles), handles.length);
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(handles[i]);   // a heap's handle is its base address
        }
        return out;
    }

    private static VmBlock block(MEMORY_BASIC_INFORMATION mbi) {
        return new VmBlock(mbi.BaseAddress, mbi.RegionSize, mbi.State, mbi.Protect, mbi.Type);
    }

    @Override
    public String listing(List<VmRegion> regions) {
        StringBuilder out = new StringBuilder();
        for (VmRegion r : regions) {
            out.append(String.format("%s  %12s  %-7s  %d block(s)%n", hex(r.base()), hex(r.size()), r.kind(),
                    r.blocks().size()));
            for (VmBlock b : r.blocks()) {
                if (r.kind() != RegionKind.FREE) {
                    out.append(String.format("    %s  %12s  state 0x%X  protect 0x%X%n", hex(b.base()), hex(b.size()),
                            b.state(), b.protect()));
                }
            }
        }
        return out.toString();
    }

    private static String hex(long value) {
        return (value >>> 32) == 0 ? String.format("0x%08X", value) : String.format("0x%016X", value);
    }
}
