package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinError.ERROR_ACCESS_DENIED;
import static pagelab.kernel.WinError.ERROR_BAD_EXE_FORMAT;
import static pagelab.kernel.WinError.ERROR_USER_MAPPED_FILE;
import static pagelab.kernel.WinNT.*;

import org.junit.jupiter.api.Test;
import pagelab.kernel.IntByReference;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.host.ImageBuilder;

/**
 * CreateFileMapping(SEC_IMAGE) of a DLL file and its views (chapter 17; Wine dlls/kernel32/tests/virtual.c
 * test_mapping and test_NtAreMappedFilesTheSame, which map a DLL with SEC_IMAGE on Windows): the view is MEM_IMAGE
 * with allocation protection PAGE_EXECUTE_WRITECOPY, laid out like the loaded image (the header page a region of
 * its own, each PE section with its own protection), at the image's preferred base when it is free; asking for
 * PAGE_READWRITE on an image page gives PAGE_WRITECOPY; a file that is not a PE image is ERROR_BAD_EXE_FORMAT.
 */
class ImageSectionTest extends KernelTestSupport {
    private static final String DLL = "C:\\PageLab\\Mapped.dll";
    private static final long BASE = 0x20000000L;

    private boolean written;

    /** A section of the DLL file; the file's handle is closed again, as the section holds the file. */
    private long imageSection() {
        if (!written) {
            machine.files().write(DLL, ImageBuilder.dll("Mapped.dll").preferredBase(BASE)
                    .code(0x2000).readOnlyData(".rdata", 0x1000).data(".data", 0x1000).build().toBytes());
            written = true;
        }
        long file = k.CreateFile(DLL, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, null, OPEN_EXISTING, 0, 0);
        assertThat(file).as("precondition: CreateFile(%s) (%s)", DLL, errorName(k.GetLastError()))
                .isNotEqualTo(INVALID_HANDLE_VALUE);
        long mapping = k.CreateFileMapping(file, null, PAGE_READONLY | SEC_IMAGE, 0, 0, null);
        assertThat(mapping).as("CreateFileMapping(SEC_IMAGE) (%s)", errorName(k.GetLastError())).isNotZero();
        assertThat(k.CloseHandle(file)).isTrue();
        return mapping;
    }

    private long mapImage() {
        long view = k.MapViewOfFile(imageSection(), FILE_MAP_READ, 0, 0, 0);
        assertThat(view).as("MapViewOfFile of the image section (%s)", errorName(k.GetLastError())).isNotZero();
        return view;
    }

    @Test
    void anImageViewIsLaidOutLikeTheLoadedImageAtItsPreferredBase() {
        long view = mapImage();
        assertThat(hex(view)).isEqualTo(hex(BASE));
        assertRegion(view, view, view, PAGE_EXECUTE_WRITECOPY, PAGE, MEM_COMMIT, PAGE_READONLY, MEM_IMAGE);
        MEMORY_BASIC_INFORMATION code = query(view + PAGE);
        assertThat(code.Type).isEqualTo(MEM_IMAGE);
        assertThat(hex(code.AllocationBase)).isEqualTo(hex(view));
        assertThat(code.AllocationProtect).isEqualTo(PAGE_EXECUTE_WRITECOPY);
        assertThat(code.Protect).isEqualTo(PAGE_EXECUTE_READ);
        assertThat(code.RegionSize).isEqualTo(0x2000);
        MEMORY_BASIC_INFORMATION data = query(view + 4 * PAGE);
        assertThat(data.Protect).as("a writable, unshared PE section maps copy-on-write").isEqualTo(PAGE_WRITECOPY);
    }

    @Test
    void readWriteOnAnImagePageBecomesWriteCopyAndAWriteStaysInThisView() {
        long view = mapImage();
        long data = view + 4 * PAGE;
        IntByReference old = new IntByReference();
        assertThat(k.VirtualProtect(view + PAGE, PAGE, PAGE_READWRITE, old)).as("VirtualProtect(PAGE_READWRITE) (%s)",
                errorName(k.GetLastError())).isTrue();
        assertThat(old.getValue()).isEqualTo(PAGE_EXECUTE_READ);
        assertThat(query(view + PAGE).Protect).isEqualTo(PAGE_WRITECOPY);
        byte[] before = machine.files().read(DLL);
        mem.setInt(data, 42);
        assertThat(query(data).Protect).as("a written copy-on-write page is private and read/write")
                .isEqualTo(PAGE_READWRITE);
        assertThat(machine.files().read(DLL)).as("the file is never written through an image view").isEqualTo(before);
        long again = k.MapViewOfFile(imageSection(), FILE_MAP_READ, 0, 0, 0);
        assertThat(again).as("a second view (%s)", errorName(k.GetLastError())).isNotZero().isNotEqualTo(view);
        assertThat(mem.getInt(again + 4 * PAGE)).as("another view sees the image, not this view's copy").isZero();
    }

    @Test
    void anImageViewGoesWithUnmapViewOfFileAndHoldsTheFileAgainstTruncation() {
        long view = mapImage();
        k.SetLastError(DEADBEEF);
        assertThat(k.CreateFile(DLL, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, null, TRUNCATE_EXISTING, 0, 0))
                .isEqualTo(INVALID_HANDLE_VALUE);
        assertLastError(ERROR_USER_MAPPED_FILE, "CreateFile(TRUNCATE_EXISTING) of a file with an image section");
        assertThat(k.UnmapViewOfFile(view)).as("UnmapViewOfFile (%s)", errorName(k.GetLastError())).isTrue();
        assertThat(query(view).State).isEqualTo(MEM_FREE);
    }

    @Test
    void aFileThatIsNotAPeImageIsABadExeFormat() {
        machine.files().write("C:\\PageLab\\notes.txt", "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long file = k.CreateFile("C:\\PageLab\\notes.txt", GENERIC_READ, FILE_SHARE_READ, null, OPEN_EXISTING, 0, 0);
        k.SetLastError(DEADBEEF);
        assertThat(k.CreateFileMapping(file, null, PAGE_READONLY | SEC_IMAGE, 0, 0, null)).isZero();
        assertLastError(ERROR_BAD_EXE_FORMAT, "CreateFileMapping(SEC_IMAGE) of a text file");
    }

    @Test
    void aWriteViewOfAReadOnlyImageSectionIsDenied() {
        long mapping = imageSection();
        k.SetLastError(DEADBEEF);
        assertThat(k.MapViewOfFile(mapping, FILE_MAP_WRITE, 0, 0, 0)).isZero();
        assertLastError(ERROR_ACCESS_DENIED, "MapViewOfFile(FILE_MAP_WRITE) of a PAGE_READONLY image section");
    }
}
