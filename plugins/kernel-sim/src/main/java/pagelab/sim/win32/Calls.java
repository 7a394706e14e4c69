package pagelab.sim.win32;

import static pagelab.kernel.WinError.ERROR_CALL_NOT_IMPLEMENTED;

import java.util.List;
import java.util.function.Supplier;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.KernelCall;
import pagelab.sim.machine.SimMachine;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.status.NtStatus;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.SimThread;
import pagelab.sim.trace.Callers;

/**
 * The plumbing every Win32 call of one process shares, in the order a call uses it: attach the calling thread and
 * count the call ({@link #begin}), apply fault injection, run the core under the machine lock ({@link #run}), set
 * last-error ({@link #finish}), record the call in the trace ({@link #tracing}, {@link #trace}).
 */
final class Calls {
    /**
     * A call that changed the address space is recorded with a snapshot of it, while the space has at most this many
     * allocations: the trace keeps a run's first events, and a snapshot per call of a space with thousands of
     * allocations would cost more memory than all the rest of the trace.
     */
    private static final int SNAPSHOT_VIEW_LIMIT = 1024;

    final SimProcess p;
    final SimMachine m;
    final KernelLock lock;

    Calls(SimProcess process) {
        this.p = process;
        this.m = process.simMachine();
        this.lock = process.lock();
    }

    SimThread begin() {
        SimThread t = p.enter();
        t.countKernelCall();
        return t;
    }

    /** The error fault injection imposes on this call of {@code function}, or 0. */
    int injected(String function) {
        return m.faults().check(function);
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

    /** Sets last-error for a failed call (successful calls leave it alone, as most Win32 calls do). */
    static void finish(SimThread t, int error) {
        if (error != 0) {
            t.setLastError(error);
        }
    }

    /**
     * Whether this call is to be recorded in the trace: tracing is on and the trace still keeps events. A call the
     * full trace keeps no more is counted here, and nothing of it is formatted, so the caller formats its arguments
     * for {@link #trace} only when this says yes.
     */
    boolean tracing() {
        return m.tracing() && m.tracer().admit();
    }

    /**
     * Records this call: its arguments and result in Win32 notation, the Java line that made it, and, when it
     * changed the address space, a snapshot of the space after it.
     */
    void trace(SimThread t, String function, int error, String result, boolean mutates, String... args) {
        m.trace(sequence -> new KernelCall(sequence, p.id(), t.threadId(), function, List.of(args), result,
                error != 0, error != 0 ? error : t.lastError(), Callers.caller(),
                mutates && error == 0 ? snapshot(sequence) : null));
    }

    private AddressSpaceSnapshot snapshot(long sequence) {
        lock.lock();
        try {
            return p.space().viewCount() <= SNAPSHOT_VIEW_LIMIT ? p.space().snapshot(sequence) : null;
        } finally {
            lock.unlock();
        }
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
