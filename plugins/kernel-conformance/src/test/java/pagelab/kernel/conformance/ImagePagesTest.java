package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_ACCESS_DENIED;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.IntByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.WinProcess;

/**
 * The exe image of a fresh process seen through the chapter 15 functions. Sources: Wine dlls/kernel32/tests/virtual.c
 * test_mapping with SEC_IMAGE (AllocationProtect PAGE_EXECUTE_WRITECOPY; VirtualAlloc(MEM_COMMIT) on a file-backed view
 * fails with ERROR_ACCESS_DENIED; VirtualProtect to a writable protection on an image page yields the copy-on-write
 * one; PAGE_WRITECOPY is accepted on image pages, unlike private ones) and test_CreateFileMapping_protection (a written
 * PAGE_WRITECOPY page reads back PAGE_READWRITE, one page long); NtFreeVirtualMemory refusing non-private memory with
 * STATUS_UNABLE_TO_DELETE_SECTION (-> ERROR_INVALID_PARAMETER); book ch. 17 (each process gets private copies of
 * written image pages).
 */
class ImagePagesTest extends KernelTestSupport {
    private static final long EXE = 0x00400000L;

    /** The first page of the exe with the given protection. */
    private long exePage(int protect) {
        long a = EXE;
        while (true) {
            MEMORY_BASIC_INFORMATION m = query(a);
            assertThat(hex(m.AllocationBase)).as("no %#x page in the exe image", protect).isEqualTo(hex(EXE));
            if (m.Protect == protect) {
                return m.BaseAddress;
            }
            a = m.BaseAddress + m.RegionSize;
        }
    }

    @Test
    void imageRegionsReportTypeImageAndExecuteWriteCopyAllocationProtect() {
        var m = query(EXE);
        assertThat(hex(m.Type)).isEqualTo(hex(MEM_IMAGE));
        assertThat(hex(m.AllocationProtect)).isEqualTo(hex(PAGE_EXECUTE_WRITECOPY));
        assertThat(hex(m.State)).isEqualTo(hex(MEM_COMMIT));
    }

    @Test
    void codePagesCanBeExecutedButNotWritten() {
        long code = exePage(PAGE_EXECUTE_READ);
        assertThat(faultOf(() -> mem.execute(code))).isNull();
        assertAccessViolation(faultOf(() -> mem.setByte(code, (byte) 0xCC)), EXCEPTION_WRITE_FAULT, code);
    }

    @Test
    void writingACopyOnWritePageMakesItReadWriteAndOnePageLong() {
        long data = exePage(PAGE_WRITECOPY);
        mem.setInt(data + 0x10, 0x600DF00D);
        assertThat(hex(mem.getInt(data + 0x10))).isEqualTo(hex(0x600DF00D));
        var m = query(data);
        assertThat(hex(m.Protect)).as("Protect after the write").isEqualTo(hex(PAGE_READWRITE));
        assertThat(hex(m.RegionSize)).as("RegionSize after the write").isEqualTo(hex(PAGE));
        assertThat(hex(m.Type)).isEqualTo(hex(MEM_IMAGE));
    }

    @Test
    void aWrittenImagePageIsPrivateToTheProcess() {
        // Book ch. 17: the copy-on-write page belongs to the writer; another process of the same image still sees
        // the original
        long data = exePage(PAGE_WRITECOPY);
        int original = mem.getInt(data);
        mem.setInt(data, ~original);
        WinProcess other = machine.createProcess();
        assertThat(hex(other.memory().getInt(data))).isEqualTo(hex(original));
    }

    @Test
    void commitOnAnImageFailsWithAccessDenied() {
        long code = exePage(PAGE_EXECUTE_READ);
        k.SetLastError(DEADBEEF);
        assertThat(k.VirtualAlloc(code, 0x1000, MEM_COMMIT, PAGE_READWRITE)).isZero();
        assertLastError(ERROR_ACCESS_DENIED, "VirtualAlloc(image page, MEM_COMMIT)");
    }

    @Test
    void releasingOrDecommittingAnImageFailsWithInvalidParameter() {
        k.SetLastError(DEADBEEF);
        assertThat(k.VirtualFree(EXE, 0, MEM_RELEASE)).isFalse();
        assertLastError(ERROR_INVALID_PARAMETER, "VirtualFree(0x00400000, 0, MEM_RELEASE)");
        k.SetLastError(DEADBEEF);
        assertThat(k.VirtualFree(EXE, 0x1000, MEM_DECOMMIT)).isFalse();
        assertLastError(ERROR_INVALID_PARAMETER, "VirtualFree(0x00400000, 0x1000, MEM_DECOMMIT)");
        assertThat(hex(query(EXE).Type)).as("the image is still mapped").isEqualTo(hex(MEM_IMAGE));
    }

    @Test
    void writeCopyProtectionIsAcceptedOnImagePages() {
        long code = exePage(PAGE_EXECUTE_READ);
        IntByReference old = new IntByReference();
        assertThat(k.VirtualProtect(code, 0x1000, PAGE_WRITECOPY, old)).as("(%s)", errorName(k.GetLastError()))
                .isTrue();
        assertThat(hex(old.getValue())).isEqualTo(hex(PAGE_EXECUTE_READ));
        assertThat(hex(query(code).Protect)).isEqualTo(hex(PAGE_WRITECOPY));
    }

    @Test
    void readWriteProtectionOnAnUnwrittenImagePageBecomesWriteCopy() {
        // Wine test_mapping (SEC_IMAGE): actual protection = map_prot_no_write(requested)
        long code = exePage(PAGE_EXECUTE_READ);
        IntByReference old = new IntByReference();
        assertThat(k.VirtualProtect(code, 0x1000, PAGE_READWRITE, old)).isTrue();
        assertThat(hex(query(code).Protect)).isEqualTo(hex(PAGE_WRITECOPY));
        assertThat(k.VirtualProtect(code, 0x1000, PAGE_EXECUTE_READWRITE, old)).isTrue();
        assertThat(hex(old.getValue())).isEqualTo(hex(PAGE_WRITECOPY));
        assertThat(hex(query(code).Protect)).isEqualTo(hex(PAGE_EXECUTE_WRITECOPY));
    }
}
