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
 * Known-wrong solution "shared-counts-as-copy": counts every PAGE_READWRITE page as a copy, shared section
 * included, and predicts the same.
 */
public class CowLab implements CopyOnWriteLab {
    private static final long PAGE = 4096;

    @Override
    public Set<Long> predict(ImageFile image, List<Access> accesses, int instance) {
        Set<Long> copies = new TreeSet<>();
        for (Access a : accesses) {
            // Reads never copy; other processes' writes never copy pages of this process.
            if (!a.write() || a.instance() != instance) {
                continue;
            }
            ImageFile.Symbol s = image.symbols().get(a.global());
            if (s != null && section(image, s.section()).is(ImageFile.WRITE)) {
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
            // MISTAKE: every writable section is treated alike; a SHARED page is PAGE_READWRITE without a copy.
            if (!section.is(ImageFile.WRITE)) {
                continue;
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
