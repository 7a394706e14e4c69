package pagelab.sim.heap;

import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_DECOMMIT;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;

import pagelab.kernel.LongByReference;
import pagelab.sim.status.NtStatus;
import pagelab.sim.vm.View;
import pagelab.sim.vm.VirtualMemory;

/**
 * The heap's use of VirtualAlloc and VirtualFree: every heap region is an ordinary private allocation of the
 * process, made through its VirtualMemory, so commit charge, VirtualQuery and the memory map all see heaps
 * exactly as they see any other allocation. The caller holds the machine lock.
 */
final class HeapRegions {
    private final VirtualMemory vm;
    private final int protect;

    HeapRegions(VirtualMemory vm, int protect) {
        this.vm = vm;
        this.protect = protect;
    }

    /** Reserves {@code reserve} bytes anywhere and commits the first {@code commit}; null if either fails. */
    View reserve(long reserve, long commit) {
        LongByReference out = new LongByReference();
        if (vm.allocate(0, reserve, MEM_RESERVE, protect, out) != NtStatus.SUCCESS) {
            return null;
        }
        long base = out.getValue();
        if (commit > 0 && vm.allocate(base, commit, MEM_COMMIT, protect, out) != NtStatus.SUCCESS) {
            vm.free(base, 0, MEM_RELEASE);
            return null;
        }
        return vm.space().find(base);
    }

    /** Commits [address, address+bytes) of a heap region; false if the region is gone or the commit limit is hit. */
    boolean commit(View view, long address, long bytes) {
        if (!isMapped(view)) {
            return false;
        }
        return vm.allocate(address, bytes, MEM_COMMIT, protect, new LongByReference()) == NtStatus.SUCCESS;
    }

    void decommit(View view, long address, long bytes) {
        if (isMapped(view)) {
            vm.free(address, bytes, MEM_DECOMMIT);
        }
    }

    /** Releases a heap region, unless the program already released it behind the heap's back. */
    void release(View view) {
        if (isMapped(view)) {
            vm.free(view.base(), 0, MEM_RELEASE);
        }
    }

    private boolean isMapped(View view) {
        return vm.space().find(view.base()) == view;
    }
}
