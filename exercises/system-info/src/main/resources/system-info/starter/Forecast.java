import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import pagelab.exercises.systeminfo.Change;
import pagelab.exercises.systeminfo.MemoryForecast;
import pagelab.exercises.systeminfo.Step;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SYSTEM_INFO;

/**
 * Predicts how GlobalMemoryStatusEx's ullAvailVirtual, ullAvailPageFile and ullAvailPhys move with each call.
 * Read the instructions first.
 */
public class Forecast implements MemoryForecast {
    private final SYSTEM_INFO si = new SYSTEM_INFO();

    @Override
    public void start(Kernel32 kernel) {
        // TODO: fill si with GetSystemInfo.
    }

    @Override
    public long pageSize() {
        return si.dwPageSize;
    }

    @Override
    public long allocationGranularity() {
        // TODO: the allocation granularity from si.
        return 0;
    }

    @Override
    public long userModeBytes() {
        // TODO: from lpMinimumApplicationAddress to lpMaximumApplicationAddress (both are application addresses).
        return 0;
    }

    @Override
    public Change predict(Step step) {
        // TODO: keep a model per region (its size in pages, which pages are committed, which have been touched)
        //       and return how the step changes address space, commit left and free RAM.
        return new Change(0, 0, 0);
    }
}
