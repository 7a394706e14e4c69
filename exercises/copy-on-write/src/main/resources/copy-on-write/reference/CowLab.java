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
 // BEGIN SOLUTION
 * The reference solution: a process gets a private copy of a page the first time IT writes to it, and only in a
 * writable section that is not shared; VirtualQuery shows such a page as PAGE_READWRITE instead of PAGE_WRITECOPY.
 // INSTEAD
 //> * Which image pages does each process copy? Predict, then observe.
 //> * Read the instructions first; each TODO says what to do.
 // END SOLUTION
 */
public class CowLab implements CopyOnWriteLab {
    // BEGIN SOLUTION
    private static final long PAGE = 4096;

    // END SOLUTION
    // tag::predict[]
    @Override
    public Set<Long> predict(ImageFile image, List<Access> accesses, int instance) {
        Set<Long> copies = new TreeSet<>();
        // BEGIN SOLUTION
        for (Access a : accesses) {
            // Reads never copy; other processes' writes never copy pages of this process.
            // BEGIN WRONG any-instance-copies, reads-copy
            if (!a.write() || a.instance() != instance) {
            // INSTEAD any-instance-copies
            // MISTAKE: "the page is copied" as if copies belonged to the image, not to the writing process.
            //> if (!a.write()) {
            // INSTEAD reads-copy
            // MISTAKE: any touch copies; in fact a read maps the shared original.
            //> if (a.instance() != instance) {
            // END WRONG
                continue;
            }
            ImageFile.Symbol s = image.symbols().get(a.global());
            // BEGIN WRONG shared-counts-as-copy
            if (s != null && copyOnWrite(section(image, s.section()))) {
            // INSTEAD
            //> if (s != null && section(image, s.section()).is(ImageFile.WRITE)) {
            // END WRONG
                // BEGIN WRONG whole-section-copied
                copies.add(s.rva() & ~(PAGE - 1));
                // INSTEAD
                // MISTAKE: copy-on-write works on pages, not on sections.
                //> int index = image.sections().indexOf(section(image, s.section()));
                //> long first = image.sectionRvas().get(index);
                //> for (long rva = first; rva < first + image.sections().get(index).pages() * PAGE; rva += PAGE) {
                    //> copies.add(rva);
                //> }
                // END WRONG
            }
        }
        // INSTEAD
        // TODO: for each access: which process made it, was it a write, which section holds the global
        //       (image.symbols().get(global).section()), and is that section copy-on-write
        //       (writable and not SHARED)? Add the page of the global's RVA (rounded down to 4 KiB).
        // END SOLUTION
        return copies;
    }
    // end::predict[]

    // tag::observe[]
    @Override
    public Set<Long> observe(Kernel32 kernel, ImageFile image) {
        // BEGIN SOLUTION
        long base = kernel.GetModuleHandle(null);
        // END SOLUTION
        Set<Long> copies = new TreeSet<>();
        // BEGIN SOLUTION
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        List<Long> rvas = image.sectionRvas();
        for (int i = 0; i < rvas.size(); i++) {
            ImageFile.Section section = image.sections().get(i);
            // BEGIN WRONG shared-counts-as-copy
            if (!copyOnWrite(section)) {
                continue;   // in a shared section PAGE_READWRITE means "shared", not "copied"
            // INSTEAD
            // MISTAKE: every writable section is treated alike; a SHARED page is PAGE_READWRITE without a copy.
            //> if (!section.is(ImageFile.WRITE)) {
                //> continue;
            // END WRONG
            }
            for (long rva = rvas.get(i); rva < rvas.get(i) + section.pages() * PAGE; rva += PAGE) {
                // A copied page lost its copy-on-write protection: PAGE_WRITECOPY became PAGE_READWRITE.
                if (kernel.VirtualQuery(base + rva, mbi) != 0
                        && (mbi.Protect == PAGE_READWRITE || mbi.Protect == PAGE_EXECUTE_READWRITE)) {
                    copies.add(rva);
                }
            }
        }
        // INSTEAD
        // TODO: base = GetModuleHandle(null); for every page of every copy-on-write section
        //       (image.sectionRvas() gives each section's RVA), VirtualQuery(base + rva, mbi):
        //       a page whose protection turned from PAGE_WRITECOPY into PAGE_READWRITE is a private copy.
        // END SOLUTION
        return copies;
    }
    // end::observe[]
    // BEGIN SOLUTION

    // Writable but not shared: the loader maps it PAGE_WRITECOPY.
    private static boolean copyOnWrite(ImageFile.Section s) {
        return s != null && s.is(ImageFile.WRITE) && !s.is(ImageFile.SHARED);
    }

    private static ImageFile.Section section(ImageFile image, String name) {
        return image.sections().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
    // END SOLUTION
}
