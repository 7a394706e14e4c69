package pagelab.sim.sync;

/**
 * A lock the program takes and releases in separate kernel calls, as HeapLock and HeapUnlock take and release a
 * heap's CRITICAL_SECTION: an owning thread and a recursion count. It is taken and released under the machine lock;
 * a thread that has to wait for it waits outside the machine lock ({@link #awaitRelease}), in short naps, so that it
 * can notice between them that its process has ended.
 */
public final class OwnerLock {
    /** Written under the machine lock, read by waiting threads outside it. */
    private volatile Thread owner;
    private int count;
    private final Object released = new Object();

    /** Whether a thread other than {@code me} holds the lock: then a call that respects it must wait. */
    public boolean heldByOther(Thread me) {
        Thread o = owner;
        return o != null && o != me;
    }

    /** Takes the lock (again) for {@code me}; false if another thread holds it. Caller holds the machine lock. */
    public boolean tryAcquire(Thread me) {
        if (heldByOther(me)) {
            return false;
        }
        owner = me;
        count++;
        return true;
    }

    /** Releases one hold; false if {@code me} does not hold the lock. Caller holds the machine lock. */
    public boolean release(Thread me) {
        if (owner != me || count == 0) {
            return false;
        }
        if (--count == 0) {
            releaseAll();
        }
        return true;
    }

    /** Frees the lock whoever holds it (its heap is destroyed) and wakes every waiter. */
    public void releaseAll() {
        owner = null;
        count = 0;
        synchronized (released) {
            released.notifyAll();
        }
    }

    /**
     * Waits, without the machine lock, at most {@code millis} for the lock to be released; the caller then tries its
     * call again. Returns true if the thread was interrupted (its flag cleared, for the caller to restore).
     */
    public boolean awaitRelease(Thread me, long millis) {
        synchronized (released) {
            if (heldByOther(me)) {
                try {
                    released.wait(millis);
                } catch (InterruptedException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
