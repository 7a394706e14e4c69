import static pagelab.kernel.WinNT.*;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pagelab.exercises.copyonwrite.Access;
import pagelab.exercises.copyonwrite.CopyOnWriteLab;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.host.ImageFile;

/**
 * Known-wrong solution "any-instance-copies": thinks a write by any instance gives every instance its own copy of
 * the page.
 */
public class CowLab implements CopyOnWriteLab {
    private static final long PAGE = 4096;

    @Override
    public Set<Long> predict(ImageFile image, List<Access> accesses, int instance) {
        Set<Long> copies = new TreeSet<>();
        for (Access a : accesses) {
            // Reads never copy; other processes' writes never copy pages of this process.
            // MISTAKE: "the page is copied" as if copies belonged to the image, not to the writing process.
            if (!a.write()) {
                continue;
            }
            ImageFile.Symbol s = image.symbols().get(a.global());
            if (s != null && copyOnWrite(section(image, s.section()))) {
                copies.add(s.rva() & ~(PAGE - 1));
            }
        }
        return copies;
    }

    @Override
    public Set<Long> observe(Kernel32 kernel, ImageFile image) {
        long base = kernel.GetModuleHandle(null);
        Set<Long> copies = new TreeSet<>();
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        List<Long> rvas = image.sectionRvas();
        for (int i = 0; i < rvas.size(); i++) {
            ImageFile.Section section = image.sections().get(i);
            if (!copyOnWrite(section)) {
                continue;   // in a shared section PAGE_READWRITE means "shared", not "copied"
            }
            for (long rva = rvas.get(i); rva < rvas.get(i) + section.pages() * PAGE; rva += PAGE) {
                // A copied page lost its copy-on-write protection: PAGE_WRITECOPY became PAGE_READWRITE.
                if (kernel.VirtualQuery(base + rva, mbi) != 0
                        && (mbi.Protect == PAGE_READWRITE || mbi.Protect == PAGE_EXECUTE_READWRITE)) {
                    copies.add(rva);
                }
            }
        }
        return copies;
    }

    // Writable but not shared: the loader maps it PAGE_WRITECOPY.
    private static boolean copyOnWrite(ImageFile.Section s) {
        return s != null && s.is(ImageFile.WRITE) && !s.is(ImageFile.SHARED);
    }

    private static ImageFile.Section section(ImageFile image, String name) {
        return image.sections().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
