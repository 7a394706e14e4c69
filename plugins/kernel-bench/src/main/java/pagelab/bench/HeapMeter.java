package pagelab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Java heap in use after a full collection, from {@link MemoryMXBean}. Several collections in a row, because one
 * {@code System.gc()} may leave garbage that a finaliser or a reference queue was still holding.
 */
public final class HeapMeter {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapMeter() {
    }

    /** Bytes of Java heap still reachable after collecting. */
    public static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    public static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
