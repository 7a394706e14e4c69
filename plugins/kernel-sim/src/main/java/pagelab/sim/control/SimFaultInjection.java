package pagelab.sim.control;

import java.util.HashMap;
import java.util.Map;
import pagelab.kernel.control.FaultInjection;
import pagelab.sim.phys.PhysicalMemory;
import pagelab.sim.sync.KernelLock;

/** Deterministic fault injection: per-function countdowns and permanent failures, limits. Thread-safe. */
public final class SimFaultInjection implements FaultInjection {
    private static final long DEFAULT_STACK_RESERVE = 0x100000;

    private final KernelLock lock;
    private final PhysicalMemory phys;
    private final Map<String, int[]> nth = new HashMap<>();
    private final Map<String, Integer> always = new HashMap<>();
    private volatile long stackReserve = DEFAULT_STACK_RESERVE;
    private volatile boolean stackReserveSet;
    private volatile boolean any;

    public SimFaultInjection(KernelLock lock, PhysicalMemory phys) {
        this.lock = lock;
        this.phys = phys;
    }

    @Override
    public synchronized void failNthCall(String function, int n, int win32Error) {
        if (function == null || n < 1) {
            throw new IllegalArgumentException("failNthCall: a function name and n >= 1, got " + function + ", " + n);
        }
        nth.put(function, new int[] {n, win32Error});
        any = true;
    }

    @Override
    public synchronized void failAllCalls(String function, int win32Error) {
        if (function == null) {
            throw new IllegalArgumentException("failAllCalls: function is null");
        }
        always.put(function, win32Error);
        any = true;
    }

    @Override
    public void setCommitLimit(long bytes) {
        lock.lock();
        try {
            phys.setCommitLimitPages(Math.max(0, bytes) / PhysicalMemory.PAGE_SIZE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setDefaultStackReserve(long bytes) {
        if (bytes < 0x10000) {
            throw new IllegalArgumentException("setDefaultStackReserve: at least 64 KiB, got " + bytes);
        }
        stackReserve = (bytes + 0xFFFF) & ~0xFFFFL;
        stackReserveSet = true;
    }

    /** Whether a checker set the stack reservation: it then overrides the one an image asks for. */
    public boolean stackReserveSet() {
        return stackReserveSet;
    }

    public long stackReserve() {
        return stackReserve;
    }

    @Override
    public synchronized void clear() {
        nth.clear();
        always.clear();
        any = false;
        stackReserve = DEFAULT_STACK_RESERVE;
        stackReserveSet = false;
        lock.lock();
        try {
            phys.restoreCommitLimit();
        } finally {
            lock.unlock();
        }
    }

    /** The Win32 error this call of {@code function} must fail with, or 0 to run it normally. */
    public int check(String function) {
        if (!any) {
            return 0;
        }
        synchronized (this) {
            Integer err = always.get(function);
            if (err != null) {
                return err;
            }
            int[] rule = nth.get(function);
            if (rule != null && --rule[0] == 0) {
                nth.remove(function);
                return rule[1];
            }
            return 0;
        }
    }
}
