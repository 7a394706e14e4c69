package pagelab.sim.section;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import pagelab.sim.fs.SimFile;
import pagelab.sim.status.NtStatus;
import pagelab.sim.thread.KernelObject;
import pagelab.sim.vm.MappedBacking;
import pagelab.sim.vm.PageStore;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.SharedCommit;
import pagelab.sim.vm.View;

/**
 * A file-mapping object (NT's section): a size, a protection, and the pages every view of it shares, either a
 * file's or the paging file's. Its name lives while a handle to it is open; the section itself while a handle or a
 * view in any process refers to it; then paging-file pages and commit are returned.
 */
public final class Section extends KernelObject implements SharedCommit {
    private final SectionManager manager;
    private final long size;
    private final int protect;
    private final int cache;
    private final boolean reserveOnly;
    private final SimFile file;
    private final PageStore store;
    private final String name;
    /** A SEC_IMAGE section's pages, or null for a data section. */
    private final ImagePages image;
    private final BitSet committed = new BitSet();
    private final List<View> views = new ArrayList<>();
    private long chargedPages;

    Section(SectionManager manager, long size, int protect, int cache, boolean reserveOnly, SimFile file,
            String name) {
        this(manager, size, protect, cache, reserveOnly, file, name, null);
    }

    Section(SectionManager manager, long size, int protect, int cache, boolean reserveOnly, SimFile file,
            String name, ImagePages image) {
        this.manager = manager;
        this.size = size;
        this.protect = protect;
        this.cache = cache;
        this.reserveOnly = reserveOnly;
        this.file = file;
        this.store = image != null ? image.store() : file != null ? file : new AnonymousStore(manager.sharedPageCreated());
        this.name = name;
        this.image = image;
    }

    public long size() {
        return size;
    }

    /** The Win32 page protection the section was created with (without SEC_* flags). */
    public int protect() {
        return protect;
    }

    /** PAGE_NOCACHE for a SEC_NOCACHE section, PAGE_WRITECOMBINE for SEC_WRITECOMBINE, else 0: its views' cache mode. */
    public int cache() {
        return cache;
    }

    /** SEC_RESERVE: pages must be committed with VirtualAlloc inside a view before use. */
    public boolean reserveOnly() {
        return reserveOnly;
    }

    /** The pages of a SEC_IMAGE section, or null for a data section. */
    public ImagePages image() {
        return image;
    }

    public SimFile file() {
        return file;
    }

    public PageStore store() {
        return store;
    }

    public String name() {
        return name;
    }

    /** For SEC_RESERVE sections: whether a page has been committed. Caller holds the lock. */
    public boolean isCommitted(long page) {
        return !reserveOnly || committed.get((int) page);
    }

    void markCommitted(long page) {
        committed.set((int) page);
    }

    long chargedPages() {
        return chargedPages;
    }

    void charge(long pages) {
        chargedPages += pages;
    }

    List<View> views() {
        return views;
    }

    /**
     * VirtualAlloc(MEM_COMMIT) inside a view of a SEC_RESERVE section commits the section's pages, charging the
     * commit limit once; every view of the section, in every process, sees them committed (the committing view
     * with the protection asked for, the others with their view's protection).
     */
    @Override
    public NtStatus commit(View view, long first, long count, int vprot) {
        if (file != null) {
            return NtStatus.ACCESS_DENIED; // a file's view is backed by the file: there is nothing to commit
        }
        long sectionFirst = ((MappedBacking) view.backing()).firstPage() + first;
        long fresh = 0;
        for (long p = sectionFirst; p < sectionFirst + count; p++) {
            if (!isCommitted(p)) {
                fresh++;
            }
        }
        if (!manager.charge(fresh)) {
            return NtStatus.COMMITMENT_LIMIT;
        }
        chargedPages += fresh;
        for (long p = sectionFirst; p < sectionFirst + count; p++) {
            committed.set((int) p);
        }
        for (View v : views) {
            long vFirst = ((MappedBacking) v.backing()).firstPage();
            long from = Math.max(sectionFirst, vFirst);
            long to = Math.min(sectionFirst + count, vFirst + v.pages());
            int value = v == view ? Protection.COMMITTED | vprot
                    : Protection.COMMITTED | Protection.fromWin32(v.allocationProtect());
            for (long p = from; p < to; p++) {
                if (v == view || !Protection.isCommitted(v.vprot(p - vFirst))) {
                    v.setVprot(p - vFirst, value);
                }
            }
        }
        return NtStatus.SUCCESS;
    }

    @Override
    public String typeName() {
        return "Section";
    }

    @Override
    protected void lastHandleClosed() {
        manager.unnamed(this);
    }

    @Override
    protected void destroyed() {
        manager.destroyed(this);
    }
}
