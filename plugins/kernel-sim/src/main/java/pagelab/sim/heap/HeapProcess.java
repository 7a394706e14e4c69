package pagelab.sim.heap;

import pagelab.sim.mmu.KernelAccess;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.vm.VirtualMemory;

/**
 * What the heap manager needs of its process, and nothing more: the machine lock, the process's virtual memory (a
 * heap's regions are ordinary VirtualAlloc allocations), the path its headers are read and written through, and
 * the process's fate when a heap finds itself corrupted.
 */
public interface HeapProcess {
    KernelLock lock();

    /** Where heap regions are reserved, committed, decommitted and released. */
    VirtualMemory vm();

    /** The one access path, as the kernel takes it (a bad page throws instead of faulting into the program). */
    KernelAccess kernelAccess();

    boolean is64Bit();

    /** Throws if the process has ended: a thread waiting for HeapUnlock must not outlive its process. */
    void checkAlive();

    /** Whether HeapSetInformation(HeapEnableTerminationOnCorruption) was called. */
    boolean terminatesOnHeapCorruption();

    /** Ends the process (a corruption found with HeapEnableTerminationOnCorruption on). Called without the lock. */
    void terminate(int exitCode, String reason);

    int id();
}
