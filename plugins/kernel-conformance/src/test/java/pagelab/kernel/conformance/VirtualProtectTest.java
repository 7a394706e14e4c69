package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_ADDRESS;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinNT.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pagelab.kernel.IntByReference;

/**
 * VirtualProtect on private memory. Sources: MSDN VirtualProtect ("lpflOldProtect ... receives the previous access
 * protection value of the first page in the specified region of pages. If this parameter is NULL or does not point to
 * a valid variable, the function fails"; "The region of affected pages includes all pages containing one or more
 * bytes in the range"); Wine dlls/kernel32/tests/virtual.c (test_VirtualAlloc, test_VirtualProtect, test_guard_page);
 * NtProtectVirtualMemory answering STATUS_NOT_COMMITTED / STATUS_CONFLICTING_ADDRESSES (-> ERROR_INVALID_ADDRESS) and
 * STATUS_INVALID_PAGE_PROTECTION (-> ERROR_INVALID_PARAMETER).
 */
class VirtualProtectTest extends KernelTestSupport {

    private final IntByReference old = new IntByReference(DEADBEEF);

    private void failingProtect(long address, long size, int protect, int expectedError) {
        k.SetLastError(DEADBEEF);
        String call = String.format("VirtualProtect(%s, %s, %#x, &old)", hex(address), hex(size), protect);
        assertThat(k.VirtualProtect(address, size, protect, new IntByReference())).as("%s must fail", call).isFalse();
        assertLastError(expectedError, call);
    }

    private int protect(long address, long size, int protect) {
        old.setValue(DEADBEEF);
        assertThat(k.VirtualProtect(address, size, protect, old)).as("VirtualProtect(%s, %s, %#x) (%s)", hex(address),
                hex(size), protect, errorName(k.GetLastError())).isTrue();
        return old.getValue();
    }

    @Test
    void returnsTheOldProtectionAndAppliesTheNewOne() {
        // Wine test_VirtualAlloc: NOACCESS -> READONLY -> READWRITE, each call returning the previous value
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_NOACCESS);
        assertThat(hex(protect(a, 0x1000, PAGE_READONLY))).isEqualTo(hex(PAGE_NOACCESS));
        assertThat(hex(protect(a, 0x1000, PAGE_READWRITE))).isEqualTo(hex(PAGE_READONLY));
        assertRegion(a, a, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        mem.setMemory(a, 20, (byte) 0x55);
        assertThat(hex(mem.getInt(a))).isEqualTo(hex(0x55555555));
    }

    @Test
    void oldProtectionIsThatOfTheFirstPage() {
        // MSDN VirtualProtect: lpflOldProtect receives the previous protection "of the first page"
        long a = reserveCommit(0x3000, PAGE_READWRITE);
        protect(a + 0x1000, 0x1000, PAGE_EXECUTE_READ);
        protect(a + 0x2000, 0x1000, PAGE_NOACCESS);
        assertThat(hex(protect(a, 0x3000, PAGE_READONLY))).isEqualTo(hex(PAGE_READWRITE));
        assertThat(hex(protect(a + 0x1000, 0x2000, PAGE_READWRITE))).isEqualTo(hex(PAGE_READONLY));
        assertRegion(a, a, a, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_READWRITE, 0x2000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void protectingOnePageSplitsTheRegion() {
        long a = reserveCommit(0x5000, PAGE_READWRITE);
        protect(a + 0x2000, 0x1000, PAGE_READONLY);
        assertRegion(a, a, a, PAGE_READWRITE, 0x2000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        assertRegion(a + 0x2000, a + 0x2000, a, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
        assertRegion(a + 0x3000, a + 0x3000, a, PAGE_READWRITE, 0x2000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void rangeCoversEveryPageTouched() {
        // MSDN VirtualProtect: "all pages containing one or more bytes in the range from lpAddress to
        // (lpAddress+dwSize)"
        long a = reserveCommit(0x4000, PAGE_READWRITE);
        protect(a + 0xFFF, 2, PAGE_READONLY);
        assertRegion(a, a, a, PAGE_READWRITE, 0x2000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
        assertRegion(a + 0x2000, a + 0x2000, a, PAGE_READWRITE, 0x2000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void reservedOnlyRangeFailsWithInvalidAddress() {
        // Wine test_VirtualAlloc: "VirtualProtect should fail on a not committed memory" -> ERROR_INVALID_ADDRESS
        long a = reserve(0xFFFC, PAGE_NOACCESS);
        failingProtect(a, 0xFFFC, PAGE_READONLY, ERROR_INVALID_ADDRESS);
    }

    @Test
    void rangeSpanningUncommittedPagesFailsAndChangesNothing() {
        // Wine test_VirtualAlloc: "this should fail, since not the whole range is committed yet"
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_NOACCESS);
        failingProtect(a, 0xFFFC, PAGE_READONLY, ERROR_INVALID_ADDRESS);
        assertThat(hex(query(a).Protect)).as("first page unchanged").isEqualTo(hex(PAGE_NOACCESS));
    }

    @Test
    void freeMemoryFailsWithInvalidAddress() {
        long free = freeAddress(0x10000);
        failingProtect(free, 0x1000, PAGE_READWRITE, ERROR_INVALID_ADDRESS);
    }

    @Test
    void rangeSpanningTwoAllocationsFailsWithInvalidAddress() {
        // NtProtectVirtualMemory: the range must lie in one allocation (STATUS_CONFLICTING_ADDRESSES)
        long free = freeAddress(0x20000);
        alloc(free, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        alloc(free + 0x10000, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        failingProtect(free + 0xF000, 0x2000, PAGE_READONLY, ERROR_INVALID_ADDRESS);
        assertThat(hex(query(free + 0xF000).Protect)).as("unchanged").isEqualTo(hex(PAGE_READWRITE));
    }

    @Test
    void rangeRunningFromAnAllocationIntoFreeMemoryFailsWithInvalidAddress() {
        long free = freeAddress(0x20000);
        alloc(free, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        failingProtect(free + 0xF000, 0x2000, PAGE_READONLY, ERROR_INVALID_ADDRESS);
    }

    @Test
    void nullOldProtectFailsWithNoAccessAndChangesNothing() {
        // Wine test_VirtualProtect: VirtualProtect(base, page, PAGE_READONLY, NULL) -> ERROR_NOACCESS, and the next
        // call still reports PAGE_NOACCESS as the old protection
        long a = reserveCommit(0x1000, PAGE_NOACCESS);
        k.SetLastError(DEADBEEF);
        assertThat(k.VirtualProtect(a, 0x1000, PAGE_READONLY, null)).isFalse();
        assertLastError(ERROR_NOACCESS, "VirtualProtect(base, page, PAGE_READONLY, NULL)");
        assertThat(hex(protect(a, 0x1000, PAGE_NOACCESS))).isEqualTo(hex(PAGE_NOACCESS));
    }

    @Test
    void guardFlagIsVisibleInProtectAndInTheOldProtection() {
        // Wine test_guard_page: VirtualQuery reports PAGE_READWRITE|PAGE_GUARD and VirtualProtect returns it as old
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        assertThat(hex(protect(a, 0x1000, PAGE_READWRITE | PAGE_GUARD))).isEqualTo(hex(PAGE_READWRITE));
        assertRegion(a, a, a, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD, MEM_PRIVATE);
        assertThat(hex(protect(a, 0x1000, PAGE_READWRITE))).isEqualTo(hex(PAGE_READWRITE | PAGE_GUARD));
    }

    @Test
    void allocationProtectIsNeverChanged() {
        long a = reserveCommit(0x1000, PAGE_READONLY);
        protect(a, 0x1000, PAGE_EXECUTE_READWRITE);
        assertThat(hex(query(a).AllocationProtect)).isEqualTo(hex(PAGE_READONLY));
    }

    static Stream<Arguments> invalidProtections() {
        return Stream.of(
                // Wine test_VirtualProtect table: every value with prot_get 0 fails with ERROR_INVALID_PARAMETER
                Arguments.of("0", 0),
                Arguments.of("PAGE_READONLY|PAGE_NOACCESS", PAGE_READONLY | PAGE_NOACCESS),
                Arguments.of("PAGE_READWRITE|PAGE_READONLY", PAGE_READWRITE | PAGE_READONLY),
                Arguments.of("PAGE_WRITECOPY", PAGE_WRITECOPY),
                Arguments.of("PAGE_EXECUTE_WRITECOPY", PAGE_EXECUTE_WRITECOPY),
                Arguments.of("PAGE_EXECUTE_READ|PAGE_EXECUTE", PAGE_EXECUTE_READ | PAGE_EXECUTE),
                Arguments.of("PAGE_EXECUTE_READWRITE|PAGE_EXECUTE_READ", PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_READ),
                // Wine test_VirtualAlloc: PAGE_READWRITE|PAGE_EXECUTE_WRITECOPY -> ERROR_INVALID_PARAMETER
                Arguments.of("PAGE_READWRITE|PAGE_EXECUTE_WRITECOPY", PAGE_READWRITE | PAGE_EXECUTE_WRITECOPY),
                Arguments.of("PAGE_READONLY|PAGE_EXECUTE", PAGE_READONLY | PAGE_EXECUTE),
                // MSDN Memory Protection Constants: PAGE_GUARD needs a base value and "cannot be used with
                // PAGE_NOACCESS"
                Arguments.of("PAGE_GUARD", PAGE_GUARD),
                Arguments.of("PAGE_GUARD|PAGE_NOACCESS", PAGE_GUARD | PAGE_NOACCESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidProtections")
    void invalidProtectionFailsWithInvalidParameterAndChangesNothing(String name, int protect) {
        long a = reserveCommit(0x1000, PAGE_NOACCESS);
        failingProtect(a, 0x1000, protect, ERROR_INVALID_PARAMETER);
        assertRegion(a, a, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, PAGE_NOACCESS, MEM_PRIVATE);
    }

    static Stream<Arguments> validProtections() {
        return Stream.of(
                // Wine test_VirtualProtect table: these are set and read back unchanged
                Arguments.of("PAGE_NOACCESS", PAGE_NOACCESS),
                Arguments.of("PAGE_READONLY", PAGE_READONLY),
                Arguments.of("PAGE_READWRITE", PAGE_READWRITE),
                Arguments.of("PAGE_EXECUTE", PAGE_EXECUTE),
                Arguments.of("PAGE_EXECUTE_READ", PAGE_EXECUTE_READ),
                Arguments.of("PAGE_EXECUTE_READWRITE", PAGE_EXECUTE_READWRITE),
                Arguments.of("PAGE_READONLY|PAGE_GUARD", PAGE_READONLY | PAGE_GUARD),
                Arguments.of("PAGE_EXECUTE_READ|PAGE_GUARD", PAGE_EXECUTE_READ | PAGE_GUARD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validProtections")
    void validProtectionRoundTrips(String name, int protect) {
        // Wine test_VirtualProtect: set from PAGE_NOACCESS, old is PAGE_NOACCESS, VirtualQuery shows the new value,
        // setting PAGE_NOACCESS again returns it as old
        long a = reserveCommit(0x1000, PAGE_NOACCESS);
        assertThat(hex(protect(a, 0x1000, protect))).isEqualTo(hex(PAGE_NOACCESS));
        assertRegion(a, a, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, protect, MEM_PRIVATE);
        assertThat(hex(protect(a, 0x1000, PAGE_NOACCESS))).isEqualTo(hex(protect));
    }

    @Test
    void noAccessMakesReadsFault() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        protect(a, 0x1000, PAGE_NOACCESS);
        assertAccessViolation(faultOf(() -> mem.getByte(a + 5)), EXCEPTION_READ_FAULT, a + 5);
    }

    @Test
    void readOnlyMakesWritesFaultButKeepsTheContent() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, 0x01020304);
        protect(a, 0x1000, PAGE_READONLY);
        assertAccessViolation(faultOf(() -> mem.setInt(a, 0)), EXCEPTION_WRITE_FAULT, a);
        assertThat(hex(mem.getInt(a))).isEqualTo(hex(0x01020304));
    }

    @Test
    void largeAddressAwareProcessCanProtectAbove2GiB() {
        switchTo(pagelab.kernel.MachineConfig.x86().largeAddressAware(true));
        long a = alloc(0xA0000000L, 0x2000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        assertThat(hex(protect(a + 0x1000, 0x1000, PAGE_READONLY))).isEqualTo(hex(PAGE_READWRITE));
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
    }

    @Test
    void copyOnWriteOnFreeMemoryFailsWithInvalidAddress() {
        // NtProtectVirtualMemory (WRK / ReactOS MiProtectVirtualMemory): the allocation lookup comes before the
        // private-memory copy-on-write check, so no allocation -> STATUS_CONFLICTING_ADDRESSES
        long free = freeAddress(0x10000);
        failingProtect(free, 0x1000, PAGE_WRITECOPY, ERROR_INVALID_ADDRESS);
    }

    @Test
    void copyOnWriteOnReservedPrivatePagesFailsWithInvalidParameter() {
        // MiProtectVirtualMemory: for private memory the copy-on-write check (STATUS_INVALID_PAGE_PROTECTION) comes
        // before the committed check (STATUS_NOT_COMMITTED)
        long a = reserve(0x10000, PAGE_READWRITE);
        failingProtect(a, 0x1000, PAGE_WRITECOPY, ERROR_INVALID_PARAMETER);
    }

    @Test
    void invalidProtectionOnFreeMemoryFailsWithInvalidParameter() {
        // NtProtectVirtualMemory validates the protection (MiMakeProtectionMask) before looking at the address
        long free = freeAddress(0x10000);
        failingProtect(free, 0x1000, PAGE_READONLY | PAGE_READWRITE, ERROR_INVALID_PARAMETER);
        failingProtect(free, 0x1000, PAGE_GUARD | PAGE_NOACCESS, ERROR_INVALID_PARAMETER);
    }
}
