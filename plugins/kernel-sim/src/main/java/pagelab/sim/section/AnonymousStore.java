package pagelab.sim.section;

import java.util.HashMap;
import java.util.Map;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.PageStore;

/** The pages of a paging-file-backed section: zero until written, shared by every view. */
final class AnonymousStore implements PageStore {
    private final Map<Long, byte[]> pages = new HashMap<>();

    @Override
    public byte[] read(long page) {
        return pages.get(page);
    }

    @Override
    public byte[] write(long page) {
        return pages.computeIfAbsent(page, p -> new byte[AddressSpace.PAGE_SIZE]);
    }

    @Override
    public boolean isDirty(long page) {
        return pages.containsKey(page);
    }

    void clear() {
        pages.clear();
    }
}
