package pagelab.sim.image;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pagelab.kernel.host.ImageFile;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.PageStore;

/**
 * An image's pages as the memory manager maps them (the "image section"): the headers page, then each section on
 * its own pages with its initialised data. Every process of the image maps these same pages: code and read-only
 * data stay shared, writable sections are copied on write, and SHARED sections are written in place. The caller
 * holds the machine lock.
 */
final class ImageStore implements PageStore {
    private static final int PAGE = AddressSpace.PAGE_SIZE;

    private final ImageFile image;
    private final List<Long> rvas;
    private final Map<Long, byte[]> written = new HashMap<>();
    private final Runnable shared;

    ImageStore(ImageFile image, Runnable shared) {
        this.image = image;
        this.rvas = image.sectionRvas();
        this.shared = shared;
    }

    @Override
    public byte[] read(long page) {
        byte[] w = written.get(page);
        return w != null ? w : content(page);
    }

    @Override
    public byte[] write(long page) {
        byte[] w = written.get(page);
        if (w == null) {
            byte[] c = content(page);
            w = c == null ? new byte[PAGE] : c;
            written.put(page, w);
            shared.run();
        }
        return w;
    }

    @Override
    public boolean isDirty(long page) {
        return written.containsKey(page);
    }

    /** The file's bytes for a page: "MZ" at the start of the headers, then each section's initialised data. */
    private byte[] content(long page) {
        long rva = page * PAGE;
        if (page == 0) {
            byte[] headers = new byte[PAGE];
            headers[0] = 'M';
            headers[1] = 'Z';
            return headers;
        }
        for (int i = 0; i < rvas.size(); i++) {
            ImageFile.Section s = image.sections().get(i);
            long start = rvas.get(i);
            if (rva >= start && rva < start + s.pages() * PAGE) {
                byte[] data = s.data();
                long from = rva - start;
                if (from >= data.length) {
                    return null;
                }
                byte[] out = new byte[PAGE];
                System.arraycopy(data, (int) from, out, 0, (int) Math.min(PAGE, data.length - from));
                return out;
            }
        }
        return null;
    }
}
