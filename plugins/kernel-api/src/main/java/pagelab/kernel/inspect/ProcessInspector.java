package pagelab.kernel.inspect;

import java.util.List;

/**
 * Read-only ground truth about one process for checkers and the desktop. Nothing here changes kernel state:
 * every answer is an immutable value.
 */
public interface ProcessInspector {
    int processId();

    boolean isAlive();

    /** The address space now. Cheap: unchanged allocations are shared between snapshots. */
    AddressSpaceSnapshot snapshot();

    /** The state of the page holding {@code address}. Does not fault, touch or count anything. */
    PageInfo page(long address);

    ProcessCounters counters();

    List<ThreadInfo> threads();

    /** The process's heaps, default heap first: sizes, blocks in use and fragmentation (chapter 18). */
    List<HeapInfo> heaps();

    /**
     * The process's open handles in value order (empty once it has ended). A default method so that an inspector
     * written before it still compiles; it then answers an empty list.
     */
    default List<HandleInfo> handles() {
        return List.of();
    }

    /** This process's part of the machine's trace. */
    List<TraceEvent> trace();
}
