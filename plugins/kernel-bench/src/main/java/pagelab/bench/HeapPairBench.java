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

/**
 * Issue 3: {@code HeapAlloc} + {@code HeapFree} on the process heap, sizes 16 to 256 bytes in the fixed sequence
 * {@link #size(int)} that bench/c/malloc_pair.c also uses. The target is at least 1/8 of glibc malloc+free (issue 13:
 * simpler code may give back some of issue 3's 1/5, not more). Skipped (JMH reports the reason) while the kernel
 * answers ERROR_CALL_NOT_IMPLEMENTED.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeapPairBench {
    @Param({"false", "true"})
    public boolean trace;

    private BenchMachine machine;
    private Kernel32 k;
    private long heap;
    private int i;

    /** The n-th block size: 16 to 256 bytes, spread evenly; the same formula as malloc_pair.c. */
    public static long size(int n) {
        return 16 + (n * 37L & 0x7FFF_FFFFL) % 241;
    }

    @Setup(Level.Trial)
    public void setup() {
        machine = BenchMachine.of("x64", trace);
        k = machine.kernel32();
        if (!KernelFeatures.heaps(k)) {
            machine.close();
            machine = null;
            KernelFeatures.require(false, "Heap", "HeapAlloc");
        }
        heap = k.GetProcessHeap();
        machine.fillTrace(this::allocFreePair);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (machine != null) {
            machine.close();
        }
    }

    @Benchmark
    public long allocFreePair() {
        long block = k.HeapAlloc(heap, 0, size(i++));
        if (block == 0 || !k.HeapFree(heap, 0, block)) {
            throw new IllegalStateException("HeapAlloc/HeapFree failed at 0x" + Long.toHexString(block) + ": error "
                    + k.GetLastError());
        }
        return block;
    }
}
