package pagelab.sim.heap;

import static pagelab.kernel.WinNT.HEAP_CREATE_ENABLE_EXECUTE;
import static pagelab.kernel.WinNT.HEAP_GENERATE_EXCEPTIONS;
import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.kernel.WinNT.STATUS_HEAP_CORRUPTION;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import pagelab.kernel.LongByReference;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.inspect.HeapInfo;
import pagelab.sim.mmu.InaccessiblePage;
import pagelab.sim.status.NtStatus;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;

/**
 * The heaps of one process (chapter 18): the default process heap and every HeapCreate heap, all inside the
 * process's simulated memory (see {@link Heap}). Errors follow Windows and Wine's conformance tests: an unknown
 * heap handle gives ERROR_INVALID_HANDLE to HeapAlloc, HeapReAlloc, HeapCompact and HeapDestroy and
 * ERROR_INVALID_PARAMETER to HeapFree and HeapSize; a pointer that is not a busy block (never allocated, already
 * freed, or whose header was overwritten) gives ERROR_INVALID_PARAMETER; a heap page the program decommitted or
 * protected gives ERROR_NOACCESS where Windows would fault inside ntdll.
 *
 * <p>Serialisation: every heap call runs under the machine lock, which already serialises all calls on every heap
 * of the process, so a heap's data needs no lock of its own. What a program can see of Windows' heap lock (the
 * CRITICAL_SECTION that HEAP_NO_SERIALIZE skips) is HeapLock/HeapUnlock, simulated by an {@code OwnerLock} per heap:
 * while another thread holds it, a serialised call waits (outside the machine lock) as it would for the
 * CRITICAL_SECTION, and a HEAP_NO_SERIALIZE heap or call does not. In the simulator an unserialised heap is never
 * corrupted by concurrent threads as a real one can be.
 *
 * <p>Threading: as {@link HeapManager} requires, methods are called without the machine lock and run no program
 * code while holding it. Every heap function goes the same way: {@link #acquire} (the machine lock, the heap, the
 * HeapLock wait), its work on the {@link Heap}, a page the program made inaccessible answered with ERROR_NOACCESS,
 * and the lock released in a finally.
 */
public final class SimHeaps implements HeapManager {
    private static final int CREATE_OPTIONS = HEAP_NO_SERIALIZE | HEAP_GENERATE_EXCEPTIONS | HEAP_CREATE_ENABLE_EXECUTE;
    /** How long a call waiting for HeapUnlock sleeps before it looks again whether its process still lives. */
    private static final long HEAP_LOCK_NAP_MILLIS = 20;

    private final HeapProcess process;
    private final KernelLock lock;
    private final HeapLayout layout;
    /** Every heap by handle. Guarded by the machine lock, as is everything below. */
    private final Map<Long, Heap> byHandle = new HashMap<>();
    /** In creation order, the process heap first (GetProcessHeaps' order). */
    private final List<Heap> order = new ArrayList<>();
    /** Set once, at process start; read without the lock by GetProcessHeap. */
    private volatile Heap processHeap;

    public SimHeaps(HeapProcess process) {
        this.process = process;
        this.lock = process.lock();
        this.layout = HeapLayout.of(process.is64Bit());
    }

    @Override
    public long createDefaultHeap(long base) {
        lock.lock();
        try {
            View v = process.vm().space().find(base);
            if (v == null) {
                return 0;
            }
            long pages = 0;
            while (pages < v.pages() && Protection.isCommitted(v.vprot(pages))) {
                pages++;
            }
            Heap h = new Heap(layout, process.kernelAccess(), new HeapRegions(process.vm(), PAGE_READWRITE), v,
                    base + pages * PAGE_SIZE, 0, true, true);
            register(h);
            processHeap = h;
            return base;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long processHeap() {
        Heap h = processHeap;
        return h == null ? 0 : h.handle;
    }

    /** Windows fills the array only when every handle fits; it always returns the number of heaps. */
    @Override
    public int heaps(int count, long[] out) {
        lock.lock();
        try {
            int total = order.size();
            if (out != null && total <= Math.min(count, out.length)) {
                for (int i = 0; i < total; i++) {
                    out[i] = order.get(i).handle;
                }
            }
            return total;
        } finally {
            lock.unlock();
        }
    }

    /**
     * HeapCreate: dwInitialSize is rounded up to pages (at least one) and committed. dwMaximumSize 0 makes a
     * growable heap whose first segment reserves at least 64 KiB; otherwise the heap reserves dwMaximumSize
     * rounded up to pages and can never grow past it (a maximum below the initial size is raised to it).
     * Only HEAP_NO_SERIALIZE, HEAP_GENERATE_EXCEPTIONS and HEAP_CREATE_ENABLE_EXECUTE are kept, as kernel32 does.
     */
    @Override
    public NtStatus create(int options, long initialSize, long maximumSize, LongByReference heap) {
        if (initialSize < 0 || maximumSize < 0 || initialSize > Long.MAX_VALUE / 4
                || maximumSize > Long.MAX_VALUE / 4) {
            return NtStatus.NO_MEMORY;
        }
        int flags = options & CREATE_OPTIONS;
        boolean growable = maximumSize == 0;
        long commit = HeapLayout.alignUp(Math.max(initialSize, 1), PAGE_SIZE);
        long reserve = growable ? HeapLayout.alignUp(Math.max(commit, HeapLayout.COMMIT_STEP), HeapLayout.COMMIT_STEP)
                : HeapLayout.alignUp(Math.max(maximumSize, commit), PAGE_SIZE);
        int protect = (flags & HEAP_CREATE_ENABLE_EXECUTE) != 0 ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
        HeapRegions regions = new HeapRegions(process.vm(), protect);
        lock.lock();
        try {
            View v = regions.reserve(reserve, commit);
            if (v == null) {
                return NtStatus.NO_MEMORY;
            }
            Heap h = new Heap(layout, process.kernelAccess(), regions, v, v.base() + commit, flags, growable, false);
            register(h);
            heap.setValue(h.handle);
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    private void register(Heap h) {
        order.add(h);
        byHandle.put(h.handle, h);
    }

    /** HeapDestroy releases every region of the heap; the process heap cannot be destroyed. */
    @Override
    public NtStatus destroy(long heap) {
        Heap h = acquire(heap, 0, x -> x.processHeap);
        try {
            if (h == null || h.processHeap) {
                return NtStatus.INVALID_HANDLE;
            }
            h.destroy();
            order.remove(h);
            byHandle.remove(h.handle);
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    /** An allocation the front end serves does not wait for HeapLock (Wine's tests: "but allocation is not"). */
    @Override
    public NtStatus alloc(long heap, int flags, long bytes, LongByReference block) {
        Heap h = acquire(heap, flags, x -> x.frontEndServes(bytes));
        try {
            return h == null ? NtStatus.INVALID_HANDLE : h.alloc(flags, bytes, block);
        } catch (InaccessiblePage e) {
            return NtStatus.ACCESS_VIOLATION;
        } finally {
            lock.unlock();
        }
    }

    /** HeapReAlloc of NULL returns NULL without an error, as on Windows. */
    @Override
    public NtStatus realloc(long heap, int flags, long block, long bytes, LongByReference moved) {
        if (block == 0) {
            moved.setValue(0);
            return NtStatus.SUCCESS;
        }
        Heap h = acquire(heap, flags, null);
        try {
            if (h == null) {
                return NtStatus.INVALID_HANDLE;
            }
            Block b = h.checkedBlock(block);
            return b == null ? damaged(h, block) : h.realloc(flags, b, bytes, moved);
        } catch (InaccessiblePage e) {
            return NtStatus.ACCESS_VIOLATION;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public NtStatus size(long heap, int flags, long block, LongByReference size) {
        Heap h = acquire(heap, flags, null);
        try {
            if (h == null) {
                return NtStatus.INVALID_PARAMETER;
            }
            Block b = h.checkedBlock(block);
            if (b == null) {
                return damaged(h, block);
            }
            size.setValue(b.requested);
            return NtStatus.SUCCESS;
        } catch (InaccessiblePage e) {
            return NtStatus.ACCESS_VIOLATION;
        } finally {
            lock.unlock();
        }
    }

    /**
     * HeapFree of NULL succeeds; a double free or a damaged header fails with ERROR_INVALID_PARAMETER. A block going
     * back to the front end does not wait for HeapLock.
     */
    @Override
    public NtStatus free(long heap, int flags, long block) {
        if (block == 0) {
            return NtStatus.SUCCESS;
        }
        Heap h = acquire(heap, flags, x -> x.frontEndKeeps(block));
        try {
            if (h == null) {
                return NtStatus.INVALID_PARAMETER;
            }
            Block b = h.checkedBlock(block);
            if (b == null) {
                return damaged(h, block);
            }
            h.release(b);
            return NtStatus.SUCCESS;
        } catch (InaccessiblePage e) {
            return NtStatus.ACCESS_VIOLATION;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean validate(long heap, int flags, long block) {
        Heap h = acquire(heap, flags, null);
        try {
            return h != null && (block == 0 ? h.validate() : h.checkedBlock(block) != null);
        } catch (InaccessiblePage e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean generatesExceptions(long heap) {
        lock.lock();
        try {
            Heap h = heap(heap);
            return h != null && (h.flags & HEAP_GENERATE_EXCEPTIONS) != 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public NtStatus compact(long heap, int flags, LongByReference largest) {
        Heap h = acquire(heap, flags, null);
        try {
            if (h == null) {
                return NtStatus.INVALID_HANDLE;
            }
            largest.setValue(h.compact());
            return NtStatus.SUCCESS;
        } catch (InaccessiblePage e) {
            return NtStatus.ACCESS_VIOLATION;
        } finally {
            lock.unlock();
        }
    }

    /**
     * HeapLock waits while another thread holds the lock (acquire does the waiting); on a HEAP_NO_SERIALIZE heap it
     * does nothing and succeeds, as on Windows (Wine's tests: a second thread's HeapLock is not blocked there).
     */
    @Override
    public NtStatus lock(long heap) {
        Heap h = acquire(heap, 0, null);
        try {
            if (h == null) {
                return NtStatus.INVALID_HANDLE;
            }
            if ((h.flags & HEAP_NO_SERIALIZE) == 0) {
                h.heapLock().tryAcquire(Thread.currentThread());
            }
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    /** HeapUnlock by a thread that does not hold the lock: undefined on Windows, ERROR_NOT_LOCKED here. */
    @Override
    public NtStatus unlock(long heap) {
        Heap h = acquire(heap, HEAP_NO_SERIALIZE, null);
        try {
            if (h == null) {
                return NtStatus.INVALID_HANDLE;
            }
            return (h.flags & HEAP_NO_SERIALIZE) != 0 || h.heapLock().release(Thread.currentThread())
                    ? NtStatus.SUCCESS : NtStatus.NOT_LOCKED;
        } finally {
            lock.unlock();
        }
    }

    /** HeapWalk: an entry the heap no longer has (it changed under an unlocked walk) gives ERROR_INVALID_PARAMETER. */
    @Override
    public NtStatus walk(long heap, PROCESS_HEAP_ENTRY entry) {
        if (entry == null) {
            return NtStatus.ACCESS_VIOLATION;
        }
        Heap h = acquire(heap, 0, null);
        try {
            if (h == null) {
                return NtStatus.INVALID_HANDLE;
            }
            HeapWalker.Entry next = HeapWalker.next(h, entry);
            if (next == null) {
                return NtStatus.NO_MORE_ENTRIES;
            }
            next.copyTo(entry);
            return NtStatus.SUCCESS;
        } catch (IllegalArgumentException e) {
            return NtStatus.INVALID_PARAMETER;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public NtStatus compatibility(long heap, LongByReference value) {
        Heap h = acquire(heap, HEAP_NO_SERIALIZE, null);
        try {
            if (h == null) {
                return NtStatus.ACCESS_VIOLATION;
            }
            value.setValue(h.compatibility());
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public NtStatus setCompatibility(long heap, int value) {
        Heap h = acquire(heap, HEAP_NO_SERIALIZE, null);
        try {
            return h == null ? NtStatus.INVALID_HANDLE : h.setCompatibility(value);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A HeapFree, HeapReAlloc or HeapSize that found no usable block: ERROR_INVALID_PARAMETER, or, once the
     * process asked for HeapEnableTerminationOnCorruption and the heap knows a damaged or twice-freed block there,
     * the end of the process with STATUS_HEAP_CORRUPTION: no handler runs, as Windows' fail-fast lets none, and the
     * caller gets ProcessTerminatedException.
     */
    private NtStatus damaged(Heap h, long data) {
        String what = process.terminatesOnHeapCorruption() ? h.corruptionAt(data) : null;
        if (what == null) {
            return NtStatus.INVALID_PARAMETER;
        }
        String reason = String.format("heap corruption in heap %#x: %s (HeapEnableTerminationOnCorruption ends the "
                + "process with STATUS_HEAP_CORRUPTION 0xC0000374)", h.handle, what);
        process.terminate(STATUS_HEAP_CORRUPTION, reason);
        throw new ProcessTerminatedException(STATUS_HEAP_CORRUPTION, "process " + process.id() + " has ended: "
                + reason);
    }

    /** The heap with this handle, or null; the process heap, the one programs use most, is looked at first. */
    private Heap heap(long handle) {
        Heap h = processHeap;
        return h != null && h.handle == handle ? h : byHandle.get(handle);
    }

    // ---------------------------------------------------------------- inspection (read-only)

    /** A summary of every heap of the process, the process heap first. */
    @Override
    public List<HeapInfo> heapInfos() {
        lock.lock();
        try {
            List<HeapInfo> out = new ArrayList<>(order.size());
            for (Heap h : order) {
                out.add(HeapCensus.info(h));
            }
            return List.copyOf(out);
        } finally {
            lock.unlock();
        }
    }

    /** Every block of one heap in address order (segments, then large blocks); empty for an unknown handle. */
    public List<HeapBlockInfo> heapBlocks(long heap) {
        lock.lock();
        try {
            Heap h = byHandle.get(heap);
            return h == null || h.isDestroyed() ? List.of() : List.copyOf(HeapCensus.blocks(h));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- the one way into a heap

    /**
     * The one way into a heap, as xv6's acquire: takes the machine lock and returns the heap of this handle, or null
     * if there is none; either way the caller holds the lock and releases it in a finally. While another thread holds
     * the heap's HeapLock, a serialised call (heap without HEAP_NO_SERIALIZE, call without it in {@code flags}) waits
     * outside the machine lock and looks again, as it would for Windows' CRITICAL_SECTION, unless {@code noWait}
     * says it need not (the front end serves it: Windows' LFH takes no heap lock). A thread that waits notices its
     * process's end.
     */
    private Heap acquire(long handle, int flags, Predicate<Heap> noWait) {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        try {
            while (true) {
                lock.lock();
                Heap h = heap(handle);
                if (h == null || h.isDestroyed()) {
                    return null;
                }
                if (!mustWait(h, flags) || noWait != null && needNotWait(noWait, h)) {
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

    /** A page the answer depends on is inaccessible: the call goes ahead, meets the page and fails on it. */
    private static boolean needNotWait(Predicate<Heap> noWait, Heap h) {
        try {
            return noWait.test(h);
        } catch (InaccessiblePage e) {
            return true;
        }
    }

    /** Whether a call with {@code flags} on {@code h} must wait: it is serialised and another thread holds HeapLock. */
    private static boolean mustWait(Heap h, int flags) {
        return ((h.flags | flags) & HEAP_NO_SERIALIZE) == 0 && h.heapLock().heldByOther(Thread.currentThread());
    }
}
