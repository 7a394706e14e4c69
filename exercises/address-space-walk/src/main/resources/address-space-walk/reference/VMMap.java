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
 // BEGIN SOLUTION
 * The reference solution, after the book's VMMap and VMQuery: query block after block from address 0, group the
 * blocks of one allocation into a region, and tell stacks (a guard block) and heaps (GetProcessHeaps) apart.
 // INSTEAD
 //> * The book's VMMap: list the address space region by region.
 //> * Read the instructions first; each TODO says what to do.
 // END SOLUTION
 */
public class VMMap implements AddressSpaceWalker {
    // tag::walk[]
    @Override
    public List<VmRegion> walk(Kernel32 kernel) {
        // BEGIN SOLUTION
        List<Long> heaps = heaps(kernel);
        // END SOLUTION
        List<VmRegion> regions = new ArrayList<>();
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        // BEGIN WRONG starts-at-64k
        long address = 0;
        // INSTEAD
        // MISTAKE: the walk starts at 0x00010000, where the first allocation may lie; the free 64 KiB below are lost.
        //> long address = 0x10000;
        // END WRONG
        // BEGIN SOLUTION
        // VirtualQuery returns 0 once the address is past lpMaximumApplicationAddress: the walk is over.
        while (kernel.VirtualQuery(address, mbi) != 0) {
            // BEGIN WRONG stops-at-first-free
            if (mbi.State == MEM_FREE) {
                regions.add(new VmRegion(mbi.BaseAddress, mbi.RegionSize, MEM_FREE, RegionKind.FREE,
                        List.of(block(mbi))));
                address = mbi.BaseAddress + mbi.RegionSize;
                continue;
            }
            // INSTEAD
            //> if (mbi.State == MEM_FREE && address > 0) {
                // MISTAKE: "free means nothing more to see": the walk ends at the first free gap after the start.
                //> regions.add(new VmRegion(mbi.BaseAddress, mbi.RegionSize, MEM_FREE, RegionKind.FREE,
                        //> List.of(block(mbi))));
                //> break;
            //> } else if (mbi.State == MEM_FREE) {
                //> regions.add(new VmRegion(mbi.BaseAddress, mbi.RegionSize, MEM_FREE, RegionKind.FREE,
                        //> List.of(block(mbi))));
                //> address = mbi.BaseAddress + mbi.RegionSize;
                //> continue;
            //> }
            // END WRONG
            // Every block with the same AllocationBase belongs to one region (one VirtualAlloc, view or image).
            long allocationBase = mbi.AllocationBase;
            int type = mbi.Type;
            List<VmBlock> blocks = new ArrayList<>();
            // BEGIN WRONG blocks-as-regions
            while (kernel.VirtualQuery(address, mbi) != 0 && mbi.State != MEM_FREE
                    && mbi.AllocationBase == allocationBase) {
                blocks.add(block(mbi));
                address = mbi.BaseAddress + mbi.RegionSize;
            }
            // INSTEAD
            // MISTAKE: one VirtualQuery answer taken as a whole region; AllocationBase is ignored.
            //> blocks.add(block(mbi));
            //> allocationBase = mbi.BaseAddress;
            //> address = mbi.BaseAddress + mbi.RegionSize;
            // END WRONG
            regions.add(new VmRegion(allocationBase, address - allocationBase, type,
                    kind(allocationBase, type, blocks, heaps), blocks));
        }
        // INSTEAD
        // TODO: call VirtualQuery(address, mbi) until it returns 0; each call describes one block
        //       (mbi.BaseAddress, RegionSize, State, Protect, Type, AllocationBase). Next address: base + size.
        // TODO: a MEM_FREE block is a region of its own (type MEM_FREE, kind FREE).
        // TODO: consecutive blocks with the same AllocationBase form one region; its type is the blocks' Type.
        // TODO: kind: IMAGE for MEM_IMAGE, MAPPED for MEM_MAPPED, HEAP if the base is a handle from
        //       GetProcessHeaps, STACK if a block has the PAGE_GUARD modifier, else PRIVATE.
        // END SOLUTION
        return regions;
    }
    // end::walk[]

    // tag::kind[]
    // BEGIN SOLUTION
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
            // BEGIN WRONG guard-equality
            if ((b.protect() & PAGE_GUARD) != 0) {
            // INSTEAD
            // MISTAKE: the guard block's protection is PAGE_READWRITE | PAGE_GUARD, never PAGE_GUARD alone.
            //> if (b.protect() == PAGE_GUARD) {
            // END WRONG
                return RegionKind.STACK;
            }
        }
        return RegionKind.PRIVATE;
    }
    // end::kind[]

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

    // END SOLUTION
    @Override
    public String listing(List<VmRegion> regions) {
        // BEGIN SOLUTION
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
        // INSTEAD
        // TODO: one line per region: base in hex (0x%08X, or 16 digits above 4 GiB), size in hex, kind.
        //> return "";
        // END SOLUTION
    }
    // BEGIN SOLUTION

    private static String hex(long value) {
        return (value >>> 32) == 0 ? String.format("0x%08X", value) : String.format("0x%016X", value);
    }
    // END SOLUTION
}
