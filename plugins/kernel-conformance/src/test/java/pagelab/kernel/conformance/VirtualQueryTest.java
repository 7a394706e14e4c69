package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOACCESS;
import static pagelab.kernel.WinNT.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.IntByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.MachineConfig;

/**
 * VirtualQuery and MEMORY_BASIC_INFORMATION. Sources: MSDN VirtualQuery ("the function determines the attributes of
 * the first page in the region and then scans subsequent pages until ... a page with a nonmatching set of
 * attributes"; a region's pages share state, protection, type and "are part of the same initial allocation");
 * MSDN MEMORY_BASIC_INFORMATION; Wine dlls/kernel32/tests/virtual.c; NtQueryVirtualMemory rejecting an address above
 * the highest user address with STATUS_INVALID_PARAMETER and an unwritable buffer with STATUS_ACCESS_VIOLATION
 * (-> ERROR_NOACCESS, Wine dlls/ntdll/error.c).
 */
class VirtualQueryTest extends KernelTestSupport {

    private void failingQuery(long address, MEMORY_BASIC_INFORMATION buffer, int expectedError) {
        k.SetLastError(DEADBEEF);
        String call = String.format("VirtualQuery(%s, %s)", hex(address), buffer == null ? "NULL" : "&mbi");
        assertThat(k.VirtualQuery(address, buffer)).as("%s returns 0", call).isZero();
        assertLastError(expectedError, call);
    }

    @Test
    void freeRegionReportsNoAllocation() {
        // Wine test_MapViewOfFile: free memory has AllocationBase NULL, AllocationProtect 0, State MEM_FREE,
        // Protect PAGE_NOACCESS, Type 0
        long free = freeAddress(0x10000);
        var m = query(free);
        assertThat(hex(m.BaseAddress)).isEqualTo(hex(free));
        assertThat(hex(m.AllocationBase)).as("AllocationBase").isEqualTo(hex(0L));
        assertThat(hex(m.AllocationProtect)).as("AllocationProtect").isEqualTo(hex(0));
        assertThat(hex(m.State)).as("State").isEqualTo(hex(MEM_FREE));
        assertThat(hex(m.Protect)).as("Protect").isEqualTo(hex(PAGE_NOACCESS));
        assertThat(hex(m.Type)).as("Type").isEqualTo(hex(0));
        assertThat(m.RegionSize).as("RegionSize").isGreaterThanOrEqualTo(0x10000L);
    }

    @Test
    void freeRegionRunsExactlyToTheNextAllocation() {
        // MSDN VirtualQuery: the region ends at the first page whose attributes differ
        long free = freeAddress(0x30000);
        alloc(free, 0x10000, MEM_RESERVE, PAGE_READWRITE);
        alloc(free + 0x20000, 0x10000, MEM_RESERVE, PAGE_READWRITE);
        assertRegion(free + 0x10000, free + 0x10000, 0, 0, 0x10000, MEM_FREE, PAGE_NOACCESS, 0);
    }

    @Test
    void reservedRegionHasProtectZeroAndTheReservationsAllocationProtect() {
        // Wine test_VirtualAlloc: "NT reports Protect == 0 for a not committed memory block"
        long a = reserve(0x20000, PAGE_EXECUTE_READ);
        assertRegion(a, a, a, PAGE_EXECUTE_READ, 0x20000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void committedRegionReportsItsProtection() {
        long a = reserveCommit(0x3000, PAGE_READONLY);
        assertRegion(a, a, a, PAGE_READONLY, 0x3000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
    }

    @Test
    void baseAddressIsTheQueriedPageAndRegionSizeRunsFromIt() {
        // MSDN MEMORY_BASIC_INFORMATION: BaseAddress is the base of the region of pages starting at the page that
        // holds lpAddress; RegionSize is counted from BaseAddress
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        assertRegion(a + 0x1234, a + 0x1000, a, PAGE_READWRITE, 0xF000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        assertRegion(a + 0xFFFF, a + 0xF000, a, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void unalignedAddressInFreeMemoryRoundsDownToItsPage() {
        long free = freeAddress(0x10000);
        assertThat(hex(query(free + 0x2ABC).BaseAddress)).isEqualTo(hex(free + 0x2000));
    }

    @Test
    void mixedRegionIsReportedBlockByBlock() {
        // MSDN VirtualQuery: each call describes one run of pages with identical attributes
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a + 0x2000, 0x3000, MEM_COMMIT, PAGE_READWRITE);
        alloc(a + 0x5000, 0x1000, MEM_COMMIT, PAGE_READONLY);
        alloc(a + 0x8000, 0x1000, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
        assertRegion(a, a, a, PAGE_NOACCESS, 0x2000, MEM_RESERVE, 0, MEM_PRIVATE);
        assertRegion(a + 0x2000, a + 0x2000, a, PAGE_NOACCESS, 0x3000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        assertRegion(a + 0x5000, a + 0x5000, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
        assertRegion(a + 0x6000, a + 0x6000, a, PAGE_NOACCESS, 0x2000, MEM_RESERVE, 0, MEM_PRIVATE);
        assertRegion(a + 0x8000, a + 0x8000, a, PAGE_NOACCESS, 0x1000, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD,
                MEM_PRIVATE);
        assertRegion(a + 0x9000, a + 0x9000, a, PAGE_NOACCESS, 0x7000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void pagesCommittedSeparatelyWithEqualAttributesCoalesce() {
        // MSDN VirtualQuery: a region is every following page with the same attributes, however it was committed
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a + 0x3000, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        alloc(a + 0x1000, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        alloc(a + 0x2000, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_NOACCESS, 0x3000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void coalescingIsRestoredWhenAProtectionIsChangedBack() {
        // Wine test_write_watch: VirtualProtect of 3 pages splits the region, protecting them back merges it again
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        IntByReference old = new IntByReference();
        assertThat(k.VirtualProtect(a, 0x3000, PAGE_READONLY, old)).isTrue();
        assertRegion(a, a, a, PAGE_READWRITE, 0x3000, MEM_COMMIT, PAGE_READONLY, MEM_PRIVATE);
        assertThat(k.VirtualProtect(a, 0x3000, PAGE_READWRITE, old)).isTrue();
        assertRegion(a, a, a, PAGE_READWRITE, 0x10000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void decommittedPagesMergeWithReservedNeighbours() {
        long a = reserve(0x10000, PAGE_READWRITE);
        alloc(a + 0x4000, 0x2000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(k.VirtualFree(a + 0x4000, 0x2000, MEM_DECOMMIT)).isTrue();
        assertRegion(a, a, a, PAGE_READWRITE, 0x10000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void adjacentReservationsNeverCoalesce() {
        // MSDN VirtualQuery: if the initial page is not free, all pages in the region "are part of the same initial
        // allocation of pages created by a single call to VirtualAlloc"
        long free = freeAddress(0x20000);
        alloc(free, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        alloc(free + 0x10000, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        assertRegion(free, free, free, PAGE_READWRITE, 0x10000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        assertRegion(free + 0x10000, free + 0x10000, free + 0x10000, PAGE_READWRITE, 0x10000, MEM_COMMIT,
                PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void adjacentReservedOnlyAllocationsNeverCoalesce() {
        long free = freeAddress(0x20000);
        alloc(free, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
        alloc(free + 0x10000, 0x10000, MEM_RESERVE, PAGE_NOACCESS);
        assertRegion(free, free, free, PAGE_NOACCESS, 0x10000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void allocationProtectStaysTheReservationsAfterCommit() {
        // Wine test_VirtualAlloc: AllocationProtect is PAGE_NOACCESS after committing with PAGE_NOACCESS and after
        // VirtualProtect to PAGE_READWRITE
        long a = reserve(0x10000, PAGE_NOACCESS);
        alloc(a, 0x1000, MEM_COMMIT, PAGE_EXECUTE_READWRITE);
        assertThat(hex(query(a).AllocationProtect)).isEqualTo(hex(PAGE_NOACCESS));
    }

    @Test
    void returnsTheStructureSizeOnX86() {
        // MSDN VirtualQuery: "The return value is the actual number of bytes returned in the information buffer";
        // sizeof(MEMORY_BASIC_INFORMATION) is 28 for 32-bit code
        long a = reserve(0x1000, PAGE_READWRITE);
        assertThat(k.VirtualQuery(a, new MEMORY_BASIC_INFORMATION())).isEqualTo(28);
        assertThat(k.VirtualQuery(0, new MEMORY_BASIC_INFORMATION())).isEqualTo(28);
    }

    @Test
    void returnsTheStructureSizeOnX64() {
        // sizeof(MEMORY_BASIC_INFORMATION) is 48 for 64-bit code
        switchTo(MachineConfig.x64());
        long a = reserve(0x1000, PAGE_READWRITE);
        assertThat(k.VirtualQuery(a, new MEMORY_BASIC_INFORMATION())).isEqualTo(48);
        assertThat(k.VirtualQuery(0x7FFFFFFEFFFFL, new MEMORY_BASIC_INFORMATION())).isEqualTo(48);
    }

    @ParameterizedTest(name = "address {0}")
    @ValueSource(longs = {0x7FFF0000L, 0x7FFFFFFFL, 0x80000000L, 0xC0000000L, 0xFFFFFFFFL})
    void addressAboveTheMaximumApplicationAddressFailsWithInvalidParameter(long address) {
        // NtQueryVirtualMemory: "if (BaseAddress > MM_HIGHEST_USER_ADDRESS) return STATUS_INVALID_PARAMETER"
        failingQuery(address, new MEMORY_BASIC_INFORMATION(), ERROR_INVALID_PARAMETER);
    }

    @Test
    void theMaximumApplicationAddressItselfCanBeQueried() {
        // GetSystemInfo: lpMaximumApplicationAddress is the highest address of user space, so it is queryable
        assertThat(k.VirtualQuery(0x7FFEFFFFL, new MEMORY_BASIC_INFORMATION())).isEqualTo(28);
    }

    @Test
    void addressAboveTheX64MaximumFailsWithInvalidParameter() {
        switchTo(MachineConfig.x64());
        failingQuery(0x7FFFFFFF0000L, new MEMORY_BASIC_INFORMATION(), ERROR_INVALID_PARAMETER);
        failingQuery(0x800000000000L, new MEMORY_BASIC_INFORMATION(), ERROR_INVALID_PARAMETER);
    }

    @Test
    void largeAddressAwareProcessCanQueryAbove2GiB() {
        // Book ch. 13: /3GB moves the top of user space to 0xBFFEFFFF
        switchTo(MachineConfig.x86().largeAddressAware(true));
        assertThat(k.VirtualQuery(0xA0000000L, new MEMORY_BASIC_INFORMATION())).isEqualTo(28);
        failingQuery(0xBFFF0000L, new MEMORY_BASIC_INFORMATION(), ERROR_INVALID_PARAMETER);
    }

    @Test
    void nullBufferFailsWithNoAccess() {
        // NtQueryVirtualMemory probes the output buffer; a NULL buffer raises STATUS_ACCESS_VIOLATION inside the
        // probe, which kernel32 reports as ERROR_NOACCESS (the same path as VirtualProtect's NULL lpflOldProtect,
        // Wine test_VirtualProtect)
        long a = reserve(0x1000, PAGE_READWRITE);
        failingQuery(a, null, ERROR_NOACCESS);
    }

    @Test
    void nullPointerPartitionIsFree() {
        // Book ch. 13: 0x00000000-0x0000FFFF is the NULL-pointer assignment partition, never allocated
        assertRegion(0, 0, 0, 0, query(0).RegionSize, MEM_FREE, PAGE_NOACCESS, 0);
        assertThat(query(0).RegionSize).as("RegionSize at 0").isGreaterThanOrEqualTo(0x10000L);
        assertThat(hex(query(0xFFFF).State)).isEqualTo(hex(MEM_FREE));
    }

    @Test
    void regionsOfAFreshProcessTileUserSpaceAndCoalesceMaximally() {
        // MSDN VirtualQuery: walking region by region covers the address space without gaps; each region is maximal
        List<MEMORY_BASIC_INFORMATION> regions = walk();
        assertThat(regions).isNotEmpty();
        long cursor = 0;
        MEMORY_BASIC_INFORMATION previous = null;
        for (MEMORY_BASIC_INFORMATION m : regions) {
            assertThat(hex(m.BaseAddress)).as("region after %s", hex(cursor)).isEqualTo(hex(cursor));
            assertThat(m.RegionSize % PAGE).as("RegionSize at %s", hex(cursor)).isZero();
            if (previous != null) {
                boolean sameAttributes = previous.State == m.State && previous.Protect == m.Protect
                        && previous.AllocationBase == m.AllocationBase && previous.Type == m.Type;
                assertThat(sameAttributes).as("regions at %s and %s should have been one", hex(previous.BaseAddress),
                        hex(m.BaseAddress)).isFalse();
            }
            previous = m;
            cursor = m.BaseAddress + m.RegionSize;
        }
        assertThat(hex(cursor)).as("end of the walk").isEqualTo(hex(0x7FFF0000L));
    }

    @Test
    void regionsTileTheLargerUserSpacesToo() {
        // the walk ends at lpMaximumApplicationAddress + 1 for /3GB (0xBFFF0000) and x64 (0x7FFFFFFF0000)
        switchTo(MachineConfig.x86().largeAddressAware(true));
        List<MEMORY_BASIC_INFORMATION> laa = walk();
        MEMORY_BASIC_INFORMATION last = laa.get(laa.size() - 1);
        assertThat(hex(last.BaseAddress + last.RegionSize)).isEqualTo(hex(0xBFFF0000L));
        switchTo(MachineConfig.x64());
        List<MEMORY_BASIC_INFORMATION> x64 = walk();
        last = x64.get(x64.size() - 1);
        assertThat(hex(last.BaseAddress + last.RegionSize)).isEqualTo(hex(0x7FFFFFFF0000L));
        long cursor = 0;
        for (MEMORY_BASIC_INFORMATION m : x64) {
            assertThat(hex(m.BaseAddress)).as("x64 region after %s", hex(cursor)).isEqualTo(hex(cursor));
            cursor = m.BaseAddress + m.RegionSize;
        }
    }
}
