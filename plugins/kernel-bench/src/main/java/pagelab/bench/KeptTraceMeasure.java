package pagelab.bench;

import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import java.util.Arrays;
import java.util.Locale;
import pagelab.kernel.Kernel32;

/**
 * A one-shot measurement with no target: what a traced VirtualAlloc+VirtualFree pair costs while the trace keeps
 * it (its caller's source line sought, its arguments formatted, a snapshot taken), against the same pairs untraced.
 * Every call of a graded check is of that kind; the JMH trace-on rows measure a long run instead, whose calls after
 * the trace's first events are only counted. Each figure is the median of three runs of {@link #PAIRS} pairs, each
 * on a fresh x64 machine (20,000 events, within the trace's default capacity), after a throwaway run of each kind.
 * Prints {@code keptTrace.tracedNsPerPair} and {@code keptTrace.untracedNsPerPair}.
 */
public final class KeptTraceMeasure {
    static final int PAIRS = 10_000;
    private static final int RUNS = 3;

    private KeptTraceMeasure() {
    }

    public static void main(String[] args) {
        run(true);
        run(false);
        System.out.println("keptTrace.tracedNsPerPair=" + format(median(true)));
        System.out.println("keptTrace.untracedNsPerPair=" + format(median(false)));
    }

    private static double median(boolean trace) {
        double[] ns = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            ns[i] = run(trace);
        }
        Arrays.sort(ns);
        return ns[RUNS / 2];
    }

    /** Nanoseconds per pair over {@link #PAIRS} pairs on a fresh machine. */
    static double run(boolean trace) {
        try (BenchMachine m = BenchMachine.of("x64", trace)) {
            Kernel32 k = m.kernel32();
            long start = System.nanoTime();
            for (int i = 0; i < PAIRS; i++) {
                long a = k.VirtualAlloc(0, VirtualAllocPairBench.SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
                if (a == 0 || !k.VirtualFree(a, 0, MEM_RELEASE)) {
                    throw new IllegalStateException("VirtualAlloc/VirtualFree failed: error " + k.GetLastError());
                }
            }
            return (System.nanoTime() - start) / (double) PAIRS;
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
