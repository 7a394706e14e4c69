package pagelab.bench;

import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import java.util.Random;
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
 * Issue 2, benchmark 3: {@code VirtualQuery} of random addresses in an x64 space holding {@code regions} separate
 * 64 KiB reservations (each its own region, so nothing coalesces). The target is that 100,000 regions cost at
 * most twice what 100 cost: a lookup in a tree, not a walk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VirtualQueryBench {
    /** Far above the fresh process's images, stacks and heap, so the reservations land where they are asked. */
    public static final long FIRST = 0x100_0000_0000L;
    public static final long GRANULE = 64 * 1024;
    private static final int PROBES = 4096;

    @Param({"100", "100000"})
    public int regions;

    @Param({"false", "true"})
    public boolean trace;

    private BenchMachine machine;
    private Kernel32 k;
    private final MEMORY_BASIC_INFORMATION info = new MEMORY_BASIC_INFORMATION();
    private final long[] probes = new long[PROBES];
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        machine = BenchMachine.of("x64", trace);
        k = machine.kernel32();
        reserve(k, regions);
        Random random = new Random(42);
        for (int i = 0; i < PROBES; i++) {
            probes[i] = FIRST + random.nextInt(regions) * GRANULE + random.nextInt((int) GRANULE);
        }
        machine.fillTrace(this::query);
    }

    /** Makes {@code count} adjacent 64 KiB reservations from {@link #FIRST} up; each is a region of its own. */
    static void reserve(Kernel32 k, int count) {
        for (int i = 0; i < count; i++) {
            long want = FIRST + i * GRANULE;
            long got = k.VirtualAlloc(want, GRANULE, MEM_RESERVE, PAGE_READWRITE);
            if (got != want) {
                throw new IllegalStateException("VirtualAlloc(MEM_RESERVE) at 0x" + Long.toHexString(want)
                        + " gave 0x" + Long.toHexString(got) + ", error " + k.GetLastError());
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        machine.close();
    }

    /** One VirtualQuery of the next probe address; returns the end of the region holding it. */
    @Benchmark
    public long query() {
        long address = probes[next++ & (PROBES - 1)];
        if (k.VirtualQuery(address, info) == 0) {
            throw new IllegalStateException("VirtualQuery(0x" + Long.toHexString(address) + ") failed: error "
                    + k.GetLastError());
        }
        return info.BaseAddress + info.RegionSize; // the region's end: a reservation boundary, since none coalesce
    }
}
