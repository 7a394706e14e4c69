package pagelab.sim.heap;

import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import pagelab.sim.mmu.InaccessiblePage;
import pagelab.sim.sync.KernelLock;

/**
 * The heaps of one process, by handle and in creation order (the process heap first, GetProcessHeaps' order), and
 * the one way into one of them for a heap function ({@link #acquire}). Guarded by the machine lock, except the
 * process heap, which is set once at process start and read without the lock by GetProcessHeap.
 */
final class HeapTable {
    /** How long a call waiting for HeapUnlock sleeps before it looks again whether its process still lives. */
    private static final long HEAP_LOCK_NAP_MILLIS = 20;

    private final HeapProcess process;
    private final KernelLock lock;
    private final Map<Long, Heap> byHandle = new HashMap<>();
    private final List<Heap> order = new ArrayList<>();
    private volatile Heap processHeap;

    HeapTable(HeapProcess process) {
        this.process = process;
        this.lock = process.lock();
    }

    void add(Heap h) {
        if (h.processHeap) {
            processHeap = h;
        }
        order.add(h);
        byHandle.put(h.handle, h);
    }

    void remove(Heap h) {
        order.remove(h);
        byHandle.remove(h.handle);
    }

    Heap processHeap() {
        return processHeap;
    }

    List<Heap> inCreationOrder() {
        return order;
    }

    /** The heap with this handle, or null; the process heap, the one programs use most, is looked at first. */
    Heap get(long handle) {
        Heap h = processHeap;
        return h != null && h.handle == handle ? h : byHandle.get(handle);
    }

    /**
     * The one way into a heap, as xv6's acquire: takes the machine lock and returns the heap of this handle, or null
     * if there is none; either way the caller holds the lock and releases it in a finally. While another thread holds
     * the heap's HeapLock, a serialised call (heap without HEAP_NO_SERIALIZE, call without it in {@code flags}) waits
     * outside the machine lock and looks again, as it would for Windows' CRITICAL_SECTION, unless {@code noWait}
     * says it need not (the front end serves it: Windows' LFH takes no heap lock). A thread that waits notices its
     * process's end.
     */
    Heap acquire(long handle, int flags, Predicate<Heap> noWait) {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        try {
            while (true) {
                lock.lock();
                Heap h = get(handle);
                if (h == null || h.isDestroyed()) {
                    return null;
                }
                if (!mustWait(h, flags, me) || noWait != null && needNotWait(noWait, h)) {
                    return h;
                }
                lock.unlock();
                interrupted |= h.heapLock().awaitRelease(me, HEAP_LOCK_NAP_MILLIS);
                process.checkAlive(); // the process may have ended while this thread waited
            }
        } finally {
            if (interrupted) {
                me.interrupt();
            }
        }
    }

    /** Whether a call with {@code flags} on {@code h} must wait: it is serialised and another thread holds HeapLock. */
    private static boolean mustWait(Heap h, int flags, Thread me) {
        return ((h.flags | flags) & HEAP_NO_SERIALIZE) == 0 && h.heapLock().heldByOther(me);
    }

    /** A page the answer depends on is inaccessible: the call goes ahead, meets the page and fails on it. */
    private static boolean needNotWait(Predicate<Heap> noWait, Heap h) {
        try {
            return noWait.test(h);
        } catch (InaccessiblePage e) {
            return true;
        }
    }
}
