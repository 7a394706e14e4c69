package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.SYSTEM_INFO;

/**
 * GetSystemInfo and GlobalMemoryStatusEx. Sources: MSDN SYSTEM_INFO (wProcessorArchitecture
 * PROCESSOR_ARCHITECTURE_INTEL 0 / AMD64 9, dwProcessorType PROCESSOR_INTEL_PENTIUM 586 / PROCESSOR_AMD_X8664 8664);
 * book ch. 14 (page size 4 KiB, allocation granularity 64 KiB, lpMinimumApplicationAddress 0x00010000,
 * lpMaximumApplicationAddress 0x7FFEFFFF, 0xBFFEFFFF with /3GB, 0x7FFFFFFEFFFF on x64); MSDN MEMORYSTATUSEX
 * ("You must set this member before calling GlobalMemoryStatusEx"; ullAvailVirtual "unreserved and uncommitted memory
 * currently in the user-mode portion of the virtual address space of the calling process"; ullAvailExtendedVirtual
 * "Reserved. This value is always 0."), Wine kernelbase GlobalMemoryStatusEx (a wrong dwLength is
 * ERROR_INVALID_PARAMETER; ullTotalVirtual is the user-mode span, maximum - minimum + 1).
 */
class SystemInfoTest extends KernelTestSupport {

    private SYSTEM_INFO systemInfo() {
        SYSTEM_INFO si = new SYSTEM_INFO();
        k.GetSystemInfo(si);
        return si;
    }

    private MEMORYSTATUSEX memoryStatus() {
        MEMORYSTATUSEX ms = new MEMORYSTATUSEX();
        assertThat(k.GlobalMemoryStatusEx(ms)).as("GlobalMemoryStatusEx (%s)", errorName(k.GetLastError())).isTrue();
        return ms;
    }

    @Test
    void x86SystemInfo() {
        SYSTEM_INFO si = systemInfo();
        assertThat(si.wProcessorArchitecture).as("wProcessorArchitecture").isEqualTo(PROCESSOR_ARCHITECTURE_INTEL);
        assertThat(si.dwPageSize).as("dwPageSize").isEqualTo(4096);
        assertThat(si.dwAllocationGranularity).as("dwAllocationGranularity").isEqualTo(65536);
        assertThat(hex(si.lpMinimumApplicationAddress)).as("lpMinimumApplicationAddress").isEqualTo(hex(0x10000L));
        assertThat(hex(si.lpMaximumApplicationAddress)).as("lpMaximumApplicationAddress")
                .isEqualTo(hex(0x7FFEFFFFL));
        assertThat(si.dwProcessorType).as("dwProcessorType").isEqualTo(PROCESSOR_INTEL_PENTIUM);
    }

    @Test
    void largeAddressAwareX86SystemInfo() {
        switchTo(MachineConfig.x86().largeAddressAware(true));
        SYSTEM_INFO si = systemInfo();
        assertThat(hex(si.lpMaximumApplicationAddress)).as("lpMaximumApplicationAddress")
                .isEqualTo(hex(0xBFFEFFFFL));
        assertThat(hex(si.lpMinimumApplicationAddress)).isEqualTo(hex(0x10000L));
        assertThat(si.wProcessorArchitecture).isEqualTo(PROCESSOR_ARCHITECTURE_INTEL);
    }

    @Test
    void x64SystemInfo() {
        switchTo(MachineConfig.x64());
        SYSTEM_INFO si = systemInfo();
        assertThat(si.wProcessorArchitecture).as("wProcessorArchitecture").isEqualTo(PROCESSOR_ARCHITECTURE_AMD64);
        assertThat(si.dwPageSize).isEqualTo(4096);
        assertThat(si.dwAllocationGranularity).isEqualTo(65536);
        assertThat(hex(si.lpMinimumApplicationAddress)).isEqualTo(hex(0x10000L));
        assertThat(hex(si.lpMaximumApplicationAddress)).isEqualTo(hex(0x7FFFFFFEFFFFL));
        assertThat(si.dwProcessorType).isEqualTo(PROCESSOR_AMD_X8664);
    }

    @ParameterizedTest(name = "{0} processors")
    @ValueSource(ints = {1, 2, 4, 8})
    void processorCountAndActiveMaskMatchTheMachine(int processors) {
        // MSDN SYSTEM_INFO: dwActiveProcessorMask has one bit per processor configured into the system
        switchTo(MachineConfig.x86().processors(processors));
        SYSTEM_INFO si = systemInfo();
        assertThat(si.dwNumberOfProcessors).isEqualTo(processors);
        assertThat(hex(si.dwActiveProcessorMask)).isEqualTo(hex((1L << processors) - 1));
    }

    @Test
    void memoryStatusOfAnX86ProcessIsConsistent() {
        MEMORYSTATUSEX ms = memoryStatus();
        assertThat(ms.dwLength).isEqualTo(MEMORYSTATUSEX.SIZE);
        assertThat(hex(ms.ullTotalVirtual)).as("ullTotalVirtual = 0x7FFEFFFF - 0x10000 + 1")
                .isEqualTo(hex(0x7FFE0000L));
        assertThat(ms.ullAvailVirtual).as("ullAvailVirtual").isPositive().isLessThan(ms.ullTotalVirtual);
        assertThat(ms.ullAvailExtendedVirtual).as("ullAvailExtendedVirtual").isZero();
        assertThat(ms.dwMemoryLoad).as("dwMemoryLoad").isBetween(0, 100);
        assertThat(ms.ullTotalPhys).as("ullTotalPhys").isPositive().isLessThanOrEqualTo(machine.config().ramBytes());
        assertThat(ms.ullAvailPhys).as("ullAvailPhys").isBetween(0L, ms.ullTotalPhys);
        assertThat(ms.ullTotalPageFile).as("ullTotalPageFile (the commit limit)")
                .isGreaterThanOrEqualTo(ms.ullTotalPhys);
        assertThat(ms.ullAvailPageFile).as("ullAvailPageFile").isBetween(0L, ms.ullTotalPageFile);
    }

    @Test
    void totalVirtualIsTheUserModeSpanOfTheArchitecture() {
        switchTo(MachineConfig.x86().largeAddressAware(true));
        assertThat(hex(memoryStatus().ullTotalVirtual)).isEqualTo(hex(0xBFFE0000L));
        switchTo(MachineConfig.x64());
        assertThat(hex(memoryStatus().ullTotalVirtual)).isEqualTo(hex(0x7FFFFFFE0000L));
    }

    @Test
    void reservingAddressSpaceLowersAvailVirtualByTheSameAmount() {
        // MSDN MEMORYSTATUSEX: ullAvailVirtual counts unreserved and uncommitted user address space
        long before = memoryStatus().ullAvailVirtual;
        reserve(0x1000000, PAGE_NOACCESS);
        long after = memoryStatus().ullAvailVirtual;
        assertThat(hex(before - after)).isEqualTo(hex(0x1000000L));
    }

    @Test
    void committingLowersAvailPageFile() {
        // MSDN MEMORYSTATUSEX: ullAvailPageFile is the commit the process can still get; committing 16 MiB uses it
        long before = memoryStatus().ullAvailPageFile;
        reserveCommit(0x1000000, PAGE_READWRITE);
        long after = memoryStatus().ullAvailPageFile;
        assertThat(before - after).isGreaterThanOrEqualTo(0x1000000L);
    }

    @ParameterizedTest(name = "dwLength {0}")
    @ValueSource(ints = {0, 32, 63, 65, 128, -1})
    void wrongDwLengthFailsWithInvalidParameter(int length) {
        MEMORYSTATUSEX ms = new MEMORYSTATUSEX();
        ms.dwLength = length;
        k.SetLastError(DEADBEEF);
        assertThat(k.GlobalMemoryStatusEx(ms)).as("GlobalMemoryStatusEx with dwLength %d", length).isFalse();
        assertLastError(ERROR_INVALID_PARAMETER, "GlobalMemoryStatusEx with dwLength " + length);
    }
}
