package pagelab.sim.mmu;

import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.inspect.PageInfo;
import pagelab.sim.thread.SimThread;

/**
 * The process as its MMU sees it: the thread that is faulting, and where an exception the MMU cannot cure goes (the
 * thread's SEH chain). Called without the machine lock held, since filters are program code.
 */
public interface FaultSink {
    /** Throws if the process has ended: nothing of a dead process runs. */
    void checkAlive();

    /** The simulated thread the calling Java thread acts as. */
    SimThread currentThread();

    /** Where the program's code is: the ExceptionAddress of a load or store that faults. */
    long codeAddress();

    /**
     * Dispatches an exception on the calling thread: returns if a filter answered EXCEPTION_CONTINUE_EXECUTION (the
     * access is tried again), throws the unwind if one handles it, ends the process if none does.
     *
     * @param before the faulting page as it was at the fault, for the trace; null for a free address
     */
    void raise(EXCEPTION_RECORD record, PageInfo before);

    /** A filter kept continuing the same fault without curing it: ends the process (and throws). */
    void refaultLimit(EXCEPTION_RECORD record, int times);
}
