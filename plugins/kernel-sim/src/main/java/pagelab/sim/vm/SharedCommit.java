package pagelab.sim.vm;

import pagelab.sim.status.NtStatus;

/**
 * A section whose pages are committed through its views (SEC_RESERVE): VirtualAlloc(MEM_COMMIT) inside a mapped
 * view commits the section's pages, in every view of every process. The caller holds the machine lock.
 */
public interface SharedCommit {
    /** Commits pages [first, first+count) of {@code view}; returns the status VirtualAlloc reports. */
    NtStatus commit(View view, long first, long count, int vprot);
}
