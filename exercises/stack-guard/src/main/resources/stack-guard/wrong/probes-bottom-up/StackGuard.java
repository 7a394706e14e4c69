import static pagelab.kernel.WinNT.*;

import pagelab.exercises.stackguard.StackTools;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;
import pagelab.kernel.ThreadContext;

/**
 * Known-wrong solution "probes-bottom-up": probes the frame from its lowest page upwards.
 */
public class StackGuard implements StackTools {
    private static final long PAGE = 4096; // SYSTEM_INFO.dwPageSize on x86 and x64
    @Override
    public void probeAndAllocate(Memory memory, ThreadContext thread, long frameSize) {
        long sp = thread.getStackPointer();
        long newSp = sp - frameSize;
        // MISTAKE: probes from the bottom of the new frame upwards, so the first touch skips the guard page.
        for (long a = newSp; a < sp; a += PAGE) {
            memory.getByte(a);
        }
        thread.setStackPointer(newSp); // only after every probe succeeded
    }

    @Override
    public boolean resetStackOverflow(Kernel32 kernel, ThreadContext thread) {
        long guard = (thread.getStackPointer() & ~(PAGE - 1)) - PAGE;
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
