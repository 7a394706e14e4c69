package pagelab.sim.image;

import java.util.List;
import pagelab.kernel.host.ImageFile;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.PageStore;
import pagelab.sim.vm.Protection;

/**
 * One image file as the memory manager caches it, shared by every process that maps it: the parsed image, its
 * pages, and the protection each page is mapped with (chapter 17: code EXECUTE_READ, read-only data READONLY,
 * writable data WRITECOPY, SHARED sections READWRITE on the one set of pages).
 */
public final class ImageSection {
    private final String path;
    private final ImageFile image;
    private final ImageStore store;
    private final int[] pageVprot;
    private final boolean[] pageShared;

    ImageSection(String path, ImageFile image, Runnable sharedPageCreated) {
        this.path = path;
        this.image = image;
        this.store = new ImageStore(image, sharedPageCreated);
        int pages = (int) (image.sizeOfImage() / AddressSpace.PAGE_SIZE);
        this.pageVprot = new int[pages];
        this.pageShared = new boolean[pages];
        pageVprot[0] = Protection.COMMITTED | Protection.READONLY;
        List<Long> rvas = image.sectionRvas();
        for (int i = 0; i < rvas.size(); i++) {
            ImageFile.Section s = image.sections().get(i);
            int first = (int) (rvas.get(i) / AddressSpace.PAGE_SIZE);
            for (int p = first; p < first + s.pages(); p++) {
                pageVprot[p] = Protection.COMMITTED | protectionOf(s);
                pageShared[p] = s.is(ImageFile.SHARED);
            }
        }
    }

    private static int protectionOf(ImageFile.Section s) {
        boolean x = s.is(ImageFile.EXECUTE);
        boolean w = s.is(ImageFile.WRITE);
        boolean shared = s.is(ImageFile.SHARED);
        if (w) {
            return shared ? (x ? Protection.EXECUTE_READWRITE : Protection.READWRITE)
                    : (x ? Protection.EXECUTE_WRITECOPY : Protection.WRITECOPY);
        }
        if (x) {
            return s.is(ImageFile.READ) ? Protection.EXECUTE_READ : Protection.EXECUTE;
        }
        return s.is(ImageFile.READ) ? Protection.READONLY : Protection.NOACCESS;
    }

    public String path() {
        return path;
    }

    public ImageFile image() {
        return image;
    }

    /** The image's pages, shared by every view of it (written pages become private copies of the view's). */
    public PageStore store() {
        return store;
    }

    /** The protection a page is mapped with, from its PE section's characteristics (the header page: READONLY). */
    public int vprot(int page) {
        return pageVprot[page];
    }

    /** Whether a page belongs to a SHARED section (never relocated into a private copy). */
    boolean isSharedSection(int page) {
        return pageShared[page];
    }

    public int pages() {
        return pageVprot.length;
    }
}
