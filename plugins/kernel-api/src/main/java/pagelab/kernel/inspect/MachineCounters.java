package pagelab.kernel.inspect;

/**
 * Machine-wide memory counters.
 *
 * @param commitChargeBytes   committed memory charged against the commit limit (private + paging-file sections)
 * @param commitLimitBytes    RAM plus paging file, or lower if a checker lowered it
 * @param peakCommitBytes     the highest commit charge so far
 * @param physicalTotalBytes  RAM
 * @param physicalInUseBytes  RAM frames holding pages
 * @param pageFileInUseBytes  paging-file slots holding paged-out pages
 * @param pageFileReads       pages read back from the paging file
 * @param pageFileWrites      pages written to the paging file
 */
public record MachineCounters(long commitChargeBytes, long commitLimitBytes, long peakCommitBytes,
                              long physicalTotalBytes, long physicalInUseBytes, long pageFileInUseBytes,
                              long pageFileReads, long pageFileWrites) {
}
