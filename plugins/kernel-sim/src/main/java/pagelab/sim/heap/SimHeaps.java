package pagelab.sim.heap;

import pagelab.kernel.LongByReference;
import pagelab.sim.SimProcess;
import pagelab.sim.win32.NtStatus;

/**
 * The heaps of one process. Part 1 of the kernel only reserves the default heap's region; the heap manager
 * itself (blocks, headers, coalescing) arrives with part 2, and until then every heap call reports
 * ERROR_CALL_NOT_IMPLEMENTED.
 */
public final class SimHeaps implements HeapManager {
    private final SimProcess process;
    private long processHeap;

    public SimHeaps(SimProcess process) {
        this.process = process;
    }

    @Override
    public long createDefaultHeap() {
        processHeap = process.reserveDefaultHeapRegion();
        return processHeap;
    }

    @Override
    public long processHeap() {
        return processHeap;
    }

    @Override
    public int heaps(int count, long[] out) {
        if (out != null && count >= 1 && out.length >= 1) {
            out[0] = processHeap;
        }
        return 1;
    }

    @Override
    public NtStatus create(int options, long initialSize, long maximumSize, LongByReference heap) {
        return NtStatus.NOT_IMPLEMENTED;
    }

    @Override
    public NtStatus destroy(long heap) {
        return NtStatus.NOT_IMPLEMENTED;
    }

    @Override
    public NtStatus alloc(long heap, int flags, long bytes, LongByReference block) {
        return NtStatus.NOT_IMPLEMENTED;
    }

    @Override
    public NtStatus realloc(long heap, int flags, long block, long bytes, LongByReference moved) {
        return NtStatus.NOT_IMPLEMENTED;
    }

    @Override
    public NtStatus size(long heap, int flags, long block, LongByReference size) {
        return NtStatus.NOT_IMPLEMENTED;
    }

    @Override
    public NtStatus free(long heap, int flags, long block) {
        return NtStatus.NOT_IMPLEMENTED;
    }

    @Override
    public boolean validate(long heap, int flags, long block) {
        return false;
    }

    @Override
    public boolean generatesExceptions(long heap) {
        return false;
    }

    @Override
    public NtStatus compact(long heap, int flags, LongByReference largest) {
        return NtStatus.NOT_IMPLEMENTED;
    }
}
