package pagelab.exercises.memreset;

import static pagelab.exercises.memreset.PageCache.CACHE_SIZE;
import static pagelab.exercises.memreset.PageCache.SLOTS;
import static pagelab.exercises.memreset.PageCache.SLOT_SIZE;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;

/**
 * The yardsticks of the savings check: the same fill, discard and pressure played by the checker on fresh machines
 * of the same configuration and seed, once without {@code MEM_RESET} and once with it.
 */
final class ControlRuns {
    private ControlRuns() {
    }

    /** Paging-file writes caused by the pressure after filling every slot and discarding them all. */
    static long writesAfterDiscard(MachineConfig config, boolean reset) {
        try (Machine m = Machine.create(config)) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long base = k.VirtualAlloc(0, CACHE_SIZE, WinNT.MEM_RESERVE | WinNT.MEM_COMMIT, WinNT.PAGE_READWRITE);
            for (int s = 0; s < SLOTS; s++) {
                byte[] d = CacheProbe.data(s, 0);
                p.memory().write(base + (long) s * SLOT_SIZE, d, 0, d.length);
            }
            if (reset) {
                k.VirtualAlloc(base, CACHE_SIZE, WinNT.MEM_RESET, WinNT.PAGE_NOACCESS);
            }
            return CacheProbe.pressure(m, k, p.memory());
        }
    }
}
