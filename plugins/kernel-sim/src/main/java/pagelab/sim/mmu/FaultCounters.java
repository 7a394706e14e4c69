package pagelab.sim.mmu;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The paging counters of one process: the faults its accesses took, bumped by the MMU from any of its threads, and
 * its peak working set, which the inspector updates. Kernel calls are counted per thread (see SimThread).
 */
public final class FaultCounters {
    private final AtomicLong pageFaults = new AtomicLong();
    private final AtomicLong hardFaults = new AtomicLong();
    private final AtomicLong accessViolations = new AtomicLong();
    private final AtomicLong guardPageFaults = new AtomicLong();
    private final AtomicLong peakWorkingSetPages = new AtomicLong();

    public void pageFault() {
        pageFaults.incrementAndGet();
    }

    public void hardFault() {
        hardFaults.incrementAndGet();
    }

    public void accessViolation() {
        accessViolations.incrementAndGet();
    }

    public void guardPageFault() {
        guardPageFaults.incrementAndGet();
    }

    public void workingSet(long pages) {
        peakWorkingSetPages.accumulateAndGet(pages, Math::max);
    }

    public long pageFaults() {
        return pageFaults.get();
    }

    public long hardFaults() {
        return hardFaults.get();
    }

    public long accessViolations() {
        return accessViolations.get();
    }

    public long guardPageFaults() {
        return guardPageFaults.get();
    }

    public long peakWorkingSetPages() {
        return peakWorkingSetPages.get();
    }
}
