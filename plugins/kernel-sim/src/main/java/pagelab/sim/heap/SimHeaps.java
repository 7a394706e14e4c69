package pagelab.sim.heap;

import pagelab.kernel.inspect.HeapInfo;
import static pagelab.kernel.WinNT.HEAP_CREATE_ENABLE_EXECUTE;
import static pagelab.kernel.WinNT.HEAP_GENERATE_EXCEPTIONS;
import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pagelab.kernel.LongByReference;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.sim.SimProcess;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;
import pagelab.sim.status.NtStatus;

/**
 * The heaps of one process (chapter 18): the default process heap and every HeapCreate heap, all inside the
 * process's simulated memory (see {@link Heap}). Errors follow Windows and Wine's conformance tests: an unknown
 * heap handle gives ERROR_INVALID_HANDLE to HeapAlloc, HeapReAlloc, HeapCompact and HeapDestroy and
 * ERROR_INVALID_PARAMETER to HeapFree and HeapSize; a pointer that is not a busy block (never allocated, already
 * freed, or whose header was overwritten) gives ERROR_INVALID_PARAMETER; a heap page the program decommitted or
 * protected gives ERROR_NOACCESS where Windows would fault inside ntdll.
 *
 * <p>Serialisation: every heap call runs under the machine lock, which already serialises all calls on every heap
 * of the process, so a heap's data needs no lock of its own (Windows' heap lock, the CRITICAL_SECTION that
 * HEAP_NO_SERIALIZE skips, would be a second lock around the same work, costing each call an uncontended
 * acquire and release). What a program can see of that lock is HeapLock/HeapUnlock, simulated as an owner per
 * heap: while another thread holds it, a serialised call waits (outside the machine lock) as it would for the
 * CRITICAL_SECTION, and a HEAP_NO_SERIALIZE heap or call does not. HEAP_NO_SERIALIZE is also the heap's flag
 * ({@code HeapInfo.serialized}); in the simulator an unserialised heap is never corrupted by concurrent threads
 * as a real one can be.
 *
 * <p>Threading: as {@link HeapManager} requires, methods are called without the machine lock and run no program
 * code while holding it. The inspection methods ({@link #heapInfos()}, {@link #heapBlocks(long)}) take the
 * machine lock and return immutable values.
 */
public final class SimHeaps implements HeapManager {
    private static final int CREATE_OPTIONS = HEAP_NO_SERIALIZE | HEAP_GENERATE_EXCEPTIONS | HEAP_CREATE_ENABLE_EXECUTE;

    private final SimProcess process;
    private final pagelab.sim.sync.KernelLock lock;
    private final HeapMemory memory;
    private final Map<Long, Heap> byHandle = new ConcurrentHashMap<>();
    /** In creation order, the process heap first (GetProcessHeaps' order). Guarded by the machine lock. */
    private final List<Heap> order = new ArrayList<>();
    private volatile long processHeap;
    private volatile Heap defaultHeap;

    public SimHeaps(SimProcess process) {
        this.process = process;
        this.lock = process.lock();
        this.memory = new HeapMemory(process);
    }

    private HeapLayout layout() {
        return HeapLayout.of(process.simMachine().config().is64Bit());
    }

    /** Formats the 1 MiB region the loader reserves for the default heap. Caller holds the machine lock. */
    @Override
    public long createDefaultHeap() {
        lock.lock();
        try {
            long base = process.reserveDefaultHeapRegion();
            View v = base == 0 ? null : process.space().find(base);
            if (v == null) {
                return 0;
            }
            long pages = 0;
            while (pages < v.pages() && Protection.isCommitted(v.vprot(pages))) {
                pages++;
            }
            Heap h = new Heap(layout(), memory, new HeapRegions(process, PAGE_READWRITE), v,
                    base + pages * PAGE_SIZE, 0, true, true);
            register(h);
            defaultHeap = h;
            processHeap = base;
            return base;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long processHeap() {
        return processHeap;
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
        if (initialSize < 0 || maximumSize < 0 || initialSize > Long.MAX_VALUE / 4 || maximumSize > Long.MAX_VALUE / 4) {
            return NtStatus.NO_MEMORY;
        }
        int flags = options & CREATE_OPTIONS;
        boolean growable = maximumSize == 0;
        long commit = HeapLayout.alignUp(Math.max(initialSize, 1), PAGE_SIZE);
        long reserve = growable ? HeapLayout.alignUp(Math.max(commit, HeapLayout.COMMIT_STEP), HeapLayout.COMMIT_STEP)
                : HeapLayout.alignUp(Math.max(maximumSize, commit), PAGE_SIZE);
        int protect = (flags & HEAP_CREATE_ENABLE_EXECUTE) != 0 ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
        HeapRegions regions = new HeapRegions(process, protect);
        lock.lock();
        try {
            View v = regions.reserve(reserve, commit);
            if (v == null) {
                return NtStatus.NO_MEMORY;
            }
            Heap h = new Heap(layout(), memory, regions, v, v.base() + commit, flags, growable, false);
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
        Heap h = heap(heap);
        if (h == null || h.processHeap) {
            return NtStatus.INVALID_HANDLE;
        }
        return call(h, NtStatus.INVALID_HANDLE, 0, 0, 0, null, null, (x, flags, block, bytes, out) -> {
            x.destroy();
            order.remove(x);
            byHandle.remove(x.handle);
            return NtStatus.SUCCESS;
        });
    }

    /**
     * An allocation the front end serves right now does not wait for HeapLock (Wine's tests: "but allocation is
     * not"). HeapAlloc and HeapFree run their common case here, without {@link #call}'s lambda: a shared method
     * taking a lambda is inlined only while the JIT finds it small, and compiled on its own it made every call a
     * megamorphic one (docs/benchmarks.md). Anything unusual goes through {@code call}.
     */
    @Override
    public NtStatus alloc(long heap, int flags, long bytes, LongByReference block) {
        Heap h = heap(heap);
        if (h != null) {
            lock.lock();
            try {
                if (!h.isDestroyed() && !mustWait(h, flags)) {
                    return h.alloc(flags, bytes, block);
                }
            } catch (HeapAccessException e) {
                return NtStatus.ACCESS_VIOLATION;
            } finally {
                lock.unlock();
            }
        }
        return call(h, NtStatus.INVALID_HANDLE, flags, 0, bytes, block, (x, unused, n) -> x.frontEndServes(n),
                (x, f, unused, n, out) -> x.alloc(f, n, out));
    }

    @Override
    public long allocKept(long heap, int flags, long bytes) {
        Heap h = heap(heap);
        if (h == null) {
            return 0;
        }
        lock.lock();
        try {
            return h.isDestroyed() || mustWait(h, flags) ? 0 : h.allocKept(flags, bytes);
        } catch (HeapAccessException e) {
            return 0; // nothing changed: alloc meets the same page and answers for it
        } finally {
            lock.unlock();
        }
    }

    /** Whether a call with {@code flags} on {@code h} must wait: it is serialised and another thread holds HeapLock. */
    private static boolean mustWait(Heap h, int flags) {
        return ((h.flags | flags) & HEAP_NO_SERIALIZE) == 0 && h.lockedByOther(Thread.currentThread());
    }

    /** HeapReAlloc of NULL returns NULL without an error, as on Windows. */
    @Override
    public NtStatus realloc(long heap, int flags, long block, long bytes, LongByReference moved) {
        if (block == 0) {
            moved.setValue(0);
            return NtStatus.SUCCESS;
        }
        return call(heap(heap), NtStatus.INVALID_HANDLE, flags, block, bytes, moved, null, (h, f, data, n, out) -> {
            Block b = h.checkedBlock(data);
            return b == null ? damaged(h, data) : h.realloc(f, b, n, out);
        });
    }

    @Override
    public NtStatus size(long heap, int flags, long block, LongByReference size) {
        return call(heap(heap), NtStatus.INVALID_PARAMETER, flags, block, 0, size, null, (h, f, data, n, out) -> {
            Block b = h.checkedBlock(data);
            if (b == null) {
                return damaged(h, data);
            }
            out.setValue(b.requested);
            return NtStatus.SUCCESS;
        });
    }

    /** HeapFree of NULL succeeds; a double free or a damaged header fails with ERROR_INVALID_PARAMETER. */
    @Override
    public NtStatus free(long heap, int flags, long block) {
        if (block == 0) {
            return NtStatus.SUCCESS;
        }
        Heap h = heap(heap);
        if (h != null) { // the common case without a lambda, as in alloc
            lock.lock();
            try {
                Block b;
                if (!h.isDestroyed() && !mustWait(h, flags) && (b = h.checkedBlock(block)) != null) {
                    h.release(b);
                    return NtStatus.SUCCESS;
                }
            } catch (HeapAccessException e) {
                return NtStatus.ACCESS_VIOLATION;
            } finally {
                lock.unlock();
            }
        }
        return call(h, NtStatus.INVALID_PARAMETER, flags, block, 0, null, (x, data, n) -> {
            Block b = x.checkedBlock(data);
            return b != null && x.frontEndKeeps(b); // a block going back to the front end does not wait for HeapLock
        }, (x, f, data, n, out) -> {
            Block b = x.checkedBlock(data);
            if (b == null) {
                return damaged(x, data);
            }
            x.release(b);
            return NtStatus.SUCCESS;
        });
    }

    @Override
    public boolean validate(long heap, int flags, long block) {
        NtStatus s = call(heap(heap), NtStatus.INVALID_HANDLE, flags, block, 0, null, null,
                (h, f, data, n, out) -> (data == 0 ? h.validate() : h.checkedBlock(data) != null)
                        ? NtStatus.SUCCESS : NtStatus.INVALID_PARAMETER);
        return s == NtStatus.SUCCESS;
    }

    @Override
    public boolean generatesExceptions(long heap) {
        Heap h = heap(heap);
        return h != null && (h.flags & HEAP_GENERATE_EXCEPTIONS) != 0;
    }

    @Override
    public NtStatus compact(long heap, int flags, LongByReference largest) {
        return call(heap(heap), NtStatus.INVALID_HANDLE, flags, 0, 0, largest, null, (h, f, data, n, out) -> {
            out.setValue(h.compact());
            return NtStatus.SUCCESS;
        });
    }

    /**
     * HeapLock waits while another thread holds the lock; on a HEAP_NO_SERIALIZE heap it does nothing and
     * succeeds, as on Windows (Wine's tests: a second thread's HeapLock is not blocked there).
     */
    @Override
    public NtStatus lock(long heap) {
        return call(heap(heap), NtStatus.INVALID_HANDLE, 0, 0, 0, null, null, (h, f, data, n, out) -> {
            if ((h.flags & HEAP_NO_SERIALIZE) != 0) {
                return NtStatus.SUCCESS;
            }
            return h.tryLock(Thread.currentThread()) ? NtStatus.SUCCESS : null;
        });
    }

    /** HeapUnlock by a thread that does not hold the lock: undefined on Windows, ERROR_NOT_LOCKED here. */
    @Override
    public NtStatus unlock(long heap) {
        return call(heap(heap), NtStatus.INVALID_HANDLE, HEAP_NO_SERIALIZE, 0, 0, null, null, (h, f, data, n, out) -> {
            if ((h.flags & HEAP_NO_SERIALIZE) != 0) {
                return NtStatus.SUCCESS;
            }
            return h.unlock(Thread.currentThread()) ? NtStatus.SUCCESS : NtStatus.NOT_LOCKED;
        });
    }

    /** HeapWalk: an entry the heap no longer has (it changed under an unlocked walk) gives ERROR_INVALID_PARAMETER. */
    @Override
    public NtStatus walk(long heap, PROCESS_HEAP_ENTRY entry) {
        if (entry == null) {
            return NtStatus.ACCESS_VIOLATION;
        }
        return call(heap(heap), NtStatus.INVALID_HANDLE, 0, 0, 0, null, null, (h, f, data, n, out) -> {
            HeapWalker.Entry next;
            try {
                next = HeapWalker.next(h, entry);
            } catch (IllegalArgumentException e) {
                return NtStatus.INVALID_PARAMETER;
            }
            if (next == null) {
                return NtStatus.NO_MORE_ENTRIES;
            }
            next.copyTo(entry);
            return NtStatus.SUCCESS;
        });
    }

    @Override
    public NtStatus compatibility(long heap, LongByReference value) {
        return call(heap(heap), NtStatus.ACCESS_VIOLATION, HEAP_NO_SERIALIZE, 0, 0, value, null,
                (h, f, data, n, out) -> {
                    out.setValue(h.compatibility());
                    return NtStatus.SUCCESS;
                });
    }

    @Override
    public NtStatus setCompatibility(long heap, int value) {
        return call(heap(heap), NtStatus.INVALID_HANDLE, HEAP_NO_SERIALIZE, value, 0, null, null,
                (h, f, v, n, out) -> h.setCompatibility((int) v));
    }

    /**
     * A HeapFree, HeapReAlloc or HeapSize that found no usable block: ERROR_INVALID_PARAMETER, or, once the
     * process asked for HeapEnableTerminationOnCorruption and the heap knows a damaged or twice-freed block there,
     * the end of the process (see {@link #call}).
     */
    private NtStatus damaged(Heap h, long data) {
        if (process.terminatesOnHeapCorruption()) {
            String what = h.corruptionAt(data);
            if (what != null) {
                corruption.set(what);
                return NtStatus.HEAP_CORRUPTION;
            }
        }
        return NtStatus.INVALID_PARAMETER;
    }

    /** The heap with this handle, or null; the process heap without a map lookup (and the boxing of its key). */
    /** The process heap is compared by the handle held here, not through the Heap: one load fewer per call. */
    private Heap heap(long handle) {
        Heap h;
        return handle == processHeap && (h = defaultHeap) != null ? h : byHandle.get(handle);
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

    // ---------------------------------------------------------------- locking

    /**
     * One heap operation with everything it needs passed in, so that the lambdas of the hot calls capture nothing
     * and cost no allocation per call. It may return null to wait for another thread's HeapUnlock and be run again.
     */
    private interface HeapOp {
        NtStatus apply(Heap h, int flags, long block, long bytes, LongByReference out);
    }

    /**
     * Whether a serialised call may run although another thread holds HeapLock: the front end, as Windows' LFH,
     * does not take the heap lock.
     */
    private interface FrontEnd {
        boolean serves(Heap h, long block, long bytes);
    }

    /** The description of the corruption a call of this thread just found (see {@link #damaged}). */
    private final ThreadLocal<String> corruption = new ThreadLocal<>();

    /**
     * Runs {@code op} under the machine lock; a heap page the program made inaccessible fails the call. While
     * another thread holds HeapLock, a serialised call (heap without HEAP_NO_SERIALIZE, call without it in
     * {@code flags}) waits outside the machine lock and tries again. A corruption found with
     * HeapEnableTerminationOnCorruption on ends the process with STATUS_HEAP_CORRUPTION: no handler runs, as
     * Windows' fail-fast lets none, and the caller gets ProcessTerminatedException. {@code frontEnd}, or null,
     * says when the call need not wait.
     *
     * <p>Kept small on purpose, the rare cases in {@link #afterward}: the JIT inlines it into each heap function,
     * where {@code op} is one known lambda it inlines in turn. Grown past the inlining limit it was compiled on its
     * own, and every heap call paid a megamorphic call through {@code op}.
     */
    private NtStatus call(Heap h, NtStatus unknown, int flags, long block, long bytes, LongByReference out,
            FrontEnd frontEnd, HeapOp op) {
        if (h == null) {
            return unknown;
        }
        NtStatus result = attempt(h, unknown, flags, block, bytes, out, frontEnd, op);
        return result != null && result != NtStatus.HEAP_CORRUPTION ? result
                : afterward(h, unknown, flags, block, bytes, out, frontEnd, op, result);
    }

    /** One try of {@code op} under the machine lock; null if it must wait for another thread's HeapUnlock. */
    private NtStatus attempt(Heap h, NtStatus unknown, int flags, long block, long bytes, LongByReference out,
            FrontEnd frontEnd, HeapOp op) {
        lock.lock();
        try {
            if (h.isDestroyed()) {
                return unknown;
            }
            if (mustWait(h, flags) && (frontEnd == null || !frontEnd.serves(h, block, bytes))) {
                return null;
            }
            return op.apply(h, flags, block, bytes, out);
        } catch (HeapAccessException e) {
            return NtStatus.ACCESS_VIOLATION;
        } finally {
            lock.unlock();
        }
    }

    /** The rare ends of {@link #call}: waiting for HeapUnlock and trying again, or a corruption that ends the process. */
    private NtStatus afterward(Heap h, NtStatus unknown, int flags, long block, long bytes, LongByReference out,
            FrontEnd frontEnd, HeapOp op, NtStatus first) {
        Thread me = Thread.currentThread();
        boolean interrupted = false;
        NtStatus result = first;
        try {
            while (result == null) {
                interrupted |= h.awaitUnlocked(me);
                process.checkAlive(); // the process may have ended while this thread waited
                result = attempt(h, unknown, flags, block, bytes, out, frontEnd, op);
            }
        } finally {
            if (interrupted) {
                me.interrupt();
            }
        }
        if (result == NtStatus.HEAP_CORRUPTION) {
            String what = corruption.get();
            corruption.remove();
            String reason = String.format("heap corruption in heap %#x: %s (HeapEnableTerminationOnCorruption "
                    + "ends the process with STATUS_HEAP_CORRUPTION 0xC0000374)", h.handle, what);
            process.terminate(pagelab.kernel.WinNT.STATUS_HEAP_CORRUPTION, reason);
            throw new pagelab.kernel.ProcessTerminatedException(pagelab.kernel.WinNT.STATUS_HEAP_CORRUPTION,
                    "process " + process.id() + " has ended: " + reason);
        }
        return result;
    }
}
