package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_ADDRESS;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinNT.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;

/**
 * VirtualAlloc on a fresh x86 process. Sources: MSDN VirtualAlloc and "Memory Protection Constants"; Wine
 * dlls/kernel32/tests/virtual.c (test_VirtualAlloc, test_VirtualAlloc_protection, test_VirtualProtect) and
 * dlls/ntdll/tests/virtual.c (test_NtAllocateVirtualMemory), which record what Windows answered; NTSTATUS to Win32
 * error mapping as in Wine dlls/ntdll/error.c (STATUS_CONFLICTING_ADDRESSES and STATUS_NOT_COMMITTED give
 * ERROR_INVALID_ADDRESS, STATUS_INVALID_PAGE_PROTECTION and STATUS_INVALID_PARAMETER_n give ERROR_INVALID_PARAMETER).
 */
class VirtualAllocTest extends KernelTestSupport {

    // ---- sizes and rounding ----

    @Test
    void zeroSizeFailsWithInvalidParameter() {
        // Wine test_VirtualAlloc: VirtualAlloc(0, 0, MEM_RESERVE, PAGE_NOACCESS) -> NULL, ERROR_INVALID_PARAMETER
        failingAlloc(0, 0, MEM_RESERVE, PAGE_NOACCESS, ERROR_INVALID_PARAMETER);
        failingAlloc(0, 0, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @Test
    void reserveRoundsSizeUpToWholePages() {
        // Wine test_VirtualAlloc: a 0xFFFC-byte reservation is one 0x10000-byte MEM_RESERVE region
        long a = reserve(0xFFFC, PAGE_NOACCESS);
        assertRegion(a, a, a, PAGE_NOACCESS, 0x10000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void reserveOfOneByteReservesOnePage() {
        // MSDN VirtualAlloc: the region covers all pages holding a byte of [lpAddress, lpAddress + dwSize)
        long a = reserve(1, PAGE_READWRITE);
        assertRegion(a, a, a, PAGE_READWRITE, PAGE, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void reserveRoundsBaseDownTo64K() {
        // MSDN VirtualAlloc: "If the memory is being reserved, the specified address is rounded down to the nearest
        // multiple of the allocation granularity."
        long free = freeAddress(0x20000);
        long a = k.VirtualAlloc(free + 0x2345, 0x1000, MEM_RESERVE, PAGE_READWRITE);
        assertThat(hex(a)).as("VirtualAlloc(%s, 0x1000, MEM_RESERVE)", hex(free + 0x2345)).isEqualTo(hex(free));
        // the size rounds up to whole pages covering [base, 0x...3345): 4 pages, not a whole 64 KiB
        assertRegion(free, free, free, PAGE_READWRITE, 0x4000, MEM_RESERVE, 0, MEM_PRIVATE);
        assertThat(hex(query(free + 0x4000).State)).as("State after the reservation").isEqualTo(hex(MEM_FREE));
    }

    @Test
    void reserveCoversEveryPageTouchedByTheRange() {
        // MSDN VirtualAlloc: a 2-byte range straddling a page boundary needs both pages
        long free = freeAddress(0x10000);
        long a = alloc(free + 0xFFF, 2, MEM_RESERVE, PAGE_READWRITE);
        assertThat(hex(a)).isEqualTo(hex(free));
        assertRegion(free, free, free, PAGE_READWRITE, 0x2000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(longs = {1, 0x1000, 0x1001, 0xFFFF, 0x10001, 0x123456, 0x400000})
    void everyReservationIs64KAligned(long size) {
        // Wine test_VirtualAlloc: "memory returned by VirtualAlloc should be aligned to 64k"
        long bottomUp = reserve(size, PAGE_READWRITE);
        long topDown = alloc(0, size, MEM_RESERVE | MEM_TOP_DOWN, PAGE_READWRITE);
        long both = reserveCommit(size, PAGE_READWRITE);
        assertThat(bottomUp % GRANULARITY).as("bottom-up %s", hex(bottomUp)).isZero();
        assertThat(topDown % GRANULARITY).as("top-down %s", hex(topDown)).isZero();
        assertThat(both % GRANULARITY).as("reserve+commit %s", hex(both)).isZero();
    }

    @Test
    void releasedAddressCanBeReservedAgainExactly() {
        // Wine test_VirtualAlloc: after VirtualFree(MEM_RELEASE), VirtualAlloc(addr1, ...) returns addr1 again
        long a = reserveCommit(0x2000, PAGE_EXECUTE_READWRITE);
        release(a);
        assertThat(hex(alloc(a, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_EXECUTE_READWRITE))).isEqualTo(hex(a));
    }

    // ---- committing ----

    @Test
    void commitInsideReservationCommitsOnlyThosePages() {
        // Wine test_VirtualAlloc: committing 0x1000 bytes of a reservation gives a 0x1000 MEM_COMMIT region whose
        // AllocationProtect stays the reservation's
        long a = reserve(0x10000, PAGE_NOACCESS);
        assertThat(hex(k.VirtualAlloc(a + 0x3000, 0x1000, MEM_COMMIT, PAGE_READWRITE))).isEqualTo(hex(a + 0x3000));
        assertRegion(a, a, a, PAGE_NOACCESS, 0x3000, MEM_RESERVE, 0, MEM_PRIVATE);
        assertRegion(a + 0x3000, a + 0x3000, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        assertRegion(a + 0x4000, a + 0x4000, a, PAGE_NOACCESS, 0xC000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void commitReturnsAddressRoundedDownToPage() {
        // MSDN VirtualAlloc: "If the memory is already reserved and is being committed, the address is rounded down
        // to the next page boundary."
        long a = reserve(0x10000, PAGE_NOACCESS);
        assertThat(hex(k.VirtualAlloc(a + 0x1234, 0x10, MEM_COMMIT, PAGE_READWRITE))).isEqualTo(hex(a + 0x1000));
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void commitOfRangeCrossingPageBoundaryCommitsBothPages() {
        // MSDN VirtualAlloc: all pages containing one or more bytes in the range are committed
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a + 0x1FFF, 2, MEM_COMMIT, PAGE_READONLY);
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_NOACCESS, 0x2000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
    }

    @Test
    void commitWithNullAddressReservesAndCommits() {
        // Wine test_VirtualAlloc: VirtualAlloc(NULL, 0x2000, MEM_COMMIT, PAGE_READWRITE) succeeds
        long a = alloc(0, 0x2000, MEM_COMMIT, PAGE_READWRITE);
        assertRegion(a, a, a, PAGE_READWRITE, 0x2000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void reserveAndCommitInOneCall() {
        // MSDN VirtualAlloc: "To reserve and commit pages in one step, call VirtualAlloc with MEM_COMMIT | MEM_RESERVE"
        long a = reserveCommit(0x5000, PAGE_READWRITE);
        assertRegion(a, a, a, PAGE_READWRITE, 0x5000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        assertThat(mem.getInt(a + 0x4FFC)).as("demand-zero page").isZero();
    }

    @Test
    void commitOutsideAnyReservationFailsWithInvalidAddress() {
        // MSDN VirtualAlloc: "Attempting to commit a specific address range by specifying MEM_COMMIT without
        // MEM_RESERVE and a non-NULL lpAddress fails unless the entire range has already been reserved."
        long free = freeAddress(0x10000);
        failingAlloc(free, 0x1000, MEM_COMMIT, PAGE_READWRITE, ERROR_INVALID_ADDRESS);
        assertThat(hex(query(free).State)).isEqualTo(hex(MEM_FREE));
    }

    @Test
    void commitRunningPastTheReservationFailsWithInvalidAddress() {
        // Wine test_VirtualAlloc (MEM_RESET over addr1 + 0xf000, 0x2000) and NtAllocateVirtualMemory: a range that
        // does not fit the reservation is STATUS_CONFLICTING_ADDRESSES -> ERROR_INVALID_ADDRESS
        long a = reserve(0x10000, PAGE_NOACCESS);
        failingAlloc(a + 0xF000, 0x2000, MEM_COMMIT, PAGE_READWRITE, ERROR_INVALID_ADDRESS);
        assertThat(hex(query(a + 0xF000).State)).as("nothing committed").isEqualTo(hex(MEM_RESERVE));
    }

    @Test
    void commitSpanningTwoReservationsFailsWithInvalidAddress() {
        // MSDN VirtualAlloc: the entire range must lie in one reserved region
        long free = freeAddress(0x20000);
        alloc(free, 0x10000, MEM_RESERVE, PAGE_READWRITE);
        alloc(free + 0x10000, 0x10000, MEM_RESERVE, PAGE_READWRITE);
        failingAlloc(free + 0xF000, 0x2000, MEM_COMMIT, PAGE_READWRITE, ERROR_INVALID_ADDRESS);
    }

    @Test
    void recommitOfCommittedPagesSucceedsAndSetsTheNewProtection() {
        // MSDN VirtualAlloc: "An attempt to commit a page that is already committed does not cause the function to
        // fail"; Wine test_VirtualAlloc_protection re-commits; the new protection applies to the whole range
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a, 0x2000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(hex(k.VirtualAlloc(a, 0x3000, MEM_COMMIT, PAGE_READONLY))).isEqualTo(hex(a));
        assertRegion(a, a, a, PAGE_NOACCESS, 0x3000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
    }

    @Test
    void recommitKeepsTheContentOfCommittedPages() {
        // MSDN VirtualAlloc: committing an already committed page does not reset it (only new pages are zeroed)
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        mem.setInt(a + 8, 0x55555555);
        alloc(a, 0x2000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(hex(mem.getInt(a + 8))).isEqualTo(hex(0x55555555));
        assertThat(mem.getInt(a + 0x1008)).as("newly committed page").isZero();
    }

    @Test
    void recommitAfterDecommitReadsZero() {
        // MSDN VirtualAlloc: "Memory allocated by this function is automatically initialized to zero", also after
        // a decommit gave the physical storage back
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, 0x12345678);
        assertThat(k.VirtualFree(a, 0x1000, MEM_DECOMMIT)).isTrue();
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(mem.getInt(a)).isZero();
    }

    // ---- MEM_TOP_DOWN and conflicts ----

    @Test
    void topDownReturnsAHigherAddressThanBottomUp() {
        // MSDN VirtualAlloc: MEM_TOP_DOWN "allocates memory at the highest possible address"
        long bottomUp = reserve(0x10000, PAGE_READWRITE);
        long topDown = alloc(0, 0x10000, MEM_RESERVE | MEM_TOP_DOWN, PAGE_READWRITE);
        assertThat(topDown).as("top-down %s vs bottom-up %s", hex(topDown), hex(bottomUp)).isGreaterThan(bottomUp);
    }

    @Test
    void reservingOverAReservationFailsWithInvalidAddress() {
        // Wine ntdll test_NtAllocateVirtualMemory: "allocation conflicts because of 64k align" -> addr1 + 0x1000
        // rounds down onto addr1: STATUS_CONFLICTING_ADDRESSES -> ERROR_INVALID_ADDRESS
        long a = reserveCommit(0x1000, PAGE_EXECUTE_READWRITE);
        failingAlloc(a, 0x1000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_ADDRESS);
        failingAlloc(a + 0x1000, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_EXECUTE_READWRITE, ERROR_INVALID_ADDRESS);
    }

    @Test
    void reservationOverlappingTheStartOfAnotherFailsWithInvalidAddress() {
        // MSDN VirtualAlloc: a reservation must be entirely free address space
        long free = freeAddress(0x30000);
        alloc(free + 0x10000, 0x10000, MEM_RESERVE, PAGE_READWRITE);
        failingAlloc(free, 0x18000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_ADDRESS);
        assertThat(hex(query(free).State)).as("the failed reservation left nothing").isEqualTo(hex(MEM_FREE));
    }

    // ---- protections ----

    static Stream<Arguments> invalidProtections() {
        return Stream.of(
                // Wine test_VirtualAlloc_protection: every combination of two base values, and the copy-on-write ones
                Arguments.of("0", 0),
                Arguments.of("PAGE_READONLY|PAGE_NOACCESS", PAGE_READONLY | PAGE_NOACCESS),
                Arguments.of("PAGE_READWRITE|PAGE_READONLY", PAGE_READWRITE | PAGE_READONLY),
                Arguments.of("PAGE_READONLY|PAGE_EXECUTE", PAGE_READONLY | PAGE_EXECUTE),
                Arguments.of("PAGE_EXECUTE_READ|PAGE_EXECUTE", PAGE_EXECUTE_READ | PAGE_EXECUTE),
                Arguments.of("PAGE_EXECUTE_READWRITE|PAGE_EXECUTE_READ", PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_READ),
                Arguments.of("PAGE_WRITECOPY", PAGE_WRITECOPY),
                Arguments.of("PAGE_EXECUTE_WRITECOPY", PAGE_EXECUTE_WRITECOPY),
                Arguments.of("PAGE_WRITECOPY|PAGE_READWRITE", PAGE_WRITECOPY | PAGE_READWRITE),
                // MSDN Memory Protection Constants: PAGE_GUARD is a modifier and "cannot be used with PAGE_NOACCESS";
                // PAGE_NOCACHE "cannot be used with the PAGE_GUARD, PAGE_NOACCESS, or PAGE_WRITECOMBINE flags"
                Arguments.of("PAGE_GUARD", PAGE_GUARD),
                Arguments.of("PAGE_GUARD|PAGE_NOACCESS", PAGE_GUARD | PAGE_NOACCESS),
                Arguments.of("PAGE_NOCACHE", PAGE_NOCACHE),
                Arguments.of("PAGE_READWRITE|PAGE_GUARD|PAGE_NOCACHE", PAGE_READWRITE | PAGE_GUARD | PAGE_NOCACHE),
                Arguments.of("PAGE_NOACCESS|PAGE_NOCACHE", PAGE_NOACCESS | PAGE_NOCACHE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidProtections")
    void invalidProtectionFailsWithInvalidParameter(String name, int protect) {
        // Wine test_VirtualAlloc_protection: VirtualAlloc(0, page, MEM_COMMIT, bad) -> ERROR_INVALID_PARAMETER
        failingAlloc(0, 0x1000, MEM_COMMIT, protect, ERROR_INVALID_PARAMETER);
        failingAlloc(0, 0x1000, MEM_RESERVE | MEM_COMMIT, protect, ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidProtections")
    void invalidProtectionFailsWhenCommittingAReservation(String name, int protect) {
        // Wine test_VirtualProtect: VirtualAlloc(base, page, MEM_COMMIT, bad) on a reservation ->
        // ERROR_INVALID_PARAMETER
        long a = reserve(0x10000, PAGE_NOACCESS);
        failingAlloc(a, 0x1000, MEM_COMMIT, protect, ERROR_INVALID_PARAMETER);
        assertThat(hex(query(a).State)).as("nothing committed").isEqualTo(hex(MEM_RESERVE));
    }

    @Test
    void reserveWithProtectionZeroFailsWithInvalidParameter() {
        // Wine test_VirtualAlloc: VirtualAlloc(NULL, 0x1000, MEM_RESERVE, 0) -> ERROR_INVALID_PARAMETER
        failingAlloc(0, 0x1000, MEM_RESERVE, 0, ERROR_INVALID_PARAMETER);
    }

    static Stream<Arguments> validProtections() {
        return Stream.of(
                Arguments.of("PAGE_NOACCESS", PAGE_NOACCESS),
                Arguments.of("PAGE_READONLY", PAGE_READONLY),
                Arguments.of("PAGE_READWRITE", PAGE_READWRITE),
                Arguments.of("PAGE_EXECUTE", PAGE_EXECUTE),
                Arguments.of("PAGE_EXECUTE_READ", PAGE_EXECUTE_READ),
                Arguments.of("PAGE_EXECUTE_READWRITE", PAGE_EXECUTE_READWRITE),
                // Wine test_guard_page: MEM_RESERVE|MEM_COMMIT with PAGE_READWRITE|PAGE_GUARD succeeds
                Arguments.of("PAGE_READWRITE|PAGE_GUARD", PAGE_READWRITE | PAGE_GUARD),
                Arguments.of("PAGE_READONLY|PAGE_GUARD", PAGE_READONLY | PAGE_GUARD),
                // Wine test_VirtualAlloc: PAGE_READWRITE|PAGE_NOCACHE is reported back as given
                Arguments.of("PAGE_READWRITE|PAGE_NOCACHE", PAGE_READWRITE | PAGE_NOCACHE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validProtections")
    void validProtectionIsReportedAsProtectAndAllocationProtect(String name, int protect) {
        // Wine test_VirtualAlloc_protection: Protect and AllocationProtect both equal the requested value
        long a = alloc(0, 0x1000, MEM_COMMIT, protect);
        assertRegion(a, a, a, protect, 0x1000, MEM_COMMIT, protect, MEM_PRIVATE);
        // and committing the same page again with the same protection returns the same address
        assertThat(hex(k.VirtualAlloc(a, 0x1000, MEM_COMMIT, protect))).isEqualTo(hex(a));
    }

    @Test
    void copyOnWriteCommitOfFreeMemoryFailsWithInvalidAddress() {
        // NtAllocateVirtualMemory (WRK / ReactOS): a commit looks up the reservation first
        // (STATUS_CONFLICTING_ADDRESSES) and only then refuses copy-on-write for private memory
        long free = freeAddress(0x10000);
        failingAlloc(free, 0x1000, MEM_COMMIT, PAGE_WRITECOPY, ERROR_INVALID_ADDRESS);
        failingAlloc(free, 0x1000, MEM_COMMIT, PAGE_EXECUTE_WRITECOPY, ERROR_INVALID_ADDRESS);
    }

    @Test
    void malformedProtectionIsRejectedBeforeTheAddressIsLookedAt() {
        // NtAllocateVirtualMemory validates the protection (MiMakeProtectionMask) before any address check
        long free = freeAddress(0x10000);
        failingAlloc(free, 0x1000, MEM_COMMIT, PAGE_READONLY | PAGE_READWRITE, ERROR_INVALID_PARAMETER);
        failingAlloc(free, 0x1000, MEM_COMMIT, 0, ERROR_INVALID_PARAMETER);
    }

    // ---- allocation types ----

    static Stream<Arguments> invalidAllocationTypes() {
        return Stream.of(
                // NtAllocateVirtualMemory: one of MEM_COMMIT, MEM_RESERVE, MEM_RESET is required
                Arguments.of("0", 0),
                Arguments.of("MEM_TOP_DOWN", MEM_TOP_DOWN),
                Arguments.of("MEM_DECOMMIT", MEM_DECOMMIT),
                Arguments.of("MEM_RELEASE", MEM_RELEASE),
                Arguments.of("MEM_FREE", MEM_FREE),
                // Wine test_write_watch: VirtualAlloc(0, size, MEM_WRITE_WATCH, ...) -> ERROR_INVALID_PARAMETER
                Arguments.of("MEM_WRITE_WATCH", MEM_WRITE_WATCH),
                // MSDN VirtualAlloc: MEM_RESET "cannot be used with any other value"
                Arguments.of("MEM_RESET|MEM_COMMIT", MEM_RESET | MEM_COMMIT),
                Arguments.of("MEM_RESET|MEM_RESERVE", MEM_RESET | MEM_RESERVE),
                // Wine test_VirtualAlloc: AT_ROUND_TO_PAGE (0x40000000) "is not supported for VirtualAlloc"
                Arguments.of("MEM_RESERVE|MEM_COMMIT|AT_ROUND_TO_PAGE", MEM_RESERVE | MEM_COMMIT | 0x40000000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAllocationTypes")
    void invalidAllocationTypeFailsWithInvalidParameter(String name, int type) {
        failingAlloc(0, 0x1000, type, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    // ---- MEM_RESET ----

    @Test
    void memResetOnCommittedPagesReturnsTheAddressAndKeepsProtection() {
        // Wine test_VirtualAlloc: VirtualAlloc(addr1, 0x1000, MEM_RESET, PAGE_NOACCESS) returns addr1; the page stays
        // MEM_COMMIT / PAGE_READWRITE (flProtect is ignored); the content is either kept or zero
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        mem.setMemory(a, 20, (byte) 0x55);
        assertThat(hex(k.VirtualAlloc(a, 0x1000, MEM_RESET, PAGE_NOACCESS))).isEqualTo(hex(a));
        assertThat(hex(mem.getInt(a))).as("content after MEM_RESET").isIn(hex(0x55555555), hex(0));
        assertRegion(a, a, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void memResetOnReservedPagesSucceedsAndLeavesThemReserved() {
        // Wine test_VirtualAlloc: MEM_RESET of addr1 + 0x1000 (reserved) returns it; the region stays MEM_RESERVE
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(hex(k.VirtualAlloc(a + 0x1000, 0x1000, MEM_RESET, PAGE_NOACCESS))).isEqualTo(hex(a + 0x1000));
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_NOACCESS, 0xF000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void memResetPastTheEndOfTheAllocationFailsWithInvalidAddress() {
        // Wine test_VirtualAlloc: VirtualAlloc(addr1 + 0xf000, 0x2000, MEM_RESET, ...) -> ERROR_INVALID_ADDRESS
        long a = reserve(0x10000, PAGE_NOACCESS);
        failingAlloc(a + 0xF000, 0x2000, MEM_RESET, PAGE_NOACCESS, ERROR_INVALID_ADDRESS);
    }

    @Test
    void memResetOfFreeMemoryFailsWithInvalidAddress() {
        // NtAllocateVirtualMemory: a range in no allocation is STATUS_CONFLICTING_ADDRESSES -> ERROR_INVALID_ADDRESS
        long free = freeAddress(0x10000);
        failingAlloc(free, 0x1000, MEM_RESET, PAGE_NOACCESS, ERROR_INVALID_ADDRESS);
    }

    @Test
    void memResetStillNeedsAValidProtection() {
        // MSDN VirtualAlloc: "the VirtualAlloc function ignores the value of flProtect. However, you must still set
        // flProtect to a valid protection value, such as PAGE_NOACCESS."
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        failingAlloc(a, 0x1000, MEM_RESET, 0, ERROR_INVALID_PARAMETER);
    }

    @Test
    void everyRegionOfAReservationBelongsToIt() {
        // MSDN MEMORY_BASIC_INFORMATION: AllocationBase is the base returned by VirtualAlloc for every page of it
        long a = reserve(0x30000, PAGE_READONLY);
        alloc(a + 0x10000, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        for (long p = a; p < a + 0x30000; p += 0x7000) {
            MEMORY_BASIC_INFORMATION m = query(p);
            assertThat(hex(m.AllocationBase)).as("AllocationBase at %s", hex(p)).isEqualTo(hex(a));
            assertThat(hex(m.AllocationProtect)).as("AllocationProtect at %s", hex(p)).isEqualTo(hex(PAGE_READONLY));
        }
    }
}
