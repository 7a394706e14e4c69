package ${package};

import pagelab.kernel.Kernel32;

/**
 * What the student implements. TODO: replace with your exercise's interface, written as C functions would be.
 */
public interface FirstPage {
    /**
     * Reserves {@code bytes} of address space and commits only its first page, read-write.
     *
     * @return the region's base, or 0 if either step failed
     */
    long reserveAndCommitFirstPage(Kernel32 kernel, long bytes);
}
