package pagelab.kernel.inspect;

import java.util.List;

/** Read-only ground truth about a whole machine. */
public interface MachineInspector {
    MachineCounters counters();

    List<ProcessInspector> processes();

    /** Every event kept, in order: the run's first {@code MachineConfig.traceCapacity()} events. */
    List<TraceEvent> trace();

    /** Events since {@code sequence} (exclusive), for incremental readers. */
    List<TraceEvent> traceSince(long sequence);

    /** How many events came after the trace was full: counted, not kept. */
    long traceDropped();

    /** The sequence number of the latest event kept (0 before any). */
    long lastSequence();
}
