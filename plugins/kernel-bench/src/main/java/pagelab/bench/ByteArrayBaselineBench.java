package pagelab.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The host baseline of {@link MemoryAccessBench}: the same stores and loads over a 4 KiB {@code byte[]} through a
 * little-endian {@code byteArrayViewVarHandle}, i.e. what the simulator's access path would cost with no MMU.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ByteArrayBaselineBench {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] page = new byte[4096];

    @Benchmark
    public int setThenGetPage() {
        byte[] p = page;
        for (int i = 0; i < MemoryAccessBench.INTS; i++) {
            INT.set(p, 4 * i, i);
        }
        int sum = 0;
        for (int i = 0; i < MemoryAccessBench.INTS; i++) {
            sum += (int) INT.get(p, 4 * i);
        }
        return sum;
    }
}
