package pagelab.sim.heap;

import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.sim.SimProcess;

/**
 * A hand-run micro-measurement, not a test (no timing assertions in unit tests): HeapAlloc + HeapFree pairs of
 * 16-256 bytes per second on the process heap with tracing off. Run it with
 * {@code java -cp <test-classes>:<classes>:<kernel-api.jar> pagelab.sim.heap.HeapThroughput [pairs]}.
 * The JMH benchmark of issue 3 belongs in its own module; this is the quick figure until then.
 */
public final class HeapThroughput {
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private HeapThroughput() {
    }

    public static void main(String[] args) {
        long pairs = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        long t = System.nanoTime();
        try (Machine m = Machine.create(MachineConfig.x86().traceCalls(false))) {
            WinProcess p = m.createProcess();
            System.out.printf("Machine.create + createProcess: %.0f ms%n", (System.nanoTime() - t) / 1e6);
            Kernel32 k = p.kernel32();
            long heap = k.GetProcessHeap();
            HeapManager core = ((SimProcess) p).heaps();
            run(k, heap, pairs / 5); // warm-up: let the JIT compile the path
            runCore(core, heap, pairs / 5);
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                long c0 = CPU.getCurrentThreadCpuTime();
                long sum = run(k, heap, pairs);
                report("Kernel32", round, pairs, t0, c0, sum);
                t0 = System.nanoTime();
                c0 = CPU.getCurrentThreadCpuTime();
                sum = runCore(core, heap, pairs);
                report("heap manager alone", round, pairs, t0, c0, sum);
            }
        }
    }

    /**
     * Prints wall-clock and CPU-time rates: on a shared machine the thread's CPU time is the fairer figure,
     * since wall time includes the time other processes held the cores.
     */
    private static void report(String what, int round, long pairs, long t0, long c0, long sum) {
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf("round %d, %-18s: %,11.0f pairs/s wall, %,11.0f pairs/s CPU (%.0f ns CPU per pair) [%x]%n",
                round, what, pairs / wall, pairs / cpu, cpu * 1e9 / pairs, sum);
    }

    /** The same loop below the Win32 facade: what the heap manager itself costs. */
    private static long runCore(HeapManager core, long heap, long pairs) {
        long sum = 0;
        LongByReference out = new LongByReference();
        for (long i = 0; i < pairs; i++) {
            core.alloc(heap, 0, 16 + (i * 37) % 241, out);
            sum += out.getValue();
            core.free(heap, 0, out.getValue());
        }
        return sum;
    }

    private static long run(Kernel32 k, long heap, long pairs) {
        long sum = 0;
        for (long i = 0; i < pairs; i++) {
            long size = 16 + (i * 37) % 241; // 16..256 bytes
            long a = k.HeapAlloc(heap, 0, size);
            sum += a;
            k.HeapFree(heap, 0, a);
        }
        return sum;
    }
}
