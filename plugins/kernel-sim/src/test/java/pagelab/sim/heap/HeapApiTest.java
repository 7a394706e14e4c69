package pagelab.sim.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_HANDLE;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOT_ENOUGH_MEMORY;
import static pagelab.kernel.WinNT.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.WinProcess;

/** The documented rules of chapter 18's heap functions and the errors Windows gives, through the public SPI. */
class HeapApiTest {
    private static final int DEADBEEF = 0xDEADBEEF;

    private Machine machine;
    private WinProcess p;
    private Kernel32 k;
    private Memory mem;

    private void start(boolean x64) {
        machine = Machine.create((x64 ? MachineConfig.x64() : MachineConfig.x86()).traceCalls(false));
        p = machine.createProcess();
        k = p.kernel32();
        mem = p.memory();
    }

    @AfterEach
    void close() {
        if (machine != null) {
            machine.close();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void heapAllocAlignsToTwoPointers(boolean x64) {
        start(x64);
        long heap = k.GetProcessHeap();
        int align = x64 ? 16 : 8;
        long any = 0;
        for (int size = 0; size < 100; size++) {
            long a = k.HeapAlloc(heap, 0, size);
            assertThat(a).as("HeapAlloc(%d)", size).isNotZero();
            assertThat(a % align).as("alignment of %#x", a).isZero();
            any |= a;
        }
        // Blocks are aligned to exactly two pointers, not more: some address has that bit set.
        assertThat(any & align).isNotZero();
    }

    @Test
    void processHeapIsTheFirstOfGetProcessHeapsAndAHeapIsAlignedTo64K() {
        start(false);
        long heap = k.HeapCreate(0, 0, 0);
        assertThat(heap).isNotZero();
        assertThat(heap & 0xFFFF).isZero();
        long[] heaps = new long[8];
        assertThat(k.GetProcessHeaps(heaps.length, heaps)).isEqualTo(2);
        assertThat(heaps[0]).isEqualTo(k.GetProcessHeap());
        assertThat(heaps[1]).isEqualTo(heap);
        assertThat(k.HeapDestroy(heap)).isTrue();
        assertThat(k.GetProcessHeaps(0, null)).isEqualTo(1);
    }

    @Test
    void getProcessHeapsStoresNothingWhenTheArrayIsTooSmall() {
        start(false);
        k.HeapCreate(0, 0, 0);
        long[] one = {7};
        assertThat(k.GetProcessHeaps(1, one)).isEqualTo(2);
        assertThat(one[0]).isEqualTo(7);
    }

    @Test
    void heapCreateCommitsTheInitialSizeRoundedToPagesAndReservesTheMaximum() {
        start(false);
        long heap = k.HeapCreate(0, 0x2001, 0x30000);
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        k.VirtualQuery(heap, mbi);
        assertThat(mbi.State).isEqualTo(MEM_COMMIT);
        assertThat(mbi.RegionSize).as("committed part").isEqualTo(0x3000);
        assertThat(mbi.Protect).isEqualTo(PAGE_READWRITE);
        assertThat(mbi.Type).isEqualTo(MEM_PRIVATE);
        k.VirtualQuery(heap + 0x3000, mbi);
        assertThat(mbi.State).isEqualTo(MEM_RESERVE);
        assertThat(mbi.RegionSize).as("reserved rest").isEqualTo(0x30000 - 0x3000);
    }

    @Test
    void heapCreateEnableExecuteMakesExecutablePages() {
        start(false);
        long heap = k.HeapCreate(HEAP_CREATE_ENABLE_EXECUTE, 0, 0);
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        k.VirtualQuery(heap, mbi);
        assertThat(mbi.Protect).isEqualTo(PAGE_EXECUTE_READWRITE);
        long code = k.HeapAlloc(heap, 0, 16);
        mem.execute(code); // no DEP fault
    }

    @Test
    void heapCreateWithAnImpossibleSizeFailsWithNotEnoughMemory() {
        start(false);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapCreate(0, 0x7FFF0000L, 0)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapCreate(0, -1, 0)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
    }

    @Test
    void heapSizeIsTheRequestedSizeAndZeroBytesIsAValidBlock() {
        start(false);
        long heap = k.GetProcessHeap();
        long zero = k.HeapAlloc(heap, 0, 0);
        assertThat(zero).isNotZero();
        assertThat(k.HeapSize(heap, 0, zero)).isZero();
        long a = k.HeapAlloc(heap, 0, 13);
        assertThat(k.HeapSize(heap, 0, a)).isEqualTo(13);
        assertThat(a).isNotEqualTo(zero);
    }

    @Test
    void heapZeroMemoryZeroesAReusedBlock() {
        start(false);
        long heap = k.HeapCreate(0, 0, 0);
        long a = k.HeapAlloc(heap, 0, 64);
        mem.setMemory(a, 64, (byte) 0x5A);
        k.HeapFree(heap, 0, a);
        long b = k.HeapAlloc(heap, HEAP_ZERO_MEMORY, 64);
        assertThat(b).as("the freed block is reused").isEqualTo(a);
        for (int i = 0; i < 64; i++) {
            assertThat(mem.getByte(b + i)).isZero();
        }
    }

    @Test
    void freedBlocksAreReusedAndCoalescedWithTheirNeighbours() {
        start(false);
        long heap = k.HeapCreate(0, 0, 0);
        long a = k.HeapAlloc(heap, 0, 100);
        long b = k.HeapAlloc(heap, 0, 100);
        long c = k.HeapAlloc(heap, 0, 100);
        long guard = k.HeapAlloc(heap, 0, 8);
        assertThat(k.HeapFree(heap, 0, a)).isTrue();
        assertThat(k.HeapFree(heap, 0, c)).isTrue();
        assertThat(k.HeapFree(heap, 0, b)).isTrue();
        // a, b and c are one free block now: 300 bytes fit where a was.
        assertThat(k.HeapAlloc(heap, 0, 300)).isEqualTo(a);
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
        assertThat(k.HeapFree(heap, 0, guard)).isTrue();
    }

    @Test
    void heapFreeOfNullSucceedsAndADoubleFreeFailsWithInvalidParameter() {
        start(false);
        long heap = k.GetProcessHeap();
        assertThat(k.HeapFree(heap, 0, 0)).isTrue();
        long a = k.HeapAlloc(heap, 0, 32);
        assertThat(k.HeapFree(heap, 0, a)).isTrue();
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapFree(heap, 0, a)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapFree(heap, 0, a + 8)).as("a pointer inside no block").isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
    }

    @Test
    void badHeapHandlesGiveTheErrorsWindowsGives() {
        start(false);
        long bogus = 0x12340000L;
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapAlloc(bogus, 0, 8)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapFree(bogus, 0, 0x5000)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapSize(bogus, 0, 0x5000)).isEqualTo(-1);
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapReAlloc(bogus, 0, 0x5000, 8)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapValidate(bogus, 0, 0)).isFalse();
        assertThat(k.GetLastError()).as("HeapValidate sets no error").isEqualTo(DEADBEEF);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapDestroy(bogus)).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
    }

    @Test
    void theProcessHeapCannotBeDestroyed() {
        start(false);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapDestroy(k.GetProcessHeap())).isFalse();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
        assertThat(k.HeapAlloc(k.GetProcessHeap(), 0, 8)).isNotZero();
    }

    @Test
    void aDestroyedHeapIsGoneFromTheAddressSpaceAndItsHandleIsInvalid() {
        start(false);
        long heap = k.HeapCreate(0, 0x10000, 0);
        long a = k.HeapAlloc(heap, 0, 2_000_000); // a large block: its own region
        assertThat(k.HeapDestroy(heap)).isTrue();
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        k.VirtualQuery(heap, mbi);
        assertThat(mbi.State).isEqualTo(MEM_FREE);
        k.VirtualQuery(a, mbi);
        assertThat(mbi.State).isEqualTo(MEM_FREE);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapAlloc(heap, 0, 8)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_HANDLE);
        assertThat(k.HeapDestroy(heap)).isFalse();
    }

    @Test
    void hugeRequestsFailWithNotEnoughMemory() {
        start(false);
        long heap = k.GetProcessHeap();
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapAlloc(heap, 0, -1)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
        k.SetLastError(DEADBEEF);
        assertThat(k.HeapAlloc(heap, 0, 0x7FFF0000L)).isZero();
        assertThat(k.GetLastError()).isEqualTo(ERROR_NOT_ENOUGH_MEMORY);
    }

    @Test
    void heapGenerateExceptionsRaisesStatusNoMemory() {
        start(false);
        long heap = k.HeapCreate(0, 0x1000, 0x10000);
        int[] code = {0};
        p.seh().tryExcept(() -> k.HeapAlloc(heap, HEAP_GENERATE_EXCEPTIONS, 0x20000),
                (EXCEPTION_RECORD r) -> EXCEPTION_EXECUTE_HANDLER, r -> code[0] = r.ExceptionCode);
        assertThat(code[0]).isEqualTo(STATUS_NO_MEMORY);
    }

    @Test
    void aHeapCreatedWithGenerateExceptionsRaisesOnEveryFailedAllocation() {
        start(false);
        long heap = k.HeapCreate(HEAP_GENERATE_EXCEPTIONS, 0x1000, 0x10000);
        int[] code = {0};
        p.seh().tryExcept(() -> k.HeapAlloc(heap, 0, 0x20000),
                (EXCEPTION_RECORD r) -> EXCEPTION_EXECUTE_HANDLER, r -> code[0] = r.ExceptionCode);
        assertThat(code[0]).isEqualTo(STATUS_NO_MEMORY);
    }

    @Test
    void noSerializeHeapsWorkLikeOthers() {
        start(false);
        long heap = k.HeapCreate(HEAP_NO_SERIALIZE, 0, 0);
        long a = k.HeapAlloc(heap, HEAP_NO_SERIALIZE, 24);
        assertThat(k.HeapSize(heap, HEAP_NO_SERIALIZE, a)).isEqualTo(24);
        assertThat(k.HeapFree(heap, 0, a)).isTrue();
    }

    @Test
    void heapsAreSerialisedAcrossThreads() throws Exception {
        start(false);
        long heap = k.HeapCreate(0, 0, 0);
        Set<Long> seen = java.util.Collections.synchronizedSet(new HashSet<>());
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                boolean good = true;
                for (int i = 0; i < 200; i++) {
                    long a = k.HeapAlloc(heap, 0, 16 + i % 64);
                    good &= a != 0 && seen.add(a);
                    seen.remove(a); // before the free: another thread may get the same block right after it
                    good &= k.HeapFree(heap, 0, a);
                }
                ok[id] = good;
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok).containsOnly(true);
        assertThat(k.HeapValidate(heap, 0, 0)).isTrue();
    }
}
