package pagelab.sim.mmu;

import static pagelab.kernel.WinNT.EXCEPTION_ACCESS_VIOLATION;
import static pagelab.kernel.WinNT.EXCEPTION_STACK_OVERFLOW;
import static pagelab.kernel.WinNT.STATUS_GUARD_PAGE_VIOLATION;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.inspect.PageInfo;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.SimThread;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.Backing;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;
import pagelab.sim.vm.VirtualMemory;

/**
 * The one access path of a process (xv6's walk, Wine's virtual_handle_fault). Every access to the process's memory
 * ends in {@link #walk}, whoever makes it: the program's loads and stores ({@link SimMemory}, when its TLB misses),
 * the heap manager reading and writing its block headers, and the kernel copying to and from a ReadFile or
 * WriteFile buffer (both through {@link KernelAccess}). So the accounting is the same for all of them: the page is
 * marked referenced (the clock's second chance), a page that was not resident costs a soft fault, one that comes
 * back from the paging file a hard fault too, and a page that gets a new frame shoots down cached translations.
 *
 * <p>What the walk cannot cure, the caller decides. The kernel's own accesses simply fail. The program's faults
 * are decided here, in Wine's order: a guard page first (clear the guard, then grow the thread's stack or raise
 * STATUS_GUARD_PAGE_VIOLATION), then an access violation. Exceptions go to the faulting thread's SEH chain; a
 * filter answering EXCEPTION_CONTINUE_EXECUTION makes the access be tried again.
 */
public final class Mmu {
    private final FaultSink process;
    private final VirtualMemory vm;
    private final AddressSpace space;
    private final KernelLock lock;
    private final FaultCounters counters;
    private final byte[] zeroFrame;
    private final int maxRefaults;

    /**
     * @param zeroFrame   what a page that reads as zero reads through (the machine's one zero frame)
     * @param maxRefaults how many times a filter may continue the same fault before the process ends
     */
    public Mmu(FaultSink process, VirtualMemory vm, KernelLock lock, FaultCounters counters, byte[] zeroFrame,
               int maxRefaults) {
        this.process = process;
        this.vm = vm;
        this.space = vm.space();
        this.lock = lock;
        this.counters = counters;
        this.zeroFrame = zeroFrame;
        this.maxRefaults = maxRefaults;
    }

    /** A fault to raise: the record, and the page as it was at the instant of the fault. */
    private record Fault(EXCEPTION_RECORD record, PageInfo before) {
    }

    // ---------------------------------------------------------------- the walk

    /**
     * xv6's walk: the frame holding the page of {@code address} for an access of {@code kind} (the machine's zero
     * frame for a page that reads as zero), or null if the page does not allow the access: free, reserved, a guard
     * page, or protected against it. A write to a copy-on-write page is cured here: the view gets its private copy,
     * as the access needs. Caller holds the machine lock.
     */
    byte[] walk(long address, Access kind) {
        View view = space.find(address);
        if (view == null) {
            return null;
        }
        long page = view.pageOf(address);
        int vprot = view.vprot(page);
        if (kind == Access.WRITE && Protection.isCopyOnWrite(vprot) && !Protection.isGuard(vprot)) {
            vprot = copyOnWrite(view, page, vprot);
        }
        return allowed(vprot, kind) ? frame(view, page, kind) : null;
    }

    private static boolean allowed(int vprot, Access kind) {
        if (Protection.isGuard(vprot)) {
            return false;
        }
        switch (kind) {
            case READ: return Protection.canRead(vprot);
            case WRITE: return Protection.canWrite(vprot);
            default: return Protection.canExecute(vprot);
        }
    }

    /** Chapter 17's PAGE_WRITECOPY: the first write gives the view a private copy of the shared page (a soft fault). */
    private int copyOnWrite(View view, long page, int vprot) {
        view.backing().copyOnWrite(page);
        int after = Protection.afterCopy(vprot);
        view.setVprot(page, after);
        space.invalidate();
        counters.pageFault();
        return after;
    }

    /** The frame of an allowed access, with the accounting every access pays (see the class comment). */
    private byte[] frame(View view, long page, Access kind) {
        Backing backing = view.backing();
        backing.markReferenced(page);
        boolean wasResident = backing.isResident(page);
        if (backing.isPagedOut(page)) {
            counters.hardFault();
        }
        byte[] frame = backing.frameForRead(page);
        if (kind == Access.WRITE) {
            byte[] before = frame;
            frame = backing.frameForWrite(page);
            if (frame != before) {
                space.invalidate(); // readers may have cached the zero frame or a transient copy
            }
        }
        if (!wasResident) {
            backing.touch(page);
            counters.pageFault();
        }
        return frame == null ? zeroFrame : frame;
    }

    // ---------------------------------------------------------------- the program's accesses

    /**
     * The frame for the program's access at {@code address}, after resolving every fault. With a {@code tlb}, the
     * translation is installed in it while the lock is still held, so that no invalidation can slip between the two.
     */
    byte[] translate(long address, Access kind, SimMemory tlb) {
        int refaults = 0;
        EXCEPTION_RECORD previous = null;
        while (true) {
            process.checkAlive();
            Fault fault;
            lock.lock();
            try {
                byte[] frame = walk(address, kind);
                if (frame != null) {
                    if (tlb != null) {
                        tlb.install(address, frame, kind);
                    }
                    return frame;
                }
                fault = fault(address, kind);
            } finally {
                lock.unlock();
            }
            if (fault == null) {
                continue; // cured inside the kernel (the stack grew): try again
            }
            if (previous != null && previous.equals(fault.record)) {
                if (++refaults >= maxRefaults) {
                    process.refaultLimit(fault.record, refaults);
                }
            } else {
                refaults = 0;
            }
            previous = fault.record;
            process.raise(fault.record, fault.before);
        }
    }

    /** Decides a fault the walk could not cure; null when the kernel cured it without telling the program. */
    private Fault fault(long address, Access kind) {
        View view = space.find(address);
        if (view == null) {
            return accessViolation(address, kind, space.pageInfo(address));
        }
        long page = view.pageOf(address);
        int vprot = view.vprot(page);
        if (!Protection.isGuard(vprot)) {
            return accessViolation(address, kind, view.pageInfo(page));
        }
        PageInfo before = view.pageInfo(page);
        view.setVprot(page, vprot & ~Protection.GUARD);
        space.invalidate();
        counters.guardPageFault();
        SimThread thread = process.currentThread();
        if (thread.stackContains(address)) {
            return growStack(thread, view, page, address, kind, before);
        }
        return new Fault(record(STATUS_GUARD_PAGE_VIOLATION, address, kind), before);
    }

    /**
     * Chapter 16: touching the stack's guard page commits it and makes the page below the new guard page; when
     * that page would be the reservation's second-lowest, it is committed without a guard and the thread gets
     * EXCEPTION_STACK_OVERFLOW instead. The lowest page is never committed.
     */
    private Fault growStack(SimThread thread, View stack, long page, long address, Access kind, PageInfo before) {
        long below = page - 1;
        if (below >= 2 && vm.commitStackPage(stack, below, true)) {
            thread.setStackLimit(stack.base() + page * PAGE_SIZE);
            return null;
        }
        if (below == 1) {
            vm.commitStackPage(stack, below, false);
        }
        thread.setStackLimit(stack.base() + (below == 1 ? 1 : page) * PAGE_SIZE);
        return new Fault(record(EXCEPTION_STACK_OVERFLOW, address, kind), before);
    }

    private Fault accessViolation(long address, Access kind, PageInfo before) {
        counters.accessViolation();
        return new Fault(record(EXCEPTION_ACCESS_VIOLATION, address, kind), before);
    }

    /**
     * ExceptionAddress is where the faulting instruction is: the target itself for an instruction fetch, and for
     * a load or store a code address of the process's image (the simulator runs no machine code of its own).
     */
    private EXCEPTION_RECORD record(int code, long address, Access kind) {
        EXCEPTION_RECORD r = new EXCEPTION_RECORD();
        r.ExceptionCode = code;
        r.ExceptionFlags = 0;
        r.ExceptionAddress = kind == Access.EXECUTE ? address : process.codeAddress();
        r.NumberParameters = 2;
        r.ExceptionInformation[0] = kind.code();
        r.ExceptionInformation[1] = address;
        return r;
    }
}
