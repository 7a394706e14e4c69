package pagelab.sim.phys;

import java.util.ArrayDeque;

/**
 * The machine's physical storage, in the style of xv6's kalloc: RAM frames holding private pages, the paging file,
 * and the commit charge (memory promised backing in RAM or the paging file) against the commit limit (RAM +
 * paging file). When every frame is in use, a clock (second-chance) replacement takes a frame back: dirty pages
 * are written to the paging file, MEM_RESET and zero pages are dropped unwritten. The caller holds the machine lock.
 *
 * <p>Pages of files and sections live in the file cache and are not counted against RAM here.
 */
public final class PhysicalMemory {
    public static final int PAGE_SIZE = 4096;

    /** A resident private page, as the clock sees it. */
    private record Frame(Pageable owner, long page) {
    }

    /**
     * What a demand-zero page reads as, one per machine: never written to, and were a bug ever to write it, the
     * damage would stay inside this machine instead of reaching every machine in the JVM.
     */
    private final byte[] zeroFrame = new byte[PAGE_SIZE];
    private final long ramPages;
    private final long pageFilePages;
    private final ArrayDeque<Frame> clock = new ArrayDeque<>();
    private long commitLimitPages;
    private long commitPages;
    private long peakCommitPages;
    private long framesInUse;
    private long pageFileInUse;
    private long pageFileReads;
    private long pageFileWrites;

    public PhysicalMemory(long ramBytes, long pageFileBytes) {
        this.ramPages = ramBytes / PAGE_SIZE;
        this.pageFilePages = pageFileBytes / PAGE_SIZE;
        this.commitLimitPages = ramPages + pageFilePages;
    }

    /** The frame every untouched page of this machine reads through; never written. */
    public byte[] zeroFrame() {
        return zeroFrame;
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

    /** A private page takes a frame; if RAM is full the clock first takes one back. */
    public void frameIn(Pageable owner, long page) {
        if (framesInUse >= ramPages) {
            evictOne();
        }
        framesInUse++;
        clock.addLast(new Frame(owner, page));
        if (clock.size() > 2 * framesInUse + 1024) {
            clock.removeIf(f -> !f.owner().isResident(f.page()));
        }
    }

    /** Second chance: a referenced page goes to the back of the queue with its bit cleared. */
    private void evictOne() {
        long budget = 2L * clock.size() + 1;
        while (!clock.isEmpty() && budget-- > 0) {
            Frame f = clock.pollFirst();
            if (!f.owner().isResident(f.page())) {
                continue; // decommitted or already paged out: a stale entry
            }
            if (f.owner().testAndClearReferenced(f.page())) {
                clock.addLast(f);
                continue;
            }
            f.owner().pageOut(f.page());
            return;
        }
    }

    public void frameOut() {
        if (framesInUse == 0) {
            throw new IllegalStateException("PhysicalMemory.frameOut: no frame in use");
        }
        framesInUse--;
    }

    public void pageFileWrite() {
        pageFileWrites++;
        pageFileInUse++;
    }

    public void pageFileRead() {
        pageFileReads++;
        pageFileInUse--;
    }

    /** A paged-out page was decommitted: its paging-file slot is free again. */
    public void pageFileFreed() {
        pageFileInUse--;
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

    public long freeFrames() {
        return Math.max(0, ramPages - framesInUse);
    }

    public long pageFileInUse() {
        return pageFileInUse;
    }

    public long pageFileReads() {
        return pageFileReads;
    }

    public long pageFileWrites() {
        return pageFileWrites;
    }
}
