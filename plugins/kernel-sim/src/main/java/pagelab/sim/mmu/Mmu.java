package pagelab.sim.mmu;

import static pagelab.kernel.WinNT.EXCEPTION_ACCESS_VIOLATION;
import static pagelab.kernel.WinNT.EXCEPTION_STACK_OVERFLOW;
import static pagelab.kernel.WinNT.STATUS_GUARD_PAGE_VIOLATION;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import pagelab.sim.sync.KernelLock;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.inspect.PageInfo;
import pagelab.sim.SimProcess;
import pagelab.sim.thread.SimThread;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;

/**
 * The one access path (xv6's walk + copyin, Wine's virtual_handle_fault): translates an address to the frame
 * holding it, page by page, and decides every fault in one place. A guard page is checked first (clear the
 * guard, then grow the thread's stack or raise STATUS_GUARD_PAGE_VIOLATION), then copy-on-write, then an access
 * violation. Exceptions go to the faulting thread's SEH chain; a filter answering EXCEPTION_CONTINUE_EXECUTION
 * makes the access be tried again.
 */
public final class Mmu {
    private final SimProcess process;
    private final AddressSpace space;
    private final KernelLock lock;

    public Mmu(SimProcess process, AddressSpace space, KernelLock lock) {
        this.process = process;
        this.space = space;
        this.lock = lock;
    }

    /** A fault to raise: the record, and the page as it was at the instant of the fault. */
    private record Fault(EXCEPTION_RECORD record, PageInfo before) {
    }

    /**
     * The frame for an access at {@code address}, after resolving every fault; the machine's zero frame
     * for a page that reads as zero. With a {@code tlb}, the translation is installed in it while the lock is still
     * held, so that no invalidation can slip between the two.
     */
    public byte[] translate(long address, Access kind, SimMemory tlb) {
        int refaults = 0;
        EXCEPTION_RECORD previous = null;
        while (true) {
            process.checkAlive();
            Fault fault;
            lock.lock();
            try {
                View view = space.find(address);
                if (view != null) {
                    long page = view.pageOf(address);
                    int vprot = view.vprot(page);
                    if (allowed(vprot, kind)) {
                        byte[] frame = frame(view, page, kind);
                        if (tlb != null) {
                            tlb.install(address, frame, kind);
                        }
                        return frame;
                    }
                    fault = resolve(view, page, vprot, address, kind);
                } else {
                    fault = accessViolation(address, kind, null);
                }
            } finally {
                lock.unlock();
            }
            if (fault == null) {
                continue; // handled inside the kernel (stack growth, copy-on-write): try again
            }
            if (previous != null && previous.equals(fault.record)) {
                if (++refaults >= process.machine().config().maxRefaults()) {
                    process.refaultLimit(fault.record, refaults);
                }
            } else {
                refaults = 0;
            }
            previous = fault.record;
            process.raise(fault.record, fault.before);
        }
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

    private byte[] frame(View view, long page, Access kind) {
        view.backing().markReferenced(page);
        if (view.backing().isPagedOut(page)) {
            process.counters().hardFault();
        }
        if (kind == Access.WRITE) {
            boolean wasResident = view.backing().isResident(page);
            byte[] before = view.backing().frameForRead(page);
            byte[] frame = view.backing().frameForWrite(page);
            if (!wasResident) {
                process.counters().pageFault();
            }
            if (before != frame) {
                space.invalidate(); // readers may have cached the zero frame or a transient copy
            }
            return frame;
        }
        byte[] frame = view.backing().frameForRead(page);
        if (frame == null) {
            if (!view.backing().isResident(page)) {
                view.backing().touch(page);
                process.counters().pageFault();
            }
            return process.simMachine().phys().zeroFrame();
        }
        return frame;
    }

    /** Decides a fault on a page of a view; null when the kernel cured it without telling the program. */
    private Fault resolve(View view, long page, int vprot, long address, Access kind) {
        if (Protection.isGuard(vprot)) {
            PageInfo before = process.pageInfo(view, page);
            view.setVprot(page, vprot & ~Protection.GUARD);
            space.invalidate();
            process.counters().guardPageFault();
            SimThread thread = process.enter();
            if (thread.stackContains(address)) {
                return growStack(thread, view, page, address, kind, before);
            }
            return new Fault(record(STATUS_GUARD_PAGE_VIOLATION, address, kind), before);
        }
        if (kind == Access.WRITE && Protection.isCopyOnWrite(vprot)) {
            view.backing().copyOnWrite(page);
            view.setVprot(page, Protection.afterCopy(vprot));
            space.invalidate();
            process.counters().pageFault();
            return null;
        }
        return accessViolation(address, kind, process.pageInfo(view, page));
    }

    /**
     * Chapter 16: touching the stack's guard page commits it and makes the page below the new guard page; when
     * that page would be the reservation's second-lowest, it is committed without a guard and the thread gets
     * EXCEPTION_STACK_OVERFLOW instead. The lowest page is never committed.
     */
    private Fault growStack(SimThread thread, View stack, long page, long address, Access kind, PageInfo before) {
        long below = page - 1;
        if (below >= 2 && process.commitStackPage(stack, below, true)) {
            thread.setStackLimit(stack.base() + page * PAGE_SIZE);
            return null;
        }
        if (below == 1) {
            process.commitStackPage(stack, below, false);
        }
        thread.setStackLimit(stack.base() + (below == 1 ? 1 : page) * PAGE_SIZE);
        return new Fault(record(EXCEPTION_STACK_OVERFLOW, address, kind), before);
    }

    private Fault accessViolation(long address, Access kind, PageInfo before) {
        process.counters().accessViolation();
        PageInfo info = before != null ? before : process.freePageInfo(address);
        return new Fault(record(EXCEPTION_ACCESS_VIOLATION, address, kind), info);
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
