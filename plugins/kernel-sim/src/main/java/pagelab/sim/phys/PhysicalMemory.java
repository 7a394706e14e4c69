package pagelab.sim.phys;

/**
 * The machine's physical storage, in the style of xv6's kalloc: RAM frames in use and the commit charge
 * (committed memory promised backing in RAM or the paging file) against the commit limit (RAM + paging file).
 * The caller holds the machine lock.
 */
public final class PhysicalMemory {
    public static final int PAGE_SIZE = 4096;

    private final long ramPages;
    private final long pageFilePages;
    private long commitLimitPages;
    private long commitPages;
    private long peakCommitPages;
    private long framesInUse;
    private long pageFileReads;
    private long pageFileWrites;

    public PhysicalMemory(long ramBytes, long pageFileBytes) {
        this.ramPages = ramBytes / PAGE_SIZE;
        this.pageFilePages = pageFileBytes / PAGE_SIZE;
        this.commitLimitPages = ramPages + pageFilePages;
    }

    /** Charges {@code pages} of commit; false (nothing charged) if that would pass the commit limit. */
    public boolean charge(long pages) {
        if (pages < 0 || commitPages + pages > commitLimitPages) {
            return false;
        }
        commitPages += pages;
        peakCommitPages = Math.max(peakCommitPages, commitPages);
        return true;
    }

    public void uncharge(long pages) {
        if (pages < 0 || pages > commitPages) {
            throw new IllegalStateException("PhysicalMemory.uncharge: " + pages + " of " + commitPages);
        }
        commitPages -= pages;
    }

    public void frameIn() {
        framesInUse++;
    }

    public void frameOut() {
        if (framesInUse == 0) {
            throw new IllegalStateException("PhysicalMemory.frameOut: no frame in use");
        }
        framesInUse--;
    }

    public long ramPages() {
        return ramPages;
    }

    public long pageFilePages() {
        return pageFilePages;
    }

    public long commitPages() {
        return commitPages;
    }

    public long peakCommitPages() {
        return peakCommitPages;
    }

    public long commitLimitPages() {
        return commitLimitPages;
    }

    /** Lowers (or restores) the commit limit; never below what is already charged. */
    public void setCommitLimitPages(long pages) {
        commitLimitPages = Math.max(0, pages);
    }

    public void restoreCommitLimit() {
        commitLimitPages = ramPages + pageFilePages;
    }

    public long framesInUse() {
        return framesInUse;
    }

    /** Frames not holding a page, never below zero (RAM is not overcommitted in part 1 of the kernel). */
    public long freeFrames() {
        return Math.max(0, ramPages - framesInUse);
    }

    public long pageFileReads() {
        return pageFileReads;
    }

    public long pageFileWrites() {
        return pageFileWrites;
    }
}
