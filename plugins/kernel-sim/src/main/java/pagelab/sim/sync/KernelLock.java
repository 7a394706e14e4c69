package pagelab.sim.sync;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The machine lock: one per machine, it guards all kernel state (address spaces, physical memory, heaps, handles,
 * the file system, sections). A plain {@link ReentrantLock}, not fair; this class only gives the lock its name and
 * its contract, which methods state as "caller holds the machine lock":
 *
 * <ul>
 *   <li>Every kernel call takes it around its core operation; kernel calls are short.</li>
 *   <li>It is never held while program code runs: SEH filters, thread procedures, anything a student wrote.</li>
 *   <li>It is taken before any other lock of the kernel (a kernel object's monitor, the trace's), never after.</li>
 *   <li>Loads and stores that hit the TLB take no lock (see {@code pagelab.sim.mmu.SimMemory}).</li>
 * </ul>
 */
public final class KernelLock extends ReentrantLock {
    private static final long serialVersionUID = 1L;
}
