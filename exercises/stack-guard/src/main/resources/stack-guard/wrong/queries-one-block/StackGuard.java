import static pagelab.kernel.WinNT.*;

import pagelab.exercises.stackguard.StackTools;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;
import pagelab.kernel.ThreadContext;

/**
 * Known-wrong solution "queries-one-block": measures only the block VirtualQuery returns for the top of the stack.
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
        // MISTAKE: one block is one run of pages with the same protection; the guard page is a block of its own.
        return mbi.State == MEM_COMMIT ? mbi.RegionSize : 0;
    }
}
