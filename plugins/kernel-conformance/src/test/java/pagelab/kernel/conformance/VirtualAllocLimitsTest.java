package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_NOT_ENOUGH_MEMORY;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.MachineConfig;

/**
 * VirtualAlloc at the edges of user space: the partitions of book ch. 13 (NULL-pointer partition, off-limits 64 KiB,
 * kernel space), sizes larger than user space, and the 2 GiB / 3 GiB (/3GB, large-address aware) / 128 TiB (x64)
 * user-mode sizes. NtAllocateVirtualMemory rejects a base above the highest allocatable address with
 * STATUS_INVALID_PARAMETER_2 and a size reaching past it with STATUS_INVALID_PARAMETER_4 (both ERROR_INVALID_PARAMETER,
 * Wine dlls/ntdll/error.c); a request that passes those checks but fits no free range is STATUS_NO_MEMORY
 * (ERROR_NOT_ENOUGH_MEMORY).
 */
class VirtualAllocLimitsTest extends KernelTestSupport {

    // ---- the partitions of chapter 13 ----

    @ParameterizedTest(name = "address {0}")
    @ValueSource(longs = {0x1000, 0x8000, 0xF000, 0xFFFF})
    void addressInTheNullPointerPartitionFailsWithInvalidParameter(long address) {
        // Book ch. 13: 0x00000000-0x0000FFFF can never be allocated; kernel32 VirtualAllocEx refuses a non-NULL
        // address below the allocation granularity with ERROR_INVALID_PARAMETER before calling the kernel (ReactOS
        // kernel32 VirtualAllocEx; Wine ntdll NtAllocateVirtualMemory "disallow low 64k" answers the same)
        failingAlloc(address, 0x1000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
        failingAlloc(address, 0x1000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest(name = "address {0}")
    @ValueSource(longs = {0x7FFF0000L, 0x7FFF8000L, 0x7FFFF000L, 0x80000000L, 0xC0000000L, 0xFFFF0000L})
    void addressInTheOffLimitsPartitionOrKernelFailsWithInvalidParameter(long address) {
        // Book ch. 13: the 64 KiB below 0x80000000 and kernel space are off limits; NtAllocateVirtualMemory
        // rejects a base above the highest user address with STATUS_INVALID_PARAMETER_2 -> ERROR_INVALID_PARAMETER
        failingAlloc(address, 0x1000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @Test
    void rangeRunningIntoTheOffLimitsPartitionFailsWithInvalidParameter() {
        // NtAllocateVirtualMemory: a size reaching past the highest user address is STATUS_INVALID_PARAMETER_4
        failingAlloc(0x7FF00000L, 0x200000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(longs = {0x80000000L, 0xC0000000L, 0xFFFFF000L, 0xFFFFFFFFL})
    void sizeLargerThanUserSpaceFailsWithInvalidParameter(long size) {
        // NtAllocateVirtualMemory: a region larger than the user-mode partition is STATUS_INVALID_PARAMETER_4
        failingAlloc(0, size, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @Test
    void sizeThatFitsNoFreeRangeFailsWithNotEnoughMemory() {
        // Almost 2 GiB passes the parameter checks but no free range that large exists once the exe (0x00400000)
        // and DLLs are mapped: STATUS_NO_MEMORY -> ERROR_NOT_ENOUGH_MEMORY
        failingAlloc(0, 0x7FF00000L, MEM_RESERVE, PAGE_READWRITE, ERROR_NOT_ENOUGH_MEMORY);
    }

    @Test
    void x86ReservationsStayBelowTheOffLimitsPartition() {
        // Book ch. 13: on 32-bit Windows without /3GB the user partition ends at 0x7FFEFFFF
        long bottomUp = reserve(0x10000000, PAGE_READWRITE);
        long topDown = alloc(0, 0x10000, MEM_RESERVE | MEM_TOP_DOWN, PAGE_READWRITE);
        assertThat(bottomUp + 0x10000000).as("end of %s", hex(bottomUp)).isLessThanOrEqualTo(0x7FFF0000L);
        assertThat(topDown + 0x10000).as("end of top-down %s", hex(topDown)).isLessThanOrEqualTo(0x7FFF0000L);
        assertThat(topDown).as("top-down lands in the upper half").isGreaterThanOrEqualTo(0x40000000L);
    }

    // ---- user-mode size: x86 2 GiB, large-address-aware 3 GiB, x64 128 TiB ----

    @Test
    void largeAddressAwareProcessCanReserveAbove2GiB() {
        // Book ch. 13: with /3GB a large-address-aware process owns 0x00010000-0xBFFEFFFF
        switchTo(MachineConfig.x86().largeAddressAware(true));
        long topDown = alloc(0, 0x10000, MEM_RESERVE | MEM_TOP_DOWN, PAGE_READWRITE);
        assertThat(topDown).as("top-down %s", hex(topDown)).isGreaterThanOrEqualTo(0x80000000L);
        assertThat(topDown + 0x10000).isLessThanOrEqualTo(0xBFFF0000L);
        assertThat(hex(alloc(0x90000000L, 0x10000, MEM_RESERVE, PAGE_READWRITE))).isEqualTo(hex(0x90000000L));
    }

    @Test
    void largeAddressAwareProcessCannotReserveAbove3GiB() {
        // Book ch. 13: 0xBFFF0000 and up is the off-limits partition and kernel space of a /3GB process
        switchTo(MachineConfig.x86().largeAddressAware(true));
        failingAlloc(0xBFFF0000L, 0x1000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
        failingAlloc(0xC0000000L, 0x1000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @Test
    void plainX86ProcessCannotReserveAbove2GiB() {
        // Book ch. 13: without large-address awareness 0x80000000 is kernel space
        failingAlloc(0x90000000L, 0x10000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @Test
    void x64ProcessCanReserveATebibyteAndAddressesAbove4GiB() {
        // Book ch. 13: a 64-bit process has 128 TiB of user mode (0x10000-0x7FFFFFFEFFFF)
        switchTo(MachineConfig.x64());
        long tib = alloc(0, 1L << 40, MEM_RESERVE, PAGE_READWRITE);
        assertThat(tib % GRANULARITY).isZero();
        assertRegion(tib, tib, tib, PAGE_READWRITE, 1L << 40, MEM_RESERVE, 0, MEM_PRIVATE);
        long high = 0x100000000000L;
        assertThat(hex(alloc(high, 0x10000, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE))).isEqualTo(hex(high));
        long topDown = alloc(0, 0x10000, MEM_RESERVE | MEM_TOP_DOWN, PAGE_READWRITE);
        assertThat(topDown).as("top-down %s", hex(topDown)).isGreaterThan(0xFFFFFFFFL);
        assertThat(topDown + 0x10000).isLessThanOrEqualTo(0x7FFFFFFF0000L);
    }

    @Test
    void x64ProcessCannotReserveInTheOffLimitsPartition() {
        // Book ch. 13: the 64 KiB below 0x800000000000 is off limits on x64 as well
        switchTo(MachineConfig.x64());
        failingAlloc(0x7FFFFFFF0000L, 0x1000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
        failingAlloc(0x800000000000L, 0x1000, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
        failingAlloc(0, 1L << 47, MEM_RESERVE, PAGE_READWRITE, ERROR_INVALID_PARAMETER);
    }

    @Test
    @org.junit.jupiter.api.Disabled("unconfirmed: WRK's MM_HIGHEST_VAD_ADDRESS keeps the 64 KiB below "
            + "lpMaximumApplicationAddress out of every allocation, so a top-down x64 reservation should end at or "
            + "below 0x7FFFFFFE0000; not confirmed on a real Windows 8.1+ machine")
    void x64TopDownReservationsStayOutOfTheLast64KiBOfUserSpace() {
        switchTo(MachineConfig.x64());
        long topDown = alloc(0, 0x10000, MEM_RESERVE | MEM_TOP_DOWN, PAGE_READWRITE);
        assertThat(topDown + 0x10000).isLessThanOrEqualTo(0x7FFFFFFE0000L);
    }
}
