package pagelab.bench;

import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_NOACCESS;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import java.util.Locale;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SYSTEM_INFO;

/**
 * Issue 2, benchmark 4, a one-shot measurement (not JMH: it measures memory, not time). bench/run.sh runs it in a
 * JVM with {@code -Xmx64m}, so running out of heap is a failure too.
 *
 * <ol>
 *   <li>Reserve every 1 GiB-aligned gigabyte of x64 user space ({@code MEM_RESERVE}, about 131,000 calls; the
 *       few slots that already hold the fresh process's images, stack, heap or PEB fail and are counted), then
 *       report the Java heap in use after a full GC. Target: under 64 MiB.</li>
 *   <li>On a fresh machine, commit 1 GiB: the heap must not grow by anything like 1 GiB (pages are demand-zero);
 *       then write one page, which is when host memory is taken.</li>
 * </ol>
 *
 * <p>Prints {@code key=value} lines for bench/run.sh. Usage: {@code FootprintMeasure [trace]} where trace is
 * {@code true} or {@code false} (default).
 */
public final class FootprintMeasure {
    private static final long GIB = 1L << 30;

    private FootprintMeasure() {
    }

    public static void main(String[] args) {
        boolean trace = args.length > 0 && Boolean.parseBoolean(args[0]);
        String prefix = "footprint." + (trace ? "trace" : "notrace") + ".";
        reserveAll(trace, prefix);
        commitThenTouch(trace, prefix);
    }

    private static void reserveAll(boolean trace, String prefix) {
        long before = HeapMeter.usedAfterGc();
        try (BenchMachine m = BenchMachine.of("x64", trace)) {
            Kernel32 k = m.kernel32();
            SYSTEM_INFO si = new SYSTEM_INFO();
            k.GetSystemInfo(si);
            long start = System.nanoTime();
            long made = 0;
            long refused = 0;
            for (long base = 0; base + GIB - 1 <= si.lpMaximumApplicationAddress; base += GIB) {
                long want = Math.max(base, si.lpMinimumApplicationAddress);
                long size = base + GIB - want;
                if (k.VirtualAlloc(want, size, MEM_RESERVE, PAGE_NOACCESS) != 0) {
                    made++;
                } else {
                    refused++;
                }
            }
            long elapsed = System.nanoTime() - start;
            long after = HeapMeter.usedAfterGc();
            print(prefix + "reservations", made);
            print(prefix + "refusedSlots", refused);
            print(prefix + "reserveSeconds", elapsed / 1e9);
            print(prefix + "heapBeforeMiB", HeapMeter.mib(before));
            print(prefix + "heapAfterReserveAllMiB", HeapMeter.mib(after));
            print(prefix + "reserveAllDeltaMiB", HeapMeter.mib(after - before));
        }
    }

    private static void commitThenTouch(boolean trace, String prefix) {
        try (BenchMachine m = BenchMachine.of("x64", trace)) {
            Kernel32 k = m.kernel32();
            long before = HeapMeter.usedAfterGc();
            long base = k.VirtualAlloc(0, GIB, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            if (base == 0) {
                print(prefix + "commitError", k.GetLastError());
                return;
            }
            long committed = HeapMeter.usedAfterGc();
            m.memory().setInt(base + GIB / 2, 0x12345678);
            long written = HeapMeter.usedAfterGc();
            print(prefix + "commit1GiBDeltaKiB", (committed - before) / 1024.0);
            print(prefix + "writeOnePageDeltaKiB", (written - committed) / 1024.0);
        }
    }

    private static void print(String key, double value) {
        System.out.println(key + "=" + String.format(Locale.ROOT, "%.3f", value));
    }

    private static void print(String key, long value) {
        System.out.println(key + "=" + value);
    }
}
