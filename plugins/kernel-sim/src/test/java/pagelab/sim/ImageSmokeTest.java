package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pagelab.kernel.WinError.*;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;

/** Chapters 14 and 17: images mapped from the file system, shared sections, copy-on-write, relocation. */
class ImageSmokeTest {

    private static ImageFile appInst() {
        return ImageBuilder.exe("AppInst.exe").code(0x2000)
                .data(".data", 0x1000).global("g_nPrivate", ".data", 0, 5)
                .sharedData("Shared", 0x1000).global("g_lInstanceCount", "Shared", 0)
                .build();
    }

    @Test
    void sharedSectionIsOnePageForAllProcessesAndDataIsCopyOnWrite() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            ImageFile image = appInst();
            m.files().write("C:\\PageLab\\AppInst.exe", image.toBytes());
            WinProcess a = m.createProcess("AppInst.exe");
            WinProcess b = m.createProcess("C:\\PageLab\\AppInst.exe");
            long baseA = a.kernel32().GetModuleHandle(null);
            long baseB = b.kernel32().GetModuleHandle(null);
            assertThat(baseA).isEqualTo(0x00400000L).isEqualTo(baseB);
            long counter = image.symbolRva("g_lInstanceCount");
            long priv = image.symbolRva("g_nPrivate");
            assertThat(a.kernel32().InterlockedIncrement(baseA + counter)).isEqualTo(1);
            assertThat(b.kernel32().InterlockedIncrement(baseB + counter)).isEqualTo(2);
            assertThat(a.memory().getInt(baseA + priv)).isEqualTo(5);
            a.memory().setInt(baseA + priv, 42);
            assertThat(b.memory().getInt(baseB + priv)).isEqualTo(5);
            assertThat(a.inspector().page(baseA + priv).shared()).isFalse();
            assertThat(b.inspector().page(baseB + priv).copyOnWrite()).isTrue();
            assertThat(b.inspector().page(baseB + counter).shared()).isTrue();
            MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
            a.kernel32().VirtualQuery(baseA + priv, mbi);
            assertThat(mbi.Protect).isEqualTo(PAGE_READWRITE);
            b.kernel32().VirtualQuery(baseB + priv, mbi);
            assertThat(mbi.Protect).isEqualTo(PAGE_WRITECOPY);
            assertThat(mbi.Type).isEqualTo(MEM_IMAGE);
            a.kernel32().VirtualQuery(baseA + 0x1000, mbi);
            assertThat(mbi.Protect).isEqualTo(PAGE_EXECUTE_READ);
        }
    }

    @Test
    void dllsCollidingAtTheirPreferredBaseAreRelocatedUnlessFixed() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            m.files().write("C:\\PageLab\\one.dll", ImageBuilder.dll("one.dll").code(0x3000).build().toBytes());
            m.files().write("C:\\PageLab\\two.dll", ImageBuilder.dll("two.dll").code(0x3000).build().toBytes());
            m.files().write("C:\\PageLab\\fixed.dll",
                    ImageBuilder.dll("fixed.dll").code(0x1000).fixed(true).build().toBytes());
            WinProcess p = m.createProcess();
            long one = p.kernel32().LoadLibrary("one.dll");
            long two = p.kernel32().LoadLibrary("two");
            assertThat(one).isEqualTo(0x10000000L);
            assertThat(two).isNotZero().isNotEqualTo(one);
            assertThat(p.inspector().page(two + 0x1000).shared()).as("fixups make private pages").isFalse();
            p.kernel32().SetLastError(0xDEADBEEF);
            assertThat(p.kernel32().LoadLibrary("fixed.dll")).isZero();
            assertThat(p.kernel32().GetLastError()).isEqualTo(ERROR_INVALID_ADDRESS);
            assertThat(p.kernel32().LoadLibrary("one.dll")).isEqualTo(one);
            assertThat(p.kernel32().FreeLibrary(one)).isTrue();
            assertThat(p.kernel32().GetModuleHandle("one.dll")).isEqualTo(one);
            assertThat(p.kernel32().FreeLibrary(one)).isTrue();
            assertThat(p.kernel32().GetModuleHandle("one.dll")).isZero();
            assertThat(p.kernel32().LoadLibrary("missing.dll")).isZero();
            assertThat(p.kernel32().GetLastError()).isEqualTo(ERROR_MOD_NOT_FOUND);
        }
    }

    @Test
    void createProcessOfAMissingImageSaysWhy() {
        try (Machine m = Machine.create(MachineConfig.x86())) {
            assertThatThrownBy(() -> m.createProcess("nothere.exe")).hasMessageContaining("ERROR_FILE_NOT_FOUND");
        }
    }
}
