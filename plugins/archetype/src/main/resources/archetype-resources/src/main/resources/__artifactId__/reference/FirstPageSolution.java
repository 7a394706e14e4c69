import static pagelab.kernel.WinNT.*;

import ${package}.FirstPage;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SYSTEM_INFO;

/** The reference solution: reserve, then commit one page. */
public class FirstPageSolution implements FirstPage {
    @Override
    public long reserveAndCommitFirstPage(Kernel32 kernel, long bytes) {
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        long base = kernel.VirtualAlloc(0, bytes, MEM_RESERVE, PAGE_READWRITE);
        if (base == 0 || kernel.VirtualAlloc(base, si.dwPageSize, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return 0;
        }
        return base;
    }
}
