package pagelab.sim.heap;

import static pagelab.kernel.WinNT.HEAP_CREATE_ENABLE_EXECUTE;
import static pagelab.kernel.WinNT.HEAP_GENERATE_EXCEPTIONS;
import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.kernel.WinNT.STATUS_HEAP_CORRUPTION;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.ArrayList;
import java.util.List;
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
 * code while holding it. Every heap function goes the same way: {@link HeapTable#acquire} (the machine lock, the heap,
 * the HeapLock wait), its work on the {@link Heap}, a page the program made inaccessible answered with ERROR_NOACCESS,
 * and the lock released in a finally.
 */
public final class SimHeaps implements HeapManager {
    private static final int CREATE_OPTIONS = HEAP_NO_SERIALIZE | HEAP_GENERATE_EXCEPTIONS | HEAP_CREATE_ENABLE_EXECUTE;
    private final HeapProcess process;
    private final KernelLock lock;
    private final HeapLayout layout;
    private final HeapTable table;

    public SimHeaps(HeapProcess process) {
        this.process = process;
        this.lock = process.lock();
        this.layout = HeapLayout.of(process.is64Bit());
        this.table = new HeapTable(process);
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
            table.add(h);
            return base;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long processHeap() {
        Heap h = table.processHeap();
        return h == null ? 0 : h.handle;
    }

    /** Windows fills the array only when every handle fits; it always returns the number of heaps. */
    @Override
    public int heaps(int count, long[] out) {
        lock.lock();
        try {
            List<Heap> all = table.inCreationOrder();
            if (out != null && all.size() <= Math.min(count, out.length)) {
                for (int i = 0; i < all.size(); i++) {
                    out[i] = all.get(i).handle;
                }
            }
            return all.size();
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
            table.add(h);
            heap.setValue(h.handle);
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    /** HeapDestroy releases every region of the heap; the process heap cannot be destroyed. */
    @Override
    public NtStatus destroy(long heap) {
        Heap h = table.acquire(heap, 0, x -> x.processHeap);
        try {
            if (h == null || h.processHeap) {
                return NtStatus.INVALID_HANDLE;
            }
            h.destroy();
            table.remove(h);
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    /** An allocation the front end serves does not wait for HeapLock (Wine's tests: "but allocation is not"). */
    @Override
    public NtStatus alloc(long heap, int flags, long bytes, LongByReference block) {
        Heap h = table.acquire(heap, flags, x -> x.frontEndServes(bytes));
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
        Heap h = table.acquire(heap, flags, null);
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
        Heap h = table.acquire(heap, flags, null);
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
        Heap h = table.acquire(heap, flags, x -> x.frontEndKeeps(block));
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
        Heap h = table.acquire(heap, flags, null);
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
            Heap h = table.get(heap);
            return h != null && (h.flags & HEAP_GENERATE_EXCEPTIONS) != 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public NtStatus compact(long heap, int flags, LongByReference largest) {
        Heap h = table.acquire(heap, flags, null);
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
     * HeapLock waits while another thread holds the lock (HeapTable.acquire does the waiting); on a HEAP_NO_SERIALIZE heap it
     * does nothing and succeeds, as on Windows (Wine's tests: a second thread's HeapLock is not blocked there).
     */
    @Override
    public NtStatus lock(long heap) {
        Heap h = table.acquire(heap, 0, null);
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
        Heap h = table.acquire(heap, HEAP_NO_SERIALIZE, null);
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
        Heap h = table.acquire(heap, 0, null);
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
        Heap h = table.acquire(heap, HEAP_NO_SERIALIZE, null);
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
        Heap h = table.acquire(heap, HEAP_NO_SERIALIZE, null);
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

    // ---------------------------------------------------------------- inspection (read-only)

    /** A summary of every heap of the process, the process heap first. */
    @Override
    public List<HeapInfo> heapInfos() {
        lock.lock();
        try {
            List<HeapInfo> out = new ArrayList<>();
            for (Heap h : table.inCreationOrder()) {
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
            Heap h = table.get(heap);
            return h == null || h.isDestroyed() ? List.of() : List.copyOf(HeapCensus.blocks(h));
        } finally {
            lock.unlock();
        }
    }
}
