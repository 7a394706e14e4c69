package pagelab.bench;

import static pagelab.kernel.WinNT.MEM_COMMIT;
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
import pagelab.kernel.Memory;

/**
 * Issue 2, benchmark 1: {@code Memory.setInt} over every int of one committed PAGE_READWRITE page, then
 * {@code Memory.getInt} over it again, summed. {@link ByteArrayBaselineBench} runs the same loop over a
 * {@code byte[]}; the target is at least 1/3 of its throughput.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MemoryAccessBench {
    /** Ints per page: one invocation does this many stores and this many loads. */
    public static final int INTS = 4096 / Integer.BYTES;

    @Param({"x64", "x86"})
    public String arch;

    @Param({"false", "true"})
    public boolean trace;

    private BenchMachine machine;
    private Memory memory;
    private long page;

    @Setup(Level.Trial)
    public void setup() {
        machine = BenchMachine.of(arch, trace);
        memory = machine.memory();
        page = machine.kernel32().VirtualAlloc(0, 4096, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        if (page == 0) {
            throw new IllegalStateException("VirtualAlloc of one page failed: error "
                    + machine.kernel32().GetLastError());
        }
        memory.setInt(page, 1); // the first store takes the demand-zero fault; the loop measures the steady state
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        machine.close();
    }

    @Benchmark
    public int setThenGetPage() {
        Memory m = memory;
        long base = page;
        for (int i = 0; i < INTS; i++) {
            m.setInt(base + 4L * i, i);
        }
        int sum = 0;
        for (int i = 0; i < INTS; i++) {
            sum += m.getInt(base + 4L * i);
        }
        return sum;
    }
}
