import static pagelab.kernel.WinNT.*;

import pagelab.exercises.stackguard.StackTools;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;
import pagelab.kernel.ThreadContext;

/**
 * Known-wrong solution "rearms-at-stack-pointer-page": puts the guard on the page holding the stack pointer.
 */
public class StackGuard implements StackTools {
    private static final long PAGE = 4096; // SYSTEM_INFO.dwPageSize on x86 and x64
    @Override
    public void probeAndAllocate(Memory memory, ThreadContext thread, long frameSize) {
        long sp = thread.getStackPointer();
        long newSp = sp - frameSize;
        // Touch one byte per page, walking down: each touch lands at most one page below committed stack,
        // that is on the guard page, which commits it and moves the guard one page down.
        for (long page = (sp & ~(PAGE - 1)) - PAGE; page > newSp; page -= PAGE) {
            memory.getByte(page);
        }
        memory.getByte(newSp);
        thread.setStackPointer(newSp); // only after every probe succeeded
    }

    @Override
    public boolean resetStackOverflow(Kernel32 kernel, ThreadContext thread) {
        // MISTAKE: off by one page: guards the page holding the stack pointer, not the one below it.
        long guard = thread.getStackPointer() & ~(PAGE - 1);
        // The lowest page of the reservation is never committed: without a page above it, there is no room.
        if (guard < thread.deallocationStack() + PAGE) {
            return false;
        }
        // The page may have been decommitted; commit it, then add the guard flag.
        if (kernel.VirtualAlloc(guard, PAGE, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return false;
        }
        return kernel.VirtualProtect(guard, PAGE, PAGE_READWRITE | PAGE_GUARD, new IntByReference());
    }

    @Override
    public long committedStackBytes(Kernel32 kernel, ThreadContext thread) {
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        if (kernel.VirtualQuery(thread.stackBase() - 1, mbi) == 0) {
            return 0;
        }
        long reservation = mbi.AllocationBase;
        long committed = 0;
        // Blocks differ in state and protection (committed, guard, reserved); walk all of the reservation's.
        for (long a = reservation; kernel.VirtualQuery(a, mbi) != 0 && mbi.AllocationBase == reservation;
                a = mbi.BaseAddress + mbi.RegionSize) {
            if (mbi.State == MEM_COMMIT) {
                committed += mbi.RegionSize;
            }
        }
        return committed;
    }
}
