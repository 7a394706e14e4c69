package pagelab.sim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine lock: every kernel call of every process runs under it, so its uncontended cost is a floor under
 * every call. A {@code MachineLock} pays two fenced atomic instructions per call (the acquiring CAS and the
 * volatile store that releases); this lock pays one: it releases with a release store, an ordinary store on x86,
 * which still orders the critical section before the next holder's acquire (the MMU's TLBs rely on that).
 *
 * <p>The price is in the contended path. A releasing thread checks for waiters without a full fence, so it can
 * miss one that is just going to sleep; waiters therefore spin briefly, then park for at most
 * {@link #PARK_NANOS} at a time and retry, which bounds the delay of a missed wake-up. Reentrant, not fair
 * (a running thread may take the lock before a woken one), like {@code new ReentrantLock()}.
 */
public final class MachineLock {
    private static final VarHandle STATE;
    private static final VarHandle WAITING;
    private static final int SPINS = 256;
    private static final long PARK_NANOS = 50_000;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(MachineLock.class, "state", int.class);
            WAITING = l.findVarHandle(MachineLock.class, "waiting", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 0 free, 1 held. */
    private volatile int state;
    /** Threads in {@link #contended}: the releasing thread wakes one if there are any. */
    private volatile int waiting;
    /**
     * The holder's thread id, 0 when free; written only by the holder, so another thread never reads itself here by
     * mistake. An id, not the Thread: storing a reference costs the garbage collector's write barrier on every
     * acquisition (under G1 a card check, and a full fence once the lock lives in an old region).
     */
    private long owner;
    private int holds;
    private final ConcurrentLinkedQueue<Thread> parked = new ConcurrentLinkedQueue<>();

    /**
     * The compare-and-set comes first and a reentrant acquisition is recognised only when it fails: a locked
     * instruction waits for every load before it, so checking the holder first would put the current thread's
     * id (three dependent loads) in front of it on every call. A thread never reads its own id here unless it
     * holds the lock: its release wrote 0, and its reads see its own last write or a later one.
     */
    public void lock() {
        if (!STATE.compareAndSet(this, 0, 1)) {
            Thread me = Thread.currentThread();
            if (owner == me.getId()) {
                holds++;
                return;
            }
            contended(me);
        }
        owner = Thread.currentThread().getId();
        holds = 1;
    }

    public void unlock() {
        if (owner != Thread.currentThread().getId()) {
            throw new IllegalMonitorStateException("MachineLock.unlock by a thread that does not hold it");
        }
        if (--holds > 0) {
            return;
        }
        owner = 0;
        STATE.setRelease(this, 0);
        if (waiting != 0) {
            Thread next = parked.peek();
            if (next != null) {
                LockSupport.unpark(next);
            }
        }
    }

    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread().getId();
    }

    /** Spins a little, then parks in short naps until the lock is free; an interrupt is kept for the caller. */
    private void contended(Thread me) {
        boolean interrupted = false;
        WAITING.getAndAdd(this, 1);
        try {
            for (int spin = 0; ; spin++) {
                if (state == 0 && STATE.compareAndSet(this, 0, 1)) {
                    return;
                }
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    parked.add(me);
                    if (state != 0) {
                        LockSupport.parkNanos(this, PARK_NANOS);
                        interrupted |= Thread.interrupted(); // else an interrupted thread would never sleep here
                    }
                    parked.remove(me);
                }
            }
        } finally {
            WAITING.getAndAdd(this, -1);
            if (interrupted) {
                me.interrupt();
            }
        }
    }
}
