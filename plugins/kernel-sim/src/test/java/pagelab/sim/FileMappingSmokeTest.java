package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.*;
import static pagelab.kernel.WinNT.*;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;

/** Chapter 17 through the SPI: named shared memory, file views, copy-on-write, SEC_RESERVE, lifetimes. */
class FileMappingSmokeTest {

    @Test
    void namedPagingFileMappingIsSharedBetweenProcesses() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess a = m.createProcess();
            WinProcess b = m.createProcess();
            Kernel32 ka = a.kernel32();
            Kernel32 kb = b.kernel32();
            long ha = ka.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x10000, "MMFSharedData");
            assertThat(ha).isNotZero();
            assertThat(ka.GetLastError()).isZero();
            long hb = kb.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x10000, "MMFSharedData");
            assertThat(hb).isNotZero();
            assertThat(kb.GetLastError()).isEqualTo(ERROR_ALREADY_EXISTS);
            long va = ka.MapViewOfFile(ha, FILE_MAP_ALL_ACCESS, 0, 0, 0);
            long vb = kb.MapViewOfFile(hb, FILE_MAP_READ, 0, 0, 0);
            a.memory().setString(va, "hello from A");
            assertThat(b.memory().getString(vb)).isEqualTo("hello from A");
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            kb.VirtualQuery(vb, mbi);
            assertThat(mbi.Type).isEqualTo(MEM_MAPPED);
            assertThat(mbi.Protect).isEqualTo(PAGE_READONLY);
            assertThat(ka.UnmapViewOfFile(va)).isTrue();
            assertThat(ka.CloseHandle(ha)).isTrue();
            assertThat(kb.OpenFileMapping(FILE_MAP_READ, false, "MMFSharedData")).isNotZero();
            assertThat(kb.UnmapViewOfFile(vb)).isTrue();
        }
    }

    /**
     * kernelbase refuses a paging-file mapping without a size before NtCreateSection sees any SEC_* flag, so even
     * SEC_IMAGE (which NtCreateSection would refuse with ERROR_BAD_EXE_FORMAT) and an existing name get
     * ERROR_INVALID_PARAMETER (ReactOS's CreateFileMappingW; Wine records the same, random.scripts).
     */
    @Test
    void aPagingFileMappingWithoutASizeIsRefusedBeforeItsFlags() {
        try (Machine m = Machine.create(MachineConfig.x64())) {
            Kernel32 k = m.createProcess().kernel32();
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READONLY | SEC_IMAGE, 0, 0, null)).isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READONLY | SEC_IMAGE, 0, 0x1000, null))
                    .isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_BAD_EXE_FORMAT);
            long h = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0x1000, "sized");
            assertThat(h).isNotZero();
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 0, "sized")).isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_INVALID_PARAMETER);
        }
    }

    /** Wine's answer, recorded by the oracle (hand.scripts, section-name-lifetime), and NT's object manager. */
    @Test
    void aNameDiesWithItsLastHandleWhileAViewKeepsThePages() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long h = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "Gone");
            long v = k.MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
            p.memory().setInt(v, 7);
            k.CloseHandle(h);
            k.SetLastError(0xDEADBEEF);
            assertThat(k.OpenFileMapping(FILE_MAP_READ, false, "Gone")).as("the name went with the last handle")
                    .isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_FILE_NOT_FOUND);
            assertThat(p.memory().getInt(v)).as("the view keeps the pages").isEqualTo(7);
            long again = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "Gone");
            assertThat(k.GetLastError()).as("a new section, not the old one").isZero();
            long v2 = k.MapViewOfFile(again, FILE_MAP_READ, 0, 0, 0);
            assertThat(p.memory().getInt(v2)).isZero();
            assertThat(k.UnmapViewOfFile(v)).isTrue();
        }
    }

    @Test
    void namesAreCaseSensitiveAndABackslashOutsideLocalAndGlobalIsNoPath() {
        try (Machine m = Machine.create(MachineConfig.x64())) {
            Kernel32 k = m.createProcess().kernel32();
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "shm")).isNotZero();
            k.SetLastError(0xDEADBEEF);
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "SHM")).isNotZero();
            assertThat(k.GetLastError()).as("SHM is another section").isZero();
            assertThat(k.OpenFileMapping(FILE_MAP_READ, false, "Local\\shm")).as("Local\\ is where shm is")
                    .isNotZero();
            assertThat(k.OpenFileMapping(FILE_MAP_READ, false, "Shm")).isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_FILE_NOT_FOUND);
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "a\\b")).isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_PATH_NOT_FOUND);
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "Global\\g"))
                    .isNotZero();
        }
    }

    /**
     * FILE_MAP_COPY alone is SECTION_QUERY to the kernel, which maps nothing; kernel32's OpenFileMappingW asks for
     * SECTION_MAP_READ instead ("Convert COPY to READ", ReactOS), so the handle maps a copy-on-write view, as Wine's
     * kernelbase does (random.scripts random-0063).
     */
    @Test
    void openingForFileMapCopyMapsACopyOnWriteView() {
        try (Machine m = Machine.create(MachineConfig.x64())) {
            Kernel32 k = m.createProcess().kernel32();
            assertThat(k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE, 0, 4096, "cow")).isNotZero();
            long h = k.OpenFileMapping(FILE_MAP_COPY, false, "cow");
            long v = k.MapViewOfFile(h, FILE_MAP_COPY, 0, 0, 0);
            assertThat(v).isNotZero();
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            k.VirtualQuery(v, mbi);
            assertThat(mbi.Protect).isEqualTo(PAGE_WRITECOPY);
            assertThat(k.MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0)).as("the handle grants no write").isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_ACCESS_DENIED);
        }
    }

    @Test
    void fileViewWritesReachTheFileAndCopyViewsStayPrivate() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            m.files().write("C:\\data\\a.txt", "abcdef".getBytes(StandardCharsets.ISO_8859_1));
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long f = k.CreateFile("C:\\data\\a.txt", GENERIC_READ | GENERIC_WRITE, 0, null, OPEN_EXISTING, 0, 0);
            assertThat(f).isNotEqualTo(INVALID_HANDLE_VALUE);
            long map = k.CreateFileMapping(f, null, PAGE_READWRITE, 0, 0, null);
            long view = k.MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
            long copy = k.MapViewOfFile(map, FILE_MAP_COPY, 0, 0, 0);
            p.memory().setByte(view, (byte) 'X');
            assertThat(new String(m.files().read("C:\\data\\a.txt"), StandardCharsets.ISO_8859_1)).isEqualTo("Xbcdef");
            p.memory().setByte(copy + 1, (byte) 'Y');
            assertThat(p.memory().getByte(view + 1)).isEqualTo((byte) 'b');
            assertThat(p.inspector().page(copy).copyOnWrite()).isFalse();
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            k.VirtualQuery(copy, mbi);
            assertThat(mbi.Protect).isEqualTo(PAGE_READWRITE);
            k.SetLastError(0xDEADBEEF);
            assertThat(k.MapViewOfFile(map, FILE_MAP_READ, 0, 0x1000, 0)).isZero();
            assertThat(k.GetLastError()).isEqualTo(ERROR_MAPPED_ALIGNMENT);
            k.SetFilePointerEx(f, 0, null, FILE_BEGIN);
            assertThat(k.SetEndOfFile(f)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_USER_MAPPED_FILE);
        }
    }

    @Test
    void secReserveViewCommitsOnDemand() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long h = k.CreateFileMapping(INVALID_HANDLE_VALUE, null, PAGE_READWRITE | SEC_RESERVE, 0, 0x100000, null);
            long v = k.MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, 0);
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            k.VirtualQuery(v, mbi);
            assertThat(mbi.State).isEqualTo(MEM_RESERVE);
            assertThat(k.VirtualAlloc(v + 0x5000, 10, MEM_COMMIT, PAGE_READWRITE)).isEqualTo(v + 0x5000);
            p.memory().setInt(v + 0x5000, 7);
            k.VirtualQuery(v + 0x5000, mbi);
            assertThat(mbi.State).isEqualTo(MEM_COMMIT);
            assertThat(mbi.RegionSize).isEqualTo(0x1000);
        }
    }

    @Test
    void readFileAndWriteFileMoveBytesThroughSimulatedBuffers() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            WinProcess p = m.createProcess();
            Kernel32 k = p.kernel32();
            long buf = k.VirtualAlloc(0, 4096, MEM_COMMIT, PAGE_READWRITE);
            p.memory().setString(buf, "payload");
            long f = k.CreateFile("out.bin", GENERIC_WRITE | GENERIC_READ, 0, null, CREATE_ALWAYS, 0, 0);
            IntByReference n = new IntByReference();
            assertThat(k.WriteFile(f, buf, 7, n, 0)).isTrue();
            assertThat(n.getValue()).isEqualTo(7);
            assertThat(m.files().size("C:\\PageLab\\out.bin")).isEqualTo(7);
            k.SetLastError(0xDEADBEEF);
            assertThat(k.ReadFile(f, 0x1000, 7, n, 0)).isFalse();
            assertThat(k.GetLastError()).isEqualTo(ERROR_NOACCESS);
            assertThat(k.CreateFile("out.bin", GENERIC_READ, 0, null, OPEN_EXISTING, 0, 0)).isEqualTo(-1L);
            assertThat(k.GetLastError()).isEqualTo(ERROR_SHARING_VIOLATION);
        }
    }
}
