package pagelab.bench;

import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

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
 * Issue 2, benchmark 2: one {@code VirtualAlloc(MEM_RESERVE|MEM_COMMIT, 64 KiB, PAGE_READWRITE)} and its
 * {@code VirtualFree(MEM_RELEASE)}. The baseline is the same mmap+munmap pair in bench/c/mmap_pair.c; the target is
 * at least three times as fast (issue 13).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VirtualAllocPairBench {
    public static final long SIZE = 64 * 1024;

    @Param({"x64", "x86"})
    public String arch;

    @Param({"false", "true"})
    public boolean trace;

    private BenchMachine machine;
    private Kernel32 k;

    @Setup(Level.Trial)
    public void setup() {
        machine = BenchMachine.of(arch, trace);
        k = machine.kernel32();
        machine.fillTrace(this::allocFreePair);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        machine.close();
    }

    @Benchmark
    public long allocFreePair() {
        long a = k.VirtualAlloc(0, SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        if (a == 0 || !k.VirtualFree(a, 0, MEM_RELEASE)) {
            throw new IllegalStateException("VirtualAlloc/VirtualFree pair failed at " + Long.toHexString(a)
                    + ": error " + k.GetLastError());
        }
        return a;
    }
}
