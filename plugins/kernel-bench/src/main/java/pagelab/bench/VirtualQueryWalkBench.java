package pagelab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;

/**
 * Issue 2, benchmark 3, the other access pattern: {@code VirtualQuery} walking the reservations of
 * {@link VirtualQueryBench} region after region, as VMMap and the book's VMQuery sample do. Unlike random probes,
 * the walk keeps the kernel's lookup path in the CPU caches, so it shows the algorithm's cost rather than the
 * memory hierarchy's. Tracing off only: the random benchmark already shows what tracing costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VirtualQueryWalkBench {
    @Param({"100", "100000"})
    public int regions;

    private BenchMachine machine;
    private Kernel32 k;
    private final MEMORY_BASIC_INFORMATION info = new MEMORY_BASIC_INFORMATION();
    private long end;
    private long cursor;

    @Setup(Level.Trial)
    public void setup() {
        machine = BenchMachine.of("x64", false);
        k = machine.kernel32();
        VirtualQueryBench.reserve(k, regions);
        end = VirtualQueryBench.FIRST + regions * VirtualQueryBench.GRANULE;
        cursor = VirtualQueryBench.FIRST;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        machine.close();
    }

    /** One VirtualQuery at the cursor, which then moves to the next region (back to the first after the last). */
    @Benchmark
    public long queryNext() {
        if (k.VirtualQuery(cursor, info) == 0) {
            throw new IllegalStateException("VirtualQuery(0x" + Long.toHexString(cursor) + ") failed: error "
                    + k.GetLastError());
        }
        long next = info.BaseAddress + info.RegionSize;
        cursor = next < end ? next : VirtualQueryBench.FIRST;
        return next;
    }
}
