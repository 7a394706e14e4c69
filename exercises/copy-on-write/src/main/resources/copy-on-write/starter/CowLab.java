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
 * Which image pages does each process copy? Predict, then observe.
 * Read the instructions first; each TODO says what to do.
 */
public class CowLab implements CopyOnWriteLab {
    @Override
    public Set<Long> predict(ImageFile image, List<Access> accesses, int instance) {
        Set<Long> copies = new TreeSet<>();
        // TODO: for each access: which process made it, was it a write, which section holds the global
        //       (image.symbols().get(global).section()), and is that section copy-on-write
        //       (writable and not SHARED)? Add the page of the global's RVA (rounded down to 4 KiB).
        return copies;
    }

    @Override
    public Set<Long> observe(Kernel32 kernel, ImageFile image) {
        Set<Long> copies = new TreeSet<>();
        // TODO: base = GetModuleHandle(null); for every page of every copy-on-write section
        //       (image.sectionRvas() gives each section's RVA), VirtualQuery(base + rva, mbi):
        //       a page whose protection turned from PAGE_WRITECOPY into PAGE_READWRITE is a private copy.
        return copies;
    }
}
