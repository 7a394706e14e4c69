package pagelab.sim.section;

import java.util.HashMap;
import java.util.Map;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.PageStore;

/** The pages of a paging-file-backed section: zero until written, shared by every view. */
final class AnonymousStore implements PageStore {
    private final Map<Long, byte[]> pages = new HashMap<>();
    private final Runnable shared;

    AnonymousStore(Runnable shared) {
        this.shared = shared;
    }

    @Override
    public byte[] read(long page) {
        return pages.get(page);
    }

    @Override
    public byte[] write(long page) {
        byte[] p = pages.get(page);
        if (p == null) {
            p = new byte[AddressSpace.PAGE_SIZE];
            pages.put(page, p);
            shared.run(); // views that cached the zero page must see this one
        }
        return p;
    }

    @Override
    public boolean isDirty(long page) {
        return pages.containsKey(page);
    }

    void clear() {
        pages.clear();
    }
}
