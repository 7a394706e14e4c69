package pagelab.kernel.control;

/**
 * A checker's control surface for grading error paths deterministically. Rules apply machine-wide, to calls
 * made after they are set.
 */
public interface FaultInjection {
    /**
     * Makes the {@code nth} call (1 = the next one) of {@code function} (a Kernel32 name such as
     * {@code "VirtualAlloc"}) fail with its documented failure value and {@code win32Error}, without doing anything.
     */
    void failNthCall(String function, int nth, int win32Error);

    /** Makes every later call of {@code function} fail with {@code win32Error}. */
    void failAllCalls(String function, int win32Error);

    /** Lowers (or restores) the commit limit; commits past it fail with {@code ERROR_COMMITMENT_LIMIT}. */
    void setCommitLimit(long bytes);

    /** The stack reservation of threads and processes created from now on (rounded up to 64 KiB). */
    void setDefaultStackReserve(long bytes);

    /** Removes every rule and restores the machine's limits. */
    void clear();
}
