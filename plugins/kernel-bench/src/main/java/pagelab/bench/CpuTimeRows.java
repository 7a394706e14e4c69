package pagelab.bench;

import static pagelab.kernel.WinNT.FILE_MAP_WRITE;
import static pagelab.kernel.WinNT.INVALID_HANDLE_VALUE;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import com.sun.management.ThreadMXBean;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Random;
import java.util.function.LongSupplier;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;

/**
 * A cross-check of the JMH rows on a busy host, run by bench/cputime.sh: the same operations, timed by the thread's
 * CPU time instead of the wall clock, which other tenants of the host inflate less (they still share its caches).
 * Each figure is the best of 12 rounds after 6 rounds of warm-up; a traced row fills the trace first, as the JMH
 * benchmarks do. Not JMH: a plain loop, the operation's result summed so that nothing is optimised away.
 *
 * <p>Usage: {@code CpuTimeRows ROW TRACE [OPS_PER_ROUND]}, ROW one of heap, valloc, mapview, memory, bytearray,
 * query100, query100000; prints {@code cputime.ROW.TRACE=<ns per operation>}.
 */
public final class CpuTimeRows {
    private static final ThreadMXBean CPU = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int WARM_UP = 6;
    private static final int ROUNDS = 12;

    private CpuTimeRows() {
    }

    public static void main(String[] args) {
        String row = args[0];
        boolean trace = Boolean.parseBoolean(args[1]);
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : defaultOps(row);
        double ns;
        if (row.equals("bytearray")) {
            byte[] page = new byte[4096];
            ns = best(() -> setThenGet(page), ops);
        } else {
            try (BenchMachine m = BenchMachine.of("x64", trace)) {
                LongSupplier op = operation(row, m);
                m.fillTrace(op::getAsLong);
                ns = best(op, ops);
            }
        }
        System.out.println(String.format(Locale.ROOT, "cputime.%s.%s=%.1f", row, trace, ns));
    }

    private static int defaultOps(String row) {
        switch (row) {
            case "heap": case "query100": case "query100000": return 1_000_000;
            case "valloc": return 50_000;
            default: return 20_000;
        }
    }

    private static LongSupplier operation(String row, BenchMachine m) {
        Kernel32 k = m.kernel32();
        switch (row) {
            case "heap": {
                long heap = k.GetProcessHeap();
                int[] n = {0};
                return () -> {
                    long b = k.HeapAlloc(heap, 0, HeapPairBench.size(n[0]++));
                    k.HeapFree(heap, 0, b);
                    return b;
                };
            }
            case "valloc":
                return () -> {
                    long a = k.VirtualAlloc(0, VirtualAllocPairBench.SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
                    k.VirtualFree(a, 0, MEM_RELEASE);
                    return a;
                };
            case "mapview": {
                long mapping = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 1 << 20,
                        "Local\\PageLabCpuTime");
                return () -> {
                    long v = k.MapViewOfFile(mapping, FILE_MAP_WRITE, 0, 0, 0);
                    k.UnmapViewOfFile(v);
                    return v;
                };
            }
            case "memory": {
                long base = k.VirtualAlloc(0, 4096, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
                Memory mem = m.memory();
                return () -> setThenGet(mem, base);
            }
            default: {
                int regions = Integer.parseInt(row.substring("query".length()));
                VirtualQueryBench.reserve(k, regions);
                MEMORY_BASIC_INFORMATION info = new MEMORY_BASIC_INFORMATION();
                Random random = new Random(42);
                long[] probes = new long[4096];
                for (int i = 0; i < probes.length; i++) {
                    probes[i] = VirtualQueryBench.FIRST + random.nextInt(regions) * VirtualQueryBench.GRANULE
                            + random.nextInt((int) VirtualQueryBench.GRANULE);
                }
                int[] n = {0};
                return () -> k.VirtualQuery(probes[n[0]++ & (probes.length - 1)], info);
            }
        }
    }

    private static long setThenGet(Memory mem, long base) {
        for (int i = 0; i < 1024; i++) {
            mem.setInt(base + 4L * i, i);
        }
        long sum = 0;
        for (int i = 0; i < 1024; i++) {
            sum += mem.getInt(base + 4L * i);
        }
        return sum;
    }

    private static long setThenGet(byte[] page) {
        for (int i = 0; i < 1024; i++) {
            INT.set(page, 4 * i, i);
        }
        long sum = 0;
        for (int i = 0; i < 1024; i++) {
            sum += (int) INT.get(page, 4 * i);
        }
        return sum;
    }

    /** The best CPU nanoseconds per operation over the measured rounds. */
    private static double best(LongSupplier op, int ops) {
        double best = Double.MAX_VALUE;
        long sum = 0;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            long start = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                sum += op.getAsLong();
            }
            double ns = (CPU.getCurrentThreadCpuTime() - start) / (double) ops;
            if (round >= WARM_UP) {
                best = Math.min(best, ns);
            }
        }
        if (sum == Long.MIN_VALUE) {
            System.out.println(); // keeps sum alive
        }
        return best;
    }
}
