package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;

/**
 * Bad input never crashes: random flags, sizes, handles and pointers (block addresses off by a little, huge,
 * negative) go to every heap function; no Java exception escapes and the heaps stay valid.
 */
class HeapHostileArgumentsTest {
    private static final long[] SIZES = {0, 1, -1, -8, Long.MAX_VALUE, Long.MIN_VALUE, 0x7FFFFFFFL, 0xFFFFFFFFL,
        0x100000000L, 0x7FFF8, 0xFFFF0, 0x1000, 17};

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void randomArgumentsNeverThrow(boolean x64) {
        long seed = x64 ? 64 : 32;
        Random rnd = new Random(seed);
        try (Machine m = Machine.create((x64 ? MachineConfig.x64() : MachineConfig.x86()).traceCalls(false))) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long mine = k.HeapCreate(0, 0, 0);
            long[] handles = {k.GetProcessHeap(), mine, 0, -1, 0x12345678L, mine + 8};
            long block = k.HeapAlloc(mine, 0, 40);
            for (int i = 0; i < 3000; i++) {
                long h = handles[rnd.nextInt(handles.length)];
                int flags = rnd.nextInt(4) == 0 ? rnd.nextInt() : rnd.nextInt(0x20) & ~WinNT.HEAP_GENERATE_EXCEPTIONS;
                flags &= ~WinNT.HEAP_GENERATE_EXCEPTIONS; // raising is tested elsewhere; here calls must return
                long size = rnd.nextBoolean() ? SIZES[rnd.nextInt(SIZES.length)] : rnd.nextInt(5000);
                long ptr = rnd.nextBoolean() ? block + rnd.nextInt(64) - 32 : rnd.nextLong();
                switch (rnd.nextInt(7)) {
                    case 0 -> k.HeapAlloc(h, flags, size);
                    case 1 -> k.HeapReAlloc(h, flags, ptr, size);
                    case 2 -> k.HeapFree(h, flags, ptr);
                    case 3 -> k.HeapSize(h, flags, ptr);
                    case 4 -> k.HeapValidate(h, flags, ptr);
                    case 5 -> k.HeapCompact(h, flags);
                    default -> k.HeapCreate(flags, size, rnd.nextBoolean() ? 0 : size);
                }
            }
            assertThat(k.HeapValidate(k.GetProcessHeap(), 0, 0)).isTrue();
            assertThat(k.HeapValidate(mine, 0, 0)).as("seed %d", seed).isTrue();
        }
    }
}
