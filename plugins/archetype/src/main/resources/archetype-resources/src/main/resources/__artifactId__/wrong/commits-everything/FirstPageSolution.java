import static pagelab.kernel.WinNT.*;

import ${package}.FirstPage;
import pagelab.kernel.Kernel32;

/** Known-wrong: commits the whole region at once. */
public class FirstPageSolution implements FirstPage {
    @Override
    public long reserveAndCommitFirstPage(Kernel32 kernel, long bytes) {
        // MISTAKE: MEM_COMMIT for the whole region, not just its first page.
        return kernel.VirtualAlloc(0, bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    }
}
