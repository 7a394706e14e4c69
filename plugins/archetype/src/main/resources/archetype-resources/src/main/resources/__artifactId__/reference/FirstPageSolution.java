import static pagelab.kernel.WinNT.*;

import ${package}.FirstPage;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SYSTEM_INFO;

/** Reserve a region and commit only its first page. Read the instructions first. */
public class FirstPageSolution implements FirstPage {
    @Override
    public long reserveAndCommitFirstPage(Kernel32 kernel, long bytes) {
        // BEGIN SOLUTION
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        // BEGIN WRONG commits-everything
        long base = kernel.VirtualAlloc(0, bytes, MEM_RESERVE, PAGE_READWRITE);
        // INSTEAD
        // MISTAKE: MEM_COMMIT for the whole region, not just its first page.
        //> long base = kernel.VirtualAlloc(0, bytes, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        // END WRONG
        if (base == 0 || kernel.VirtualAlloc(base, si.dwPageSize, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return 0;
        }
        return base;
        // INSTEAD
        // TODO: reserve `bytes` with VirtualAlloc(0, bytes, MEM_RESERVE, PAGE_READWRITE).
        // TODO: commit the first page with VirtualAlloc(base, pageSize, MEM_COMMIT, PAGE_READWRITE).
        //> return 0;
        // END SOLUTION
    }
}
