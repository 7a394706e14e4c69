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
import java.util.function.Function;
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
 * code while holding it; every one of them goes through {@link #call}.
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
        return call(heap, NtStatus.INVALID_HANDLE, 0, h -> h.processHeap, h -> {
            if (h.processHeap) {
                return NtStatus.INVALID_HANDLE;
            }
            h.destroy();
            order.remove(h);
            byHandle.remove(h.handle);
            return NtStatus.SUCCESS;
        });
    }

    /** An allocation the front end serves does not wait for HeapLock (Wine's tests: "but allocation is not"). */
    @Override
    public NtStatus alloc(long heap, int flags, long bytes, LongByReference block) {
        return call(heap, NtStatus.INVALID_HANDLE, flags, h -> h.frontEndServes(bytes),
                h -> h.alloc(flags, bytes, block));
    }

    /** HeapReAlloc of NULL returns NULL without an error, as on Windows. */
    @Override
    public NtStatus realloc(long heap, int flags, long block, long bytes, LongByReference moved) {
        if (block == 0) {
            moved.setValue(0);
            return NtStatus.SUCCESS;
        }
        return call(heap, NtStatus.INVALID_HANDLE, flags, null, h -> {
            Block b = h.checkedBlock(block);
            return b == null ? damaged(h, block) : h.realloc(flags, b, bytes, moved);
        });
    }

    @Override
    public NtStatus size(long heap, int flags, long block, LongByReference size) {
        return call(heap, NtStatus.INVALID_PARAMETER, flags, null, h -> {
            Block b = h.checkedBlock(block);
            if (b == null) {
                return damaged(h, block);
            }
            size.setValue(b.requested);
            return NtStatus.SUCCESS;
        });
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
        return call(heap, NtStatus.INVALID_PARAMETER, flags, h -> h.frontEndKeeps(block), h -> {
            Block b = h.checkedBlock(block);
            if (b == null) {
                return damaged(h, block);
            }
            h.release(b);
            return NtStatus.SUCCESS;
        });
    }

    @Override
    public boolean validate(long heap, int flags, long block) {
        NtStatus s = call(heap, NtStatus.INVALID_HANDLE, flags, null, h -> (block == 0 ? h.validate()
                : h.checkedBlock(block) != null) ? NtStatus.SUCCESS : NtStatus.INVALID_PARAMETER);
        return s == NtStatus.SUCCESS;
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
        return call(heap, NtStatus.INVALID_HANDLE, flags, null, h -> {
            largest.setValue(h.compact());
            return NtStatus.SUCCESS;
        });
    }

    /**
     * HeapLock waits while another thread holds the lock; on a HEAP_NO_SERIALIZE heap it does nothing and
     * succeeds, as on Windows (Wine's tests: a second thread's HeapLock is not blocked there).
     */
    @Override
    public NtStatus lock(long heap) {
        return call(heap, NtStatus.INVALID_HANDLE, 0, null, h -> (h.flags & HEAP_NO_SERIALIZE) != 0
                || h.heapLock().tryAcquire(Thread.currentThread()) ? NtStatus.SUCCESS : null);
    }

    /** HeapUnlock by a thread that does not hold the lock: undefined on Windows, ERROR_NOT_LOCKED here. */
    @Override
    public NtStatus unlock(long heap) {
        return call(heap, NtStatus.INVALID_HANDLE, HEAP_NO_SERIALIZE, null, h -> (h.flags & HEAP_NO_SERIALIZE) != 0
                || h.heapLock().release(Thread.currentThread()) ? NtStatus.SUCCESS : NtStatus.NOT_LOCKED);
    }

    /** HeapWalk: an entry the heap no longer has (it changed under an unlocked walk) gives ERROR_INVALID_PARAMETER. */
    @Override
    public NtStatus walk(long heap, PROCESS_HEAP_ENTRY entry) {
        if (entry == null) {
            return NtStatus.ACCESS_VIOLATION;
        }
        return call(heap, NtStatus.INVALID_HANDLE, 0, null, h -> {
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
        return call(heap, NtStatus.ACCESS_VIOLATION, HEAP_NO_SERIALIZE, null, h -> {
            value.setValue(h.compatibility());
            return NtStatus.SUCCESS;
        });
    }

    @Override
    public NtStatus setCompatibility(long heap, int value) {
        return call(heap, NtStatus.INVALID_HANDLE, HEAP_NO_SERIALIZE, null, h -> h.setCompatibility(value));
    }

    /**
     * A HeapFree, HeapReAlloc or HeapSize that found no usable block: ERROR_INVALID_PARAMETER, or, once the
     * process asked for HeapEnableTerminationOnCorruption and the heap knows a damaged or twice-freed block there,
     * the end of the process (see {@link #call}).
     */
    private NtStatus damaged(Heap h, long data) {
        String what = process.terminatesOnHeapCorruption() ? h.corruptionAt(data) : null;
        if (what != null) {
            throw new HeapCorruption(String.format("heap corruption in heap %#x: %s", h.handle, what));
        }
        return NtStatus.INVALID_PARAMETER;
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

    // ---------------------------------------------------------------- the one call path

    /**
     * Runs one heap operation under the machine lock: every heap function comes here. {@code op} answers with a
     * status, or null to wait for another thread's HeapUnlock and be run again. While another thread holds
     * HeapLock, a serialised call (heap without HEAP_NO_SERIALIZE, call without it in {@code flags}) waits outside
     * the machine lock and tries again, unless {@code noWait} says it need not (the front end serves it, as Windows'
     * LFH takes no heap lock). A heap page the program made inaccessible fails the call with ERROR_NOACCESS. A
     * corruption found with HeapEnableTerminationOnCorruption on ends the process with STATUS_HEAP_CORRUPTION: no
     * handler runs, as Windows' fail-fast lets none, and the caller gets ProcessTerminatedException.
     *
     * @param unknown the status for a handle that is no heap (Windows answers differently per function)
     * @param noWait  when the call need not wait for HeapLock; null: it always does
     */
    private NtStatus call(long heap, NtStatus unknown, int flags, Predicate<Heap> noWait, Function<Heap, NtStatus> op) {
        boolean interrupted = false;
        try {
            while (true) {
                Heap h;
                lock.lock();
                try {
                    h = heap(heap);
                    if (h == null || h.isDestroyed()) {
                        return unknown;
                    }
                    NtStatus s = mustWait(h, flags) && (noWait == null || !noWait.test(h)) ? null : op.apply(h);
                    if (s != null) {
                        return s;
                    }
                } catch (InaccessiblePage e) {
                    return NtStatus.ACCESS_VIOLATION;
                } finally {
                    lock.unlock();
                }
                interrupted |= h.heapLock().awaitRelease(Thread.currentThread(), HEAP_LOCK_NAP_MILLIS);
                process.checkAlive(); // the process may have ended while this thread waited
            }
        } catch (HeapCorruption c) {
            String reason = c.getMessage() + " (HeapEnableTerminationOnCorruption ends the process with "
                    + "STATUS_HEAP_CORRUPTION 0xC0000374)";
            process.terminate(STATUS_HEAP_CORRUPTION, reason);
            throw new ProcessTerminatedException(STATUS_HEAP_CORRUPTION, "process " + process.id() + " has ended: "
                    + reason);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether a call with {@code flags} on {@code h} must wait: it is serialised and another thread holds HeapLock. */
    private static boolean mustWait(Heap h, int flags) {
        return ((h.flags | flags) & HEAP_NO_SERIALIZE) == 0 && h.heapLock().heldByOther(Thread.currentThread());
    }
}
