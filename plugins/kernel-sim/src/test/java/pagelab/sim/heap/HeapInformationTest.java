package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pagelab.kernel.WinError.ERROR_GEN_FAILURE;
import static pagelab.kernel.WinError.ERROR_INSUFFICIENT_BUFFER;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.HeapCompatibilityInformation;
import static pagelab.kernel.WinNT.HeapEnableTerminationOnCorruption;
import static pagelab.kernel.WinNT.HeapOptimizeResources;
import static pagelab.kernel.WinNT.STATUS_HEAP_CORRUPTION;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.WinProcess;

/**
 * HeapSetInformation and HeapQueryInformation: the low-fragmentation heap and terminate-on-corruption (the seed
 * notes' "转换为低碎片堆: HeapSetInformation" and {@code HeapSetInformation(NULL, HeapEnableTerminationOnCorruption,
 * NULL, 0)}). The sequences and errors are those of Wine's kernel32 heap tests, which pass on Windows.
 */
class HeapInformationTest {
    private static final int DEADBEEF = 0xDEADBEEF;

    private Machine machine;
    private WinProcess p;
    private Kernel32 k;

    private void start(boolean x64) {
        machine = Machine.create((x64 ? MachineConfig.x64() : MachineConfig.x86()).traceCalls(false));
        p = machine.createProcess();
        k = p.kernel32();
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    private int compatibility(long heap) {
        IntByReference info = new IntByReference(DEADBEEF);
        LongByReference size = new LongByReference();
        assertThat(k.HeapQueryInformation(heap, HeapCompatibilityInformation, info, 4, size))
                .as("HeapQueryInformation, error %d", k.GetLastError()).isTrue();
        assertThat(size.getValue()).isEqualTo(4);
        return info.getValue();
    }

    private boolean set(long heap, int value) {
        k.SetLastError(DEADBEEF);
        return k.HeapSetInformation(heap, HeapCompatibilityInformation, new IntByReference(value), 4);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void queryChecksTheHeapAndTheBufferAsWindowsDoes(boolean x64) {
        start(x64);
        long heap = k.HeapCreate(0, 0, 0);
        IntByReference info = new IntByReference(DEADBEEF);
        LongByReference size = new LongByReference();

        k.SetLastError(DEADBEEF);
        assertThat(k.HeapQueryInformation(0, HeapCompatibilityInformation, info, 4, size)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOACCESS);
        assertThat(size.getValue()).isZero();

        k.SetLastError(DEADBEEF);
        assertThat(k.HeapQueryInformation(heap, HeapCompatibilityInformation, null, 0, size)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INSUFFICIENT_BUFFER);
        assertThat(size.getValue()).as("the size it needs").isEqualTo(4);

        k.SetLastError(DEADBEEF);
        assertThat(k.HeapQueryInformation(heap, HeapCompatibilityInformation, null, 0, null)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INSUFFICIENT_BUFFER);

        assertThat(k.HeapQueryInformation(heap, HeapCompatibilityInformation, info, 5, null)).isTrue();
        assertThat(info.getValue()).as("a fresh heap is a standard heap").isZero();

        k.SetLastError(DEADBEEF);
        assertThat(k.HeapQueryInformation(heap, HeapEnableTerminationOnCorruption, info, 4, size)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theLowFragmentationHeapCanBeAskedForOnceAndNeverUndone(boolean x64) {
        start(x64);
        long heap = k.HeapCreate(0, 0, 0);
        assertThat(compatibility(heap)).isZero();
        assertThat(set(heap, 2)).isTrue();
        assertThat(compatibility(heap)).isEqualTo(2);

        for (int value : new int[] {0, 1, 2}) {
            assertThat(set(heap, value)).as("set %d after the LFH", value).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_GEN_FAILURE);
        }
        assertThat(compatibility(heap)).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void unserialisedAndFixedSizeHeapsCannotHaveIt(boolean x64) {
        start(x64);
        long unserialised = k.HeapCreate(HEAP_NO_SERIALIZE, 0, 0);
        assertThat(set(unserialised, 2)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(compatibility(unserialised)).isZero();

        long fixed = k.HeapCreate(0, 0x10000, 0x100000);
        assertThat(set(fixed, 2)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(compatibility(fixed)).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eighteenRequestsOfOneSizeTurnItOnByThemselves(boolean x64) {
        start(x64);
        long heap = k.HeapCreate(0, 0, 0);
        long[] blocks = new long[0x12];
        for (int i = 0; i < blocks.length - 1; i++) {
            blocks[i] = k.HeapAlloc(heap, 0, 0);
        }
        assertThat(compatibility(heap)).as("after 17").isZero();
        blocks[blocks.length - 1] = k.HeapAlloc(heap, 0, 0);
        for (long b : blocks) {
            assertThat(k.HeapFree(heap, 0, b)).isTrue();
        }
        assertThat(compatibility(heap)).as("after 18").isEqualTo(2);

        // Turned on by the heap itself, it cannot be asked for again either (Wine's rule).
        assertThat(set(heap, 2)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_GEN_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void badArgumentsToSetGetWindowsErrors(boolean x64) {
        start(x64);
        long heap = k.HeapCreate(0, 0, 0);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapSetInformation(heap, HeapCompatibilityInformation, new IntByReference(2), 3)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INSUFFICIENT_BUFFER);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapSetInformation(heap, HeapCompatibilityInformation, null, 4)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOACCESS);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapSetInformation(heap, HeapOptimizeResources, null, 0)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapSetInformation(0x1234_0000L, HeapCompatibilityInformation, new IntByReference(2), 4))
                .isFalse();
        assertThat(k.GetLastError()).isEqualTo(pagelab.kernel.WinError.ERROR_INVALID_HANDLE);
        assertThat(compatibility(heap)).isZero();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutTerminationACorruptBlockIsOnlyAnError(boolean x64) {
        start(x64);
        long heap = k.GetProcessHeap();
        long a = k.HeapAlloc(heap, 0, 24);
        p.memory().setLong(a - 8, -1L); // overwrite the block's header, as an underrun of the block before it would
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapFree(heap, 0, a)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(p.isAlive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void terminationOnCorruptionEndsTheProcessWhenAHeaderWasOverwritten(boolean x64) {
        start(x64);
        assertThat(k.HeapSetInformation(0, HeapEnableTerminationOnCorruption, null, 0)).isTrue();
        long heap = k.GetProcessHeap();
        long a = k.HeapAlloc(heap, 0, 24);
        p.memory().setLong(a - 8, -1L);
        assertThatThrownBy(() -> k.HeapFree(heap, 0, a)).isInstanceOf(ProcessTerminatedException.class)
                .hasMessageContaining("heap corruption").hasMessageContaining("overwritten");
        assertThat(p.isAlive()).isFalse();
        assertThat(p.exitCode()).isEqualTo(STATUS_HEAP_CORRUPTION);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void terminationOnCorruptionCatchesADoubleFreeOfAKeptBlock(boolean x64) {
        start(x64);
        long heap = k.HeapCreate(0, 0, 0);
        for (int i = 0; i < 0x12; i++) {
            k.HeapFree(heap, 0, k.HeapAlloc(heap, 0, 32)); // the front end now keeps 32-byte blocks
        }
        long a = k.HeapAlloc(heap, 0, 32);
        assertThat(k.HeapFree(heap, 0, a)).isTrue();
        assertThat(k.HeapFree(heap, 0, a)).as("double free, no termination asked for").isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);

        assertThat(k.HeapSetInformation(heap, HeapEnableTerminationOnCorruption, null, 0)).isTrue();
        assertThatThrownBy(() -> k.HeapFree(heap, 0, a)).isInstanceOf(ProcessTerminatedException.class)
                .hasMessageContaining("freed twice");
        assertThat(p.exitCode()).isEqualTo(STATUS_HEAP_CORRUPTION);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aPointerThatIsNoBlockIsAnErrorEvenWithTermination(boolean x64) {
        start(x64);
        assertThat(k.HeapSetInformation(0, HeapEnableTerminationOnCorruption, null, 0)).isTrue();
        long heap = k.GetProcessHeap();
        long a = k.HeapAlloc(heap, 0, 64);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapFree(heap, 0, a + 16)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        assertThat(p.isAlive()).isTrue();
    }
}
