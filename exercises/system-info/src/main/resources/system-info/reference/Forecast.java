import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import pagelab.exercises.systeminfo.Change;
import pagelab.exercises.systeminfo.MemoryForecast;
import pagelab.exercises.systeminfo.Step;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SYSTEM_INFO;

/**
 // BEGIN SOLUTION
 * The reference solution: a small model of each region (size in pages, committed pages, touched pages) that
 * turns every step into the change of address space, commit and RAM.
 // INSTEAD
 //> * Predicts how GlobalMemoryStatusEx's ullAvailVirtual, ullAvailPageFile and ullAvailPhys move with each call.
 //> * Read the instructions first.
 // END SOLUTION
 */
public class Forecast implements MemoryForecast {
    private final SYSTEM_INFO si = new SYSTEM_INFO();
    // BEGIN SOLUTION
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
    // END SOLUTION

    @Override
    public void start(Kernel32 kernel) {
        // BEGIN SOLUTION
        kernel.GetSystemInfo(si);
        // INSTEAD
        // TODO: fill si with GetSystemInfo.
        // END SOLUTION
    }

    @Override
    public long pageSize() {
        return si.dwPageSize;
    }

    @Override
    public long allocationGranularity() {
        // BEGIN SOLUTION
        return si.dwAllocationGranularity;
        // INSTEAD
        // TODO: the allocation granularity from si.
        //> return 0;
        // END SOLUTION
    }

    @Override
    public long userModeBytes() {
        // BEGIN SOLUTION
        // BEGIN WRONG user-mode-two-gib
        // Both ends are application addresses: the range is inclusive.
        return si.lpMaximumApplicationAddress - si.lpMinimumApplicationAddress + 1;
        // INSTEAD
        // MISTAKE: "user mode is the lower 2 GiB", forgetting the partitions that are off limits.
        //> return 2L << 30;
        // END WRONG
        // INSTEAD
        // TODO: from lpMinimumApplicationAddress to lpMaximumApplicationAddress (both are application addresses).
        //> return 0;
        // END SOLUTION
    }

    // tag::predict[]
    @Override
    public Change predict(Step step) {
        // BEGIN SOLUTION
        long page = si.dwPageSize;
        switch (step.kind()) {
            case RESERVE, ALLOCATE -> {
                // The size is rounded up to whole pages; only committing charges the commit limit.
                // BEGIN WRONG reserve-rounds-to-granularity
                Region r = new Region((step.size() + page - 1) / page);
                // INSTEAD
                // MISTAKE: the base is 64 KiB aligned, but the size is rounded to pages, not to 64 KiB.
                //> long g = si.dwAllocationGranularity;
                //> Region r = new Region((step.size() + g - 1) / g * (g / page));
                // END WRONG
                regions.add(r);
                if (step.kind() == Step.Kind.ALLOCATE) {
                    r.committed.set(0, (int) r.pages);
                }
                // BEGIN WRONG commit-takes-ram
                return new Change(-r.pages * page, -r.committed.cardinality() * page, 0);
                // INSTEAD
                // MISTAKE: committed pages are taken to occupy RAM straight away.
                //> r.touched.or(r.committed);
                //> return new Change(-r.pages * page, -r.committed.cardinality() * page, -r.committed.cardinality() * page);
                // END WRONG
            }
            case COMMIT -> {
                Region r = regions.get(step.region());
                BitSet fresh = range(step, page);
                // BEGIN WRONG recommit-charges-again
                fresh.andNot(r.committed); // committing a committed page costs nothing
                // INSTEAD
                // MISTAKE: pages that are committed already are charged a second time.
                // END WRONG
                r.committed.or(fresh);
                // BEGIN WRONG commit-takes-ram
                return new Change(0, -fresh.cardinality() * page, 0);
                // INSTEAD
                //> r.touched.or(fresh);
                //> return new Change(0, -fresh.cardinality() * page, -fresh.cardinality() * page);
                // END WRONG
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
                // BEGIN WRONG decommit-keeps-ram
                return new Change(0, committed.cardinality() * page, touched.cardinality() * page);
                // INSTEAD
                // MISTAKE: "the frames are freed when the region is released".
                //> return new Change(0, committed.cardinality() * page, 0);
                // END WRONG
            }
            case RELEASE -> {
                Region r = regions.get(step.region());
                return new Change(r.pages * page, r.committed.cardinality() * page, r.touched.cardinality() * page);
            }
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
        // INSTEAD
        // TODO: keep a model per region (its size in pages, which pages are committed, which have been touched)
        //       and return how the step changes address space, commit left and free RAM.
        //> return new Change(0, 0, 0);
        // END SOLUTION
    }
    // end::predict[]
    // BEGIN SOLUTION

    // The pages overlapping [offset, offset + size).
    private static BitSet range(Step step, long page) {
        BitSet b = new BitSet();
        b.set((int) (step.offset() / page), (int) ((step.offset() + step.size() + page - 1) / page));
        return b;
    }
    // END SOLUTION
}
