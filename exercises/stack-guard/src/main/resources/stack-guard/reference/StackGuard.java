import static pagelab.kernel.WinNT.*;

import pagelab.exercises.stackguard.StackTools;
// BEGIN WRONG forgets-guard-flag
import pagelab.kernel.IntByReference;
// END WRONG
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;
// BEGIN SOLUTION
import pagelab.kernel.SYSTEM_INFO;
// END SOLUTION
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;
import pagelab.kernel.ThreadContext;

/**
 // BEGIN SOLUTION
 * The reference solution: probe page by page from the top down, re-arm the guard just below the stack pointer,
 * add up the committed blocks of the stack's reservation, reserve the range above the stack, and tell an underflow
 * from an overflow by the exception code and the faulting address.
 // INSTEAD
 //> * A C run time's stack support: _chkstk, _resetstkoflw, a committed-stack meter, and stack underflow. Read the
 //> * instructions first.
 // END SOLUTION
 */
public class StackGuard implements StackTools {
    private static final long PAGE = 4096; // SYSTEM_INFO.dwPageSize on x86 and x64

    // tag::probe[]
    @Override
    public void probeAndAllocate(Memory memory, ThreadContext thread, long frameSize) {
        long sp = thread.getStackPointer();
        long newSp = sp - frameSize;
        // BEGIN SOLUTION
        // BEGIN WRONG moves-esp-first
        // INSTEAD
        // MISTAKE: lowers ESP before probing, so a probe that overflows leaves ESP below the caller's frame.
        //> thread.setStackPointer(newSp);
        // END WRONG
        // BEGIN WRONG probes-bottom-up
        // BEGIN WRONG probes-every-8k
        // Touch one byte per page, walking down: each touch lands at most one page below committed stack,
        // that is on the guard page, which commits it and moves the guard one page down.
        for (long page = (sp & ~(PAGE - 1)) - PAGE; page > newSp; page -= PAGE) {
        // INSTEAD
        // MISTAKE: one probe per 8 KiB "to halve the work"; every other probe lands below the guard page.
        //> for (long page = (sp & ~(PAGE - 1)) - 2 * PAGE; page > newSp; page -= 2 * PAGE) {
        // END WRONG
            memory.getByte(page);
        // INSTEAD
        // MISTAKE: probes from the bottom of the new frame upwards, so the first touch skips the guard page.
        //> for (long a = newSp; a < sp; a += PAGE) {
            //> memory.getByte(a);
        // END WRONG
        }
        // BEGIN WRONG probes-bottom-up
        memory.getByte(newSp);
        // END WRONG
        // BEGIN WRONG moves-esp-first
        thread.setStackPointer(newSp); // only after every probe succeeded
        // END WRONG
        // INSTEAD
        // TODO: touch (memory.getByte) one byte in every page from the page below sp's page down to newSp's page,
        //       from the top down, so that the guard page is touched before any page below it.
        // TODO: lower the stack pointer only after every touch succeeded.
        //> thread.setStackPointer(newSp);
        // END SOLUTION
    }
    // end::probe[]

    // tag::reset[]
    @Override
    public boolean resetStackOverflow(Kernel32 kernel, ThreadContext thread) {
        // BEGIN SOLUTION
        // BEGIN WRONG rearms-at-stack-pointer-page
        long guard = (thread.getStackPointer() & ~(PAGE - 1)) - PAGE;
        // INSTEAD
        // MISTAKE: off by one page: guards the page holding the stack pointer, not the one below it.
        //> long guard = thread.getStackPointer() & ~(PAGE - 1);
        // END WRONG
        // The lowest page of the reservation is never committed: without a page above it, there is no room.
        if (guard < thread.deallocationStack() + PAGE) {
            return false;
        }
        // The page may have been decommitted; commit it, then add the guard flag.
        if (kernel.VirtualAlloc(guard, PAGE, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return false;
        }
        // BEGIN WRONG forgets-guard-flag
        return kernel.VirtualProtect(guard, PAGE, PAGE_READWRITE | PAGE_GUARD, new IntByReference());
        // INSTEAD
        // MISTAKE: the page is committed already; without PAGE_GUARD nothing will catch the next overflow.
        //> return true;
        // END WRONG
        // INSTEAD
        // TODO: the new guard page is the page just below the page holding the stack pointer.
        // TODO: refuse (return false) if that is the lowest page of the reservation (thread.deallocationStack()).
        // TODO: make it committed (VirtualAlloc MEM_COMMIT) and PAGE_READWRITE | PAGE_GUARD (VirtualProtect).
        //> return false;
        // END SOLUTION
    }
    // end::reset[]

    @Override
    public long committedStackBytes(Kernel32 kernel, ThreadContext thread) {
        // BEGIN SOLUTION
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        if (kernel.VirtualQuery(thread.stackBase() - 1, mbi) == 0) {
            return 0;
        }
        // BEGIN WRONG queries-one-block
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
        // INSTEAD
        // MISTAKE: one block is one run of pages with the same protection; the guard page is a block of its own.
        //> return mbi.State == MEM_COMMIT ? mbi.RegionSize : 0;
        // END WRONG
        // INSTEAD
        // TODO: VirtualQuery(thread.stackBase() - 1) gives the reservation's AllocationBase; walk its blocks with
        //       VirtualQuery from there and add the RegionSize of every MEM_COMMIT block (guard pages included).
        //> return 0;
        // END SOLUTION
    }

    // tag::underflow[]
    @Override
    public long reserveAboveStack(Kernel32 kernel, ThreadContext thread) {
        // BEGIN SOLUTION
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        long high = thread.stackBase(); // GetCurrentThreadStackLimits' highLimit: the stack grows down from here
        // Reserve only, so that every access above the stack is an access violation. VirtualAlloc fails, returning
        // 0, when another region already lies there: nothing can be done for this stack then.
        // BEGIN WRONG commits-above-stack
        return kernel.VirtualAlloc(high, si.dwAllocationGranularity, MEM_RESERVE, PAGE_NOACCESS);
        // INSTEAD
        // MISTAKE: commits the range too, so an underflow writes into it silently: the corruption it was to catch.
        //> return kernel.VirtualAlloc(high, si.dwAllocationGranularity, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        // END WRONG
        // INSTEAD
        // TODO: reserve (MEM_RESERVE, nothing committed) one allocation granularity (GetSystemInfo) starting at
        //       thread.stackBase(), the stack's high end; return the reservation's base, or 0 if VirtualAlloc
        //       fails because another region already lies there.
        //> return 0;
        // END SOLUTION
    }

    @Override
    public int classifyStackFault(Seh seh, ThreadContext thread, SehBlock body) {
        // BEGIN SOLUTION
        long high = thread.stackBase();
        int[] kind = {NO_STACK_FAULT};
        seh.tryExcept(body, r -> {
            if (r.ExceptionCode == EXCEPTION_STACK_OVERFLOW) {
                kind[0] = STACK_OVERFLOW;
                return EXCEPTION_EXECUTE_HANDLER;
            }
            // The stack grows down: an underflow touches memory above its high end. ExceptionInformation[1] is the
            // address the access faulted on.
            // BEGIN WRONG underflow-below-stack, uses-exception-address
            boolean above = r.NumberParameters >= 2 && r.ExceptionInformation[1] >= high;
            // INSTEAD underflow-below-stack
            // MISTAKE: takes "past the end of the stack" as below it, forgetting that the stack grows down.
            //> boolean above = r.NumberParameters >= 2 && r.ExceptionInformation[1] < thread.deallocationStack();
            // INSTEAD uses-exception-address
            // MISTAKE: ExceptionAddress is the address of the faulting instruction, not of the data it touched.
            //> boolean above = r.ExceptionAddress >= high;
            // END WRONG
            if (r.ExceptionCode == EXCEPTION_ACCESS_VIOLATION && above) {
                kind[0] = STACK_UNDERFLOW;
                return EXCEPTION_EXECUTE_HANDLER;
            }
            return EXCEPTION_CONTINUE_SEARCH; // not a stack fault: the caller's handlers decide
        }, r -> { });
        return kind[0];
        // INSTEAD
        // TODO: run body in seh.tryExcept; the filter returns EXCEPTION_EXECUTE_HANDLER for EXCEPTION_STACK_OVERFLOW
        //       (STACK_OVERFLOW) and for an EXCEPTION_ACCESS_VIOLATION whose faulting address,
        //       ExceptionInformation[1], is at or above thread.stackBase() (STACK_UNDERFLOW), and
        //       EXCEPTION_CONTINUE_SEARCH for anything else. Return NO_STACK_FAULT when body ran to its end.
        //> body.run();
        //> return NO_STACK_FAULT;
        // END SOLUTION
    }
    // end::underflow[]
}
