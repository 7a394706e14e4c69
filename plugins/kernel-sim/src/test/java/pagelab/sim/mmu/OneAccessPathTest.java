package pagelab.sim.mmu;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.CREATE_ALWAYS;
import static pagelab.kernel.WinNT.GENERIC_READ;
import static pagelab.kernel.WinNT.GENERIC_WRITE;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.OPEN_EXISTING;
import static pagelab.kernel.WinNT.PAGE_READWRITE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.MachineCounters;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.ProcessCounters;
import pagelab.sim.machine.SimProcess;

/**
 * Every access to a process's memory takes one path (Mmu.walk), so a page costs the same faults and is evicted the
 * same way whoever touches it: the program's loads and stores, the kernel's copies to and from a ReadFile or
 * WriteFile buffer, and the heap manager's own reads and writes (KernelAccess, as the heap's headers take it).
 * Each route writes then reads every page of a region twice as large as RAM, on a fresh machine of its own.
 */
class OneAccessPathTest {
    private static final int PAGE = 4096;
    private static final int PAGES = 1024; // 4 MiB through 2 MiB of RAM: the clock has to evict

    /** One way of touching memory: write every page of a region, then read every page back. */
    private interface Route {
        void write(WinProcess p, long base);

        /** The first int of each page, read back. */
        int[] read(WinProcess p, long base);
    }

    private static int value(int page) {
        return page * 7919 + 1;
    }

    private static final Route PROGRAM = new Route() {
        @Override
        public void write(WinProcess p, long base) {
            for (int i = 0; i < PAGES; i++) {
                p.memory().setInt(base + (long) i * PAGE, value(i));
            }
        }

        @Override
        public int[] read(WinProcess p, long base) {
            int[] out = new int[PAGES];
            for (int i = 0; i < PAGES; i++) {
                out[i] = p.memory().getInt(base + (long) i * PAGE);
            }
            return out;
        }
    };

    /** ReadFile fills the region (the kernel's copy out), WriteFile reads it (the kernel's copy in). */
    private static final Route FILES = new Route() {
        @Override
        public void write(WinProcess p, long base) {
            byte[] content = new byte[PAGES * PAGE];
            for (int i = 0; i < PAGES; i++) {
                int v = value(i);
                for (int b = 0; b < 4; b++) {
                    content[i * PAGE + b] = (byte) (v >>> 8 * b);
                }
            }
            p.machine().files().write("C:\\in.bin", content);
            Kernel32 k = p.kernel32();
            long h = k.CreateFile("C:\\in.bin", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0);
            IntByReference done = new IntByReference();
            assertThat(k.ReadFile(h, base, PAGES * PAGE, done, 0)).isTrue();
            assertThat(done.getValue()).isEqualTo(PAGES * PAGE);
            k.CloseHandle(h);
        }

        @Override
        public int[] read(WinProcess p, long base) {
            Kernel32 k = p.kernel32();
            long h = k.CreateFile("C:\\out.bin", GENERIC_READ | GENERIC_WRITE, 0, null, CREATE_ALWAYS, 0, 0);
            IntByReference done = new IntByReference();
            assertThat(k.WriteFile(h, base, PAGES * PAGE, done, 0)).isTrue();
            k.CloseHandle(h);
            byte[] written = p.machine().files().read("C:\\out.bin");
            int[] out = new int[PAGES];
            for (int i = 0; i < PAGES; i++) {
                for (int b = 0; b < 4; b++) {
                    out[i] |= (written[i * PAGE + b] & 0xFF) << 8 * b;
                }
            }
            return out;
        }
    };

    /** The heap manager's route to its headers: KernelAccess, under the machine lock. */
    private static final Route HEAP_MANAGER = new Route() {
        @Override
        public void write(WinProcess p, long base) {
            underLock(p, k -> {
                for (int i = 0; i < PAGES; i++) {
                    k.writeInt(base + (long) i * PAGE, value(i));
                }
                return null;
            });
        }

        @Override
        public int[] read(WinProcess p, long base) {
            return underLock(p, k -> {
                int[] out = new int[PAGES];
                for (int i = 0; i < PAGES; i++) {
                    out[i] = k.readInt(base + (long) i * PAGE);
                }
                return out;
            });
        }
    };

    private static <T> T underLock(WinProcess p, Function<KernelAccess, T> work) {
        SimProcess sp = (SimProcess) p;
        sp.lock().lock();
        try {
            return work.apply(sp.kernelAccess());
        } finally {
            sp.lock().unlock();
        }
    }

    /** What a run through one route leaves: the process's and the machine's paging counters, in stages. */
    private static Map<String, Long> run(Route route) {
        Map<String, Long> seen = new LinkedHashMap<>();
        try (Machine m = Machine.create(MachineConfig.x86().ramBytes(2L << 20).pageFileBytes(16L << 20).seed(7))) {
            WinProcess p = m.createProcess();
            long base = p.kernel32().VirtualAlloc(0, (long) PAGES * PAGE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
            assertThat(base).isNotZero();
            record(seen, "committed", p, m);
            route.write(p, base);
            record(seen, "written", p, m);
            int[] back = route.read(p, base);
            for (int i = 0; i < PAGES; i++) {
                assertThat(back[i]).as("page %d read back", i).isEqualTo(value(i));
            }
            record(seen, "read back", p, m);
            PageInfo last = p.inspector().page(base + (long) (PAGES - 1) * PAGE);
            seen.put("last page resident", last.resident() ? 1L : 0L);
            seen.put("last page dirty", last.dirty() ? 1L : 0L);
        }
        return seen;
    }

    private static void record(Map<String, Long> seen, String stage, WinProcess p, Machine m) {
        ProcessCounters pc = p.inspector().counters();
        MachineCounters mc = m.inspector().counters();
        seen.put(stage + ": soft faults", pc.pageFaults());
        seen.put(stage + ": hard faults", pc.hardFaults());
        seen.put(stage + ": working set", pc.workingSetBytes());
        seen.put(stage + ": paging-file writes", mc.pageFileWrites());
        seen.put(stage + ": paging-file reads", mc.pageFileReads());
    }

    @Test
    void aPageCostsTheSameFaultsAndEvictionsWhoeverTouchesIt() {
        Map<String, Long> program = run(PROGRAM);
        assertThat(run(FILES)).as("ReadFile/WriteFile's copies against the program's stores")
                .containsExactlyEntriesOf(program);
        assertThat(run(HEAP_MANAGER)).as("the heap manager's accesses against the program's stores")
                .containsExactlyEntriesOf(program);
    }

    @Test
    void theFirstTouchOfAPageIsOneSoftFaultAndMakesItResidentByAnyRoute() {
        for (Route route : new Route[] {PROGRAM, FILES, HEAP_MANAGER}) {
            Map<String, Long> seen = run(route);
            assertThat(seen.get("written: soft faults") - seen.get("committed: soft faults"))
                    .as("soft faults of writing %d fresh pages", PAGES).isEqualTo(PAGES);
            assertThat(seen.get("written: paging-file writes")).as("the clock evicted dirty pages").isPositive();
            assertThat(seen.get("read back: hard faults")).as("evicted pages come back by hard faults").isPositive();
        }
    }
}
