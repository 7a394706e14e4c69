package pagelab.sim.win32;

import pagelab.sim.status.NtStatus;
import static pagelab.kernel.WinError.ERROR_CALL_NOT_IMPLEMENTED;

import java.util.List;
import pagelab.sim.sync.KernelLock;
import java.util.function.Supplier;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;
import pagelab.sim.SimMachine;
import pagelab.sim.SimProcess;
import pagelab.sim.thread.SimThread;
import pagelab.sim.trace.Callers;

/**
 * The plumbing every Win32 call of one process shares: attach the calling thread, apply fault injection, run the
 * core under the machine lock, set last-error, record the call in the trace.
 */
final class Calls {
    /** Snapshots after each call stop being taken beyond this many allocations (they would cost too much). */
    private static final int SNAPSHOT_VIEW_LIMIT = 4096;

    final SimProcess p;
    final SimMachine m;
    final KernelLock lock;
    /**
     * Held here rather than reached through the machine on every call: the machine's configuration never changes,
     * and each hop is one more load that the next one waits for (a HeapAlloc/HeapFree pair is mostly such chains).
     */
    private final boolean tracing;
    private final pagelab.sim.control.SimFaultInjection faults;

    Calls(SimProcess process) {
        this.p = process;
        this.m = process.simMachine();
        this.lock = process.lock();
        this.tracing = m.tracing();
        this.faults = m.faults();
    }

    SimThread begin() {
        SimThread t = p.enter();
        t.countKernelCall();
        return t;
    }

    boolean tracing() {
        return tracing;
    }

    /** The error fault injection imposes on this call of {@code function}, or 0. */
    int injected(String function) {
        return faults.check(function);
    }

    /** Runs a core operation unless fault injection fails it; returns the Win32 error, 0 on success. */
    int run(String function, Supplier<NtStatus> op) {
        int injected = injected(function);
        if (injected != 0) {
            return injected;
        }
        lock.lock();
        try {
            return op.get().win32Error();
        } finally {
            lock.unlock();
        }
    }

    /** A core operation on {@code target} with an address and an out-structure: a call that allocates nothing. */
    @FunctionalInterface
    interface AddressOp<T, U> {
        NtStatus apply(T target, long address, U out);
    }

    /**
     * {@link #run(String, Supplier)} for the hottest calls (VirtualQuery): given a method reference that captures
     * nothing, no lambda is allocated per call, so the call's speed does not depend on the JIT proving that a
     * capturing lambda does not escape (when it could not, a query cost five times as much).
     */
    <T, U> int run(String function, T target, long address, U out, AddressOp<T, U> op) {
        int injected = injected(function);
        if (injected != 0) {
            return injected;
        }
        lock.lock();
        try {
            return op.apply(target, address, out).win32Error();
        } finally {
            lock.unlock();
        }
    }

    /** Sets last-error for a failed call (successful calls leave it alone, as most Win32 calls do). */
    static void finish(SimThread t, int error) {
        if (error != 0) {
            t.setLastError(error);
        }
    }

    void trace(SimThread t, String function, int error, String result, boolean mutates, String... args) {
        long seq = m.tracer().nextSequence();
        AddressSpaceSnapshot after = null;
        if (mutates && error == 0) {
            lock.lock();
            try {
                if (p.space().viewCount() <= SNAPSHOT_VIEW_LIMIT) {
                    after = p.space().snapshot(seq);
                }
            } finally {
                lock.unlock();
            }
        }
        m.tracer().add(new KernelCall(seq, p.id(), t.threadId(), function, List.of(args), result, error != 0,
                error != 0 ? error : t.lastError(), Callers.caller(), after));
    }

    <T> T notImplemented(String function, T failure, String result) {
        SimThread t = begin();
        finish(t, ERROR_CALL_NOT_IMPLEMENTED);
        if (tracing()) {
            trace(t, function, ERROR_CALL_NOT_IMPLEMENTED, result, false);
        }
        return failure;
    }
}
