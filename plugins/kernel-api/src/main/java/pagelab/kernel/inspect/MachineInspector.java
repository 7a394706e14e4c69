package pagelab.kernel.inspect;

import java.util.List;

/** Read-only ground truth about a whole machine. */
public interface MachineInspector {
    MachineCounters counters();

    List<ProcessInspector> processes();

    /** Every event kept, in order (see {@code MachineConfig.traceCapacity}). */
    List<TraceEvent> trace();

    /** Events since {@code sequence} (exclusive), for incremental readers. */
    List<TraceEvent> traceSince(long sequence);

    /** How many events were dropped because the trace was full. */
    long traceDropped();

    /** The sequence number of the latest event (0 before any). */
    long lastSequence();
}
