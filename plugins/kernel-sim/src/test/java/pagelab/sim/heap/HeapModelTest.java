package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.HEAP_REALLOC_IN_PLACE_ONLY;
import static pagelab.kernel.WinNT.HEAP_ZERO_MEMORY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinProcess;

/**
 * Model-based: random HeapAlloc / HeapReAlloc / HeapFree sequences against a model of the live blocks. Blocks
 * never overlap, every live byte keeps the pattern written into it, HEAP_ZERO_MEMORY bytes read as zero, the heap
 * stays valid, and HeapDestroy returns the process's private commit to what it was before HeapCreate.
 * A failure names its seed so that it can be replayed.
 */
class HeapModelTest {
    private static final int OPS = 1500;

    /** A live block in the model: its size and the seed of the pattern in its bytes. */
    private record Live(long size, int seed) {
    }

    /** Seeds run per architecture; odd seeds use a fixed-size heap, even ones a growable heap. */
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 77, 20261128};

    @ParameterizedTest(name = "x64={0}")
    @ValueSource(booleans = {false, true})
    void randomSequencesKeepEveryLiveByte(boolean x64) {
        // One machine per architecture, one fresh process per seed: machine start-up is the slow part.
        try (Machine m = Machine.create((x64 ? MachineConfig.x64() : MachineConfig.x86()).traceCalls(false))) {
            for (long seed : SEEDS) {
                boolean fixed = seed % 2 == 1;
                try {
                    run(m.createProcess(), new Random(seed), fixed);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("HeapModelTest failed with seed " + seed + " x64=" + x64 + " fixed="
                            + fixed + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void run(WinProcess p, Random rnd, boolean fixed) {
        Kernel32 k = p.kernel32();
        Memory mem = p.memory();
        long baseline = p.inspector().counters().privateCommitBytes();
        long heap = fixed ? k.HeapCreate(0, 0x8000, 0x200000) : k.HeapCreate(0, 0, 0);
        assertThat(heap).isNotZero();
        TreeMap<Long, Live> live = new TreeMap<>();
        for (int op = 0; op < OPS; op++) {
            int what = rnd.nextInt(10);
            if (what < 5 || live.isEmpty()) {
                alloc(k, mem, heap, rnd, live);
            } else if (what < 7) {
                realloc(k, mem, heap, rnd, live);
            } else {
                long a = pick(rnd, live);
                checkPattern(mem, a, live.get(a), Long.MAX_VALUE);
                assertThat(k.HeapFree(heap, 0, a)).as("HeapFree(%#x) at op %d", a, op).isTrue();
                live.remove(a);
            }
            if (op % 100 == 0) {
                assertThat(k.HeapValidate(heap, 0, 0)).as("HeapValidate at op %d", op).isTrue();
                for (Map.Entry<Long, Live> e : live.entrySet()) {
                    checkPattern(mem, e.getKey(), e.getValue(), Long.MAX_VALUE);
                }
            }
        }
        for (Map.Entry<Long, Live> e : live.entrySet()) {
            checkPattern(mem, e.getKey(), e.getValue(), Long.MAX_VALUE);
            assertThat(k.HeapSize(heap, 0, e.getKey())).isEqualTo(e.getValue().size());
        }
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
        assertThat(k.HeapDestroy(heap)).isTrue();
        assertThat(p.inspector().counters().privateCommitBytes()).as("private commit after HeapDestroy")
                .isEqualTo(baseline);
    }

    private static long size(Random rnd) {
        int kind = rnd.nextInt(100);
        if (kind < 70) {
            return rnd.nextInt(257);
        }
        if (kind < 95) {
            return rnd.nextInt(0x4000);
        }
        return kind < 98 ? rnd.nextInt(0x40000) : 0x80000 + rnd.nextInt(0x80000);
    }

    private void alloc(Kernel32 k, Memory mem, long heap, Random rnd, TreeMap<Long, Live> live) {
        long n = size(rnd);
        boolean zero = rnd.nextInt(4) == 0;
        long a = k.HeapAlloc(heap, zero ? HEAP_ZERO_MEMORY : 0, n);
        if (a == 0) {
            return; // a fixed heap may be full: that is allowed, losing nothing is not
        }
        assertThat(live).as("HeapAlloc returned a live block %#x", a).doesNotContainKey(a);
        if (zero) {
            checkZero(mem, a, n);
        }
        assertNoOverlap(live, a, n);
        Live l = new Live(n, rnd.nextInt());
        writePattern(mem, a, l);
        live.put(a, l);
    }

    private void realloc(Kernel32 k, Memory mem, long heap, Random rnd, TreeMap<Long, Live> live) {
        long a = pick(rnd, live);
        Live old = live.get(a);
        long n = rnd.nextBoolean() ? size(rnd) : Math.max(0, old.size() + rnd.nextInt(200) - 100);
        int flags = (rnd.nextInt(3) == 0 ? HEAP_ZERO_MEMORY : 0) | (rnd.nextInt(4) == 0 ? HEAP_REALLOC_IN_PLACE_ONLY : 0);
        long b = k.HeapReAlloc(heap, flags, a, n);
        if (b == 0) {
            checkPattern(mem, a, old, Long.MAX_VALUE); // failure leaves the block as it was
            return;
        }
        if ((flags & HEAP_REALLOC_IN_PLACE_ONLY) != 0) {
            assertThat(b).isEqualTo(a);
        }
        live.remove(a);
        checkPattern(mem, b, old, n); // the bytes that fit in the new size moved with the block
        if ((flags & HEAP_ZERO_MEMORY) != 0 && n > old.size()) {
            checkZero(mem, b + old.size(), n - old.size());
        }
        assertNoOverlap(live, b, n);
        Live l = new Live(n, rnd.nextInt());
        writePattern(mem, b, l);
        live.put(b, l);
    }

    private static long pick(Random rnd, TreeMap<Long, Live> live) {
        List<Long> keys = new ArrayList<>(live.keySet());
        return keys.get(rnd.nextInt(keys.size()));
    }

    private static void assertNoOverlap(TreeMap<Long, Live> live, long a, long n) {
        Map.Entry<Long, Live> below = live.floorEntry(a);
        if (below != null) {
            assertThat(below.getKey() + Math.max(1, below.getValue().size())).as("block below %#x", a)
                    .isLessThanOrEqualTo(a);
        }
        Map.Entry<Long, Live> above = live.ceilingEntry(a);
        if (above != null) {
            assertThat(a + Math.max(1, n)).as("block above %#x", a).isLessThanOrEqualTo(above.getKey());
        }
    }

    /** Big blocks get their first and last 4 KiB patterned: enough to catch a lost page, cheap to check. */
    private static long[][] spans(long a, long n) {
        if (n <= 0x2000) {
            return new long[][] {{0, n}};
        }
        return new long[][] {{0, 0x1000}, {n - 0x1000, 0x1000}};
    }

    private static void writePattern(Memory mem, long a, Live l) {
        for (long[] s : spans(a, l.size())) {
            byte[] data = new byte[(int) s[1]];
            for (int i = 0; i < data.length; i++) {
                data[i] = patternByte(l.seed(), s[0] + i);
            }
            mem.write(a + s[0], data, 0, data.length);
        }
    }

    /** Checks the patterned bytes of {@code l} below {@code limit}. */
    private static void checkPattern(Memory mem, long a, Live l, long limit) {
        for (long[] s : spans(a, l.size())) {
            if (s[0] >= limit) {
                continue;
            }
            byte[] data = new byte[(int) Math.min(s[1], limit - s[0])];
            mem.read(a + s[0], data, 0, data.length);
            for (int i = 0; i < data.length; i++) {
                if (data[i] != patternByte(l.seed(), s[0] + i)) {
                    throw new AssertionError(String.format("byte %#x of block %#x (size %#x) lost", s[0] + i, a,
                            l.size()));
                }
            }
        }
    }

    private static void checkZero(Memory mem, long a, long n) {
        for (long[] s : spans(a, n)) {
            byte[] data = new byte[(int) s[1]];
            mem.read(a + s[0], data, 0, data.length);
            for (int i = 0; i < data.length; i++) {
                assertThat(data[i]).as("HEAP_ZERO_MEMORY byte %#x of %#x", s[0] + i, a).isZero();
            }
        }
    }

    private static byte patternByte(int seed, long i) {
        return (byte) (seed + i * 31 + (i >>> 8));
    }
}
