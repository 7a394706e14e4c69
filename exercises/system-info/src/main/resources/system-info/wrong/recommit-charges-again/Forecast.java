import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import pagelab.exercises.systeminfo.Change;
import pagelab.exercises.systeminfo.MemoryForecast;
import pagelab.exercises.systeminfo.Step;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SYSTEM_INFO;

/**
 * Known-wrong solution "recommit-charges-again": every page of a commit charged again.
 */
public class Forecast implements MemoryForecast {
    private final SYSTEM_INFO si = new SYSTEM_INFO();
    private final List<Region> regions = new ArrayList<>();

    /** What the memory manager keeps per region, as far as the three figures care. */
    private static final class Region {
        final long pages;
        final BitSet committed = new BitSet();
        final BitSet touched = new BitSet();

        Region(long pages) {
            this.pages = pages;
        }
    }

    @Override
    public void start(Kernel32 kernel) {
        kernel.GetSystemInfo(si);
    }

    @Override
    public long pageSize() {
        return si.dwPageSize;
    }

    @Override
    public long allocationGranularity() {
        return si.dwAllocationGranularity;
    }

    @Override
    public long userModeBytes() {
        // Both ends are application addresses: the range is inclusive.
        return si.lpMaximumApplicationAddress - si.lpMinimumApplicationAddress + 1;
    }
    @Override
    public Change predict(Step step) {
        long page = si.dwPageSize;
        switch (step.kind()) {
            case RESERVE, ALLOCATE -> {
                // The size is rounded up to whole pages; only committing charges the commit limit.
                Region r = new Region((step.size() + page - 1) / page);
                regions.add(r);
                if (step.kind() == Step.Kind.ALLOCATE) {
                    r.committed.set(0, (int) r.pages);
                }
                return new Change(-r.pages * page, -r.committed.cardinality() * page, 0);
            }
            case COMMIT -> {
                Region r = regions.get(step.region());
                BitSet fresh = range(step, page);
                // MISTAKE: pages that are committed already are charged a second time.
                r.committed.or(fresh);
                return new Change(0, -fresh.cardinality() * page, 0);
            }
            case TOUCH -> {
                Region r = regions.get(step.region());
                BitSet fresh = range(step, page);
                fresh.andNot(r.touched); // a demand-zero page gets its frame at the first touch only
                r.touched.or(fresh);
                return new Change(0, 0, -fresh.cardinality() * page);
            }
            case DECOMMIT -> {
                Region r = regions.get(step.region());
                BitSet span = range(step, page);
                BitSet committed = (BitSet) span.clone();
                committed.and(r.committed);
                BitSet touched = (BitSet) span.clone();
                touched.and(r.touched);
                r.committed.andNot(span);
                r.touched.andNot(span);
                return new Change(0, committed.cardinality() * page, touched.cardinality() * page);
            }
            case RELEASE -> {
                Region r = regions.get(step.region());
                return new Change(r.pages * page, r.committed.cardinality() * page, r.touched.cardinality() * page);
            }
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
    }

    // The pages overlapping [offset, offset + size).
    private static BitSet range(Step step, long page) {
        BitSet b = new BitSet();
        b.set((int) (step.offset() / page), (int) ((step.offset() + step.size() + page - 1) / page));
        return b;
    }
}
