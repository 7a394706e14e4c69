package pagelab.kernel.inspect;

/**
 * Counters of one process, as Task Manager and VMMap show them.
 *
 * @param privateCommitBytes   committed private memory charged to the process ("Private Bytes")
 * @param workingSetBytes      pages of the process currently resident
 * @param peakWorkingSetBytes  the largest working set so far
 * @param pageFaults           all page faults (demand-zero, copy-on-write, paging-file reads)
 * @param hardFaults           faults that had to read the paging file or a mapped file
 * @param accessViolations     access violations raised
 * @param guardPageFaults      guard-page exceptions raised (stack growth included)
 * @param kernelCalls          Kernel32 calls made
 */
public record ProcessCounters(long privateCommitBytes, long workingSetBytes, long peakWorkingSetBytes,
                              long pageFaults, long hardFaults, long accessViolations, long guardPageFaults,
                              long kernelCalls) {
}
