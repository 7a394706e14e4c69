package pagelab.kernel.inspect;

/**
 * One thing that happened in the kernel, in the order it happened machine-wide. Immutable.
 */
public sealed interface TraceEvent permits KernelCall, FaultEvent, ProcessEvent {
    /** Machine-wide sequence number, starting at 1, without gaps. */
    long sequence();

    int processId();

    int threadId();
}
