package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_ADDRESS;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VirtualFree. Sources: MSDN VirtualFree; Wine dlls/kernel32/tests/virtual.c (test_VirtualAlloc) and
 * dlls/ntdll/tests/virtual.c (NtFreeVirtualMemory tests in test_NtAllocateVirtualMemory); kernel32's own check that
 * MEM_RELEASE takes size 0 (ReactOS/Wine VirtualFreeEx); NTSTATUS mapping of Wine dlls/ntdll/error.c
 * (STATUS_FREE_VM_NOT_AT_BASE and STATUS_MEMORY_NOT_ALLOCATED -> ERROR_INVALID_ADDRESS, STATUS_UNABLE_TO_FREE_VM and
 * STATUS_INVALID_PARAMETER_n -> ERROR_INVALID_PARAMETER).
 */
class VirtualFreeTest extends KernelTestSupport {

    private void failingFree(long address, long size, int type, int expectedError) {
        k.SetLastError(DEADBEEF);
        String call = String.format("VirtualFree(%s, %s, %#x)", hex(address), hex(size), type);
        assertThat(k.VirtualFree(address, size, type)).as("%s must fail", call).isFalse();
        assertLastError(expectedError, call);
    }

    private void assertFree(long a) {
        // Wine test_MapViewOfFile (after UnmapViewOfFile): a free page reads AllocationBase NULL, AllocationProtect 0,
        // State MEM_FREE, Protect PAGE_NOACCESS, Type 0
        var m = query(a);
        assertThat(hex(m.State)).as("State at %s", hex(a)).isEqualTo(hex(MEM_FREE));
        assertThat(hex(m.AllocationBase)).as("AllocationBase at %s", hex(a)).isEqualTo(hex(0L));
        assertThat(hex(m.AllocationProtect)).as("AllocationProtect at %s", hex(a)).isEqualTo(hex(0));
        assertThat(hex(m.Protect)).as("Protect at %s", hex(a)).isEqualTo(hex(PAGE_NOACCESS));
        assertThat(hex(m.Type)).as("Type at %s", hex(a)).isEqualTo(hex(0));
    }

    // ---- MEM_RELEASE ----

    @Test
    void releaseWithSizeZeroAtTheBaseFreesTheWholeReservation() {
        // MSDN VirtualFree: "If the dwFreeType parameter is MEM_RELEASE, ... lpAddress must be the base address
        // returned by the VirtualAlloc function when the region is reserved", dwSize 0: the entire region
        long a = reserve(0x30000, PAGE_READWRITE);
        alloc(a + 0x10000, 0x2000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(k.VirtualFree(a, 0, MEM_RELEASE)).isTrue();
        assertFree(a);
        assertFree(a + 0x10000);
        assertFree(a + 0x2F000);
    }

    @Test
    void releasedMemoryFaultsOnAccess() {
        // MSDN VirtualFree: after release the pages are free; any access is an access violation
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, 7);
        release(a);
        assertAccessViolation(faultOf(() -> mem.getInt(a)), EXCEPTION_READ_FAULT, a);
        assertAccessViolation(faultOf(() -> mem.setInt(a + 0x10, 1)), EXCEPTION_WRITE_FAULT, a + 0x10);
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(longs = {1, 0x1000, 0x10000})
    void releaseWithNonZeroSizeFailsWithInvalidParameter(long size) {
        // Wine test_VirtualAlloc: "if the type is MEM_RELEASE, size must be 0" -> ERROR_INVALID_PARAMETER, even when
        // the size is exactly the region's
        long a = reserve(0x10000, PAGE_READWRITE);
        failingFree(a, size, MEM_RELEASE, ERROR_INVALID_PARAMETER);
        assertThat(hex(query(a).State)).as("still reserved").isEqualTo(hex(MEM_RESERVE));
    }

    @Test
    void releaseNotAtTheBaseFailsWithInvalidAddress() {
        // Wine ntdll test_NtAllocateVirtualMemory: MEM_RELEASE of addr1 + 0x1001 -> STATUS_FREE_VM_NOT_AT_BASE
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        failingFree(a + 0x1000, 0, MEM_RELEASE, ERROR_INVALID_ADDRESS);
        failingFree(a + 0x1001, 0, MEM_RELEASE, ERROR_INVALID_ADDRESS);
        assertThat(hex(query(a).State)).isEqualTo(hex(MEM_COMMIT));
    }

    @Test
    void releaseWithAnAddressInTheFirstPageReleasesTheRegion() {
        // Wine ntdll test_NtAllocateVirtualMemory: MEM_RELEASE of addr1 + 0xfff, size 0 succeeds (the address is
        // rounded down to its page, which is the base)
        long a = reserveCommit(0x10000, PAGE_EXECUTE_READWRITE);
        assertThat(k.VirtualFree(a + 0xFFF, 0, MEM_RELEASE)).isTrue();
        assertFree(a);
    }

    @Test
    void releasingTwiceFailsWithInvalidAddress() {
        // NtFreeVirtualMemory: no allocation at the address is STATUS_MEMORY_NOT_ALLOCATED -> ERROR_INVALID_ADDRESS
        long a = reserve(0x10000, PAGE_READWRITE);
        release(a);
        failingFree(a, 0, MEM_RELEASE, ERROR_INVALID_ADDRESS);
    }

    @Test
    void releaseOfNeverAllocatedMemoryFailsWithInvalidAddress() {
        long free = freeAddress(0x10000);
        failingFree(free, 0, MEM_RELEASE, ERROR_INVALID_ADDRESS);
        failingFree(free, 0x1000, MEM_DECOMMIT, ERROR_INVALID_ADDRESS);
    }

    @Test
    void releaseAboveUserSpaceFailsWithInvalidParameter() {
        // NtFreeVirtualMemory: a base at or above the highest user address is STATUS_INVALID_PARAMETER_2
        failingFree(0x80000000L, 0, MEM_RELEASE, ERROR_INVALID_PARAMETER);
        failingFree(0xFFFF0000L, 0x1000, MEM_DECOMMIT, ERROR_INVALID_PARAMETER);
    }

    // ---- dwFreeType ----

    @Test
    void freeTypeZeroFailsWithInvalidParameter() {
        // Wine test_VirtualAlloc: VirtualFree(addr1, 0x10000, 0) -> ERROR_INVALID_PARAMETER
        long a = reserve(0x10000, PAGE_READWRITE);
        failingFree(a, 0x10000, 0, ERROR_INVALID_PARAMETER);
        failingFree(a, 0, 0, ERROR_INVALID_PARAMETER);
    }

    @Test
    void releaseCombinedWithDecommitFailsWithInvalidParameter() {
        // MSDN VirtualFree: dwFreeType is MEM_DECOMMIT or MEM_RELEASE, not both (STATUS_INVALID_PARAMETER_4)
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        failingFree(a, 0, MEM_RELEASE | MEM_DECOMMIT, ERROR_INVALID_PARAMETER);
        assertThat(hex(query(a).State)).isEqualTo(hex(MEM_COMMIT));
    }

    @ParameterizedTest(name = "type {0}")
    @ValueSource(ints = {MEM_FREE, MEM_COMMIT, MEM_RESERVE, 0x10000000})
    void otherFreeTypesFailWithInvalidParameter(int type) {
        // Wine test_VirtualAlloc: VirtualFree(addr1, 0, MEM_FREE) -> ERROR_INVALID_PARAMETER
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        failingFree(a, 0, type, ERROR_INVALID_PARAMETER);
    }

    // ---- MEM_DECOMMIT ----

    @Test
    void decommitOfPartOfARegionLeavesTheRestCommitted() {
        // MSDN VirtualFree: MEM_DECOMMIT "decommits the specified region of committed pages"; they become reserved
        long a = reserveCommit(0x4000, PAGE_READWRITE);
        assertThat(k.VirtualFree(a + 0x1000, 0x2000, MEM_DECOMMIT)).isTrue();
        assertRegion(a, a, a, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_READWRITE, 0x2000, MEM_RESERVE, 0, MEM_PRIVATE);
        assertRegion(a + 0x3000, a + 0x3000, a, PAGE_READWRITE, 0x1000, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE);
    }

    @Test
    void decommittedPagesFaultAndReadZeroWhenCommittedAgain() {
        // MSDN VirtualFree: decommitted pages release their physical storage
        long a = reserveCommit(0x2000, PAGE_READWRITE);
        mem.setInt(a + 0x1000, 42);
        assertThat(k.VirtualFree(a + 0x1000, 0x1000, MEM_DECOMMIT)).isTrue();
        assertAccessViolation(faultOf(() -> mem.getInt(a + 0x1000)), EXCEPTION_READ_FAULT, a + 0x1000);
        alloc(a + 0x1000, 0x1000, MEM_COMMIT, PAGE_READWRITE);
        assertThat(mem.getInt(a + 0x1000)).isZero();
    }

    @Test
    void decommitOfReservedOnlyPagesSucceeds() {
        // MSDN VirtualFree: "The function does not fail if you attempt to decommit an uncommitted page."
        long a = reserve(0x10000, PAGE_READWRITE);
        assertThat(k.VirtualFree(a, 0x10000, MEM_DECOMMIT)).isTrue();
        assertRegion(a, a, a, PAGE_READWRITE, 0x10000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void decommitWithSizeZeroAtTheBaseDecommitsTheWholeRegion() {
        // MSDN VirtualFree: "If lpAddress is the base address returned by VirtualAlloc and dwSize is 0 (zero), the
        // function decommits the entire region that is allocated by VirtualAlloc."
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        assertThat(k.VirtualFree(a, 0, MEM_DECOMMIT)).isTrue();
        assertRegion(a, a, a, PAGE_READWRITE, 0x10000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void decommitWithSizeZeroAndAnAddressInTheFirstPageDecommitsTheWholeRegion() {
        // Wine ntdll test_NtAllocateVirtualMemory: MEM_DECOMMIT of addr1 + 0xffe, size 0 -> success
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        assertThat(k.VirtualFree(a + 0xFFE, 0, MEM_DECOMMIT)).isTrue();
        assertRegion(a, a, a, PAGE_READWRITE, 0x10000, MEM_RESERVE, 0, MEM_PRIVATE);
    }

    @Test
    void decommitWithSizeZeroNotAtTheBaseFailsWithInvalidAddress() {
        // Wine ntdll test_NtAllocateVirtualMemory: MEM_DECOMMIT of addr1 + 0x1001, size 0 ->
        // STATUS_FREE_VM_NOT_AT_BASE -> ERROR_INVALID_ADDRESS
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        failingFree(a + 0x1001, 0, MEM_DECOMMIT, ERROR_INVALID_ADDRESS);
        assertThat(hex(query(a + 0x1000).State)).isEqualTo(hex(MEM_COMMIT));
    }

    @Test
    void decommitCoversEveryPageTouchedByTheRange() {
        // Wine ntdll test_NtAllocateVirtualMemory: MEM_DECOMMIT of 2 bytes at addr1 + 0x1fff decommits 0x2000 bytes
        // from addr1 + 0x1000
        long a = reserveCommit(0x10000, PAGE_EXECUTE_READWRITE);
        assertThat(k.VirtualFree(a + 0x1FFF, 2, MEM_DECOMMIT)).isTrue();
        assertRegion(a, a, a, PAGE_EXECUTE_READWRITE, 0x1000, MEM_COMMIT, PAGE_EXECUTE_READWRITE, MEM_PRIVATE);
        assertRegion(a + 0x1000, a + 0x1000, a, PAGE_EXECUTE_READWRITE, 0x2000, MEM_RESERVE, 0, MEM_PRIVATE);
        assertRegion(a + 0x3000, a + 0x3000, a, PAGE_EXECUTE_READWRITE, 0xD000, MEM_COMMIT, PAGE_EXECUTE_READWRITE,
                MEM_PRIVATE);
    }

    @Test
    void decommitRunningPastTheAllocationFailsWithInvalidParameter() {
        // NtFreeVirtualMemory: a range beyond the allocation's end is STATUS_UNABLE_TO_FREE_VM ->
        // ERROR_INVALID_PARAMETER
        long free = freeAddress(0x20000);
        alloc(free, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        alloc(free + 0x10000, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        failingFree(free + 0xF000, 0x2000, MEM_DECOMMIT, ERROR_INVALID_PARAMETER);
        assertThat(hex(query(free + 0xF000).State)).as("nothing decommitted").isEqualTo(hex(MEM_COMMIT));
    }

    @Test
    void decommitKeepsTheAllocation() {
        // MSDN VirtualFree: decommitted pages stay reserved, so the region can be released afterwards
        long a = reserveCommit(0x10000, PAGE_READWRITE);
        assertThat(k.VirtualFree(a, 0x10000, MEM_DECOMMIT)).isTrue();
        assertThat(k.VirtualFree(a, 0, MEM_RELEASE)).isTrue();
        assertFree(a);
    }
}
