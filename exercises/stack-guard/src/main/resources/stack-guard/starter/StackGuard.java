import static pagelab.kernel.WinNT.*;

import pagelab.exercises.stackguard.StackTools;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;
import pagelab.kernel.ThreadContext;

/**
 * A C run time's stack support: _chkstk, _resetstkoflw, and a committed-stack meter. Read the instructions first.
 */
public class StackGuard implements StackTools {
    private static final long PAGE = 4096; // SYSTEM_INFO.dwPageSize on x86 and x64

    @Override
    public void probeAndAllocate(Memory memory, ThreadContext thread, long frameSize) {
        long sp = thread.getStackPointer();
        long newSp = sp - frameSize;
        // TODO: touch (memory.getByte) one byte in every page from the page below sp's page down to newSp's page,
        //       from the top down, so that the guard page is touched before any page below it.
        // TODO: lower the stack pointer only after every touch succeeded.
        thread.setStackPointer(newSp);
    }

    @Override
    public boolean resetStackOverflow(Kernel32 kernel, ThreadContext thread) {
        // TODO: the new guard page is the page just below the page holding the stack pointer.
        // TODO: refuse (return false) if that is the lowest page of the reservation (thread.deallocationStack()).
        // TODO: make it committed (VirtualAlloc MEM_COMMIT) and PAGE_READWRITE | PAGE_GUARD (VirtualProtect).
        return false;
    }

    @Override
    public long committedStackBytes(Kernel32 kernel, ThreadContext thread) {
        // TODO: VirtualQuery(thread.stackBase() - 1) gives the reservation's AllocationBase; walk its blocks with
        //       VirtualQuery from there and add the RegionSize of every MEM_COMMIT block (guard pages included).
        return 0;
    }
}
