package pagelab.exercise;

/**
 * What a piece of {@link Evidence} shows, so the desktop can choose how to draw it.
 *
 * @since 0.1
 */
public enum EvidenceKind {
    /** Kernel32 calls as they returned, one per line. */
    CALLS,
    /** Exceptions raised on simulated threads and what happened to them, one per line. */
    FAULTS,
    /** Calls and faults interleaved in trace order. */
    TRACE,
    /** An address-space snapshot (in {@link Evidence#snapshot()}), drawn as a memory map. */
    SNAPSHOT,
    /** Expected and actual values, one {@code expected: ... / actual: ...} pair per line. */
    EXPECTED_ACTUAL,
    /** Free text from the checker. */
    NOTE,
    /** The check's run as steps ({@link Evidence#steps()}), which the desktop's memory map steps through. */
    RUN
}
