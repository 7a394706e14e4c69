import static pagelab.kernel.WinNT.*;

import ${package}.FirstPage;
import pagelab.kernel.Kernel32;

/** Reserve a region and commit only its first page. */
public class FirstPageSolution implements FirstPage {
    @Override
    public long reserveAndCommitFirstPage(Kernel32 kernel, long bytes) {
        // TODO: reserve `bytes` with VirtualAlloc(0, bytes, MEM_RESERVE, PAGE_READWRITE).
        // TODO: commit the first page with VirtualAlloc(base, pageSize, MEM_COMMIT, PAGE_READWRITE).
        return 0;
    }
}
