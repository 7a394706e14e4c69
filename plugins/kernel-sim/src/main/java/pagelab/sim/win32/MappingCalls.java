package pagelab.sim.win32;

import static pagelab.kernel.WinError.ERROR_INVALID_HANDLE;
import static pagelab.kernel.WinError.ERROR_INVALID_PARAMETER;
import static pagelab.kernel.WinError.ERROR_MAPPED_ALIGNMENT;
import static pagelab.kernel.WinNT.FILE_MAP_COPY;
import static pagelab.kernel.WinNT.FILE_MAP_READ;
import static pagelab.kernel.WinNT.INVALID_HANDLE_VALUE;
import static pagelab.kernel.WinNT.SEC_IMAGE;
import static pagelab.kernel.format.Win32Format.bool;
import static pagelab.kernel.format.Win32Format.hex;
import static pagelab.kernel.format.Win32Format.hexSize;
import static pagelab.kernel.format.Win32Format.protection;
import static pagelab.sim.vm.AddressSpace.GRANULARITY;

import pagelab.kernel.LongByReference;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.sim.fs.FileObject;
import pagelab.sim.image.ImageSection;
import pagelab.sim.section.ImagePages;
import pagelab.sim.section.Section;
import pagelab.sim.status.NtStatus;
import pagelab.sim.thread.HandleTable;
import pagelab.sim.thread.KernelObject;
import pagelab.sim.thread.SimThread;

/** CreateFileMapping, OpenFileMapping, MapViewOfFile(Ex), UnmapViewOfFile, FlushViewOfFile (chapter 17). */
final class MappingCalls {
    private final Calls c;

    MappingCalls(Calls calls) {
        this.c = calls;
    }

    long createFileMapping(long hFile, SECURITY_ATTRIBUTES sa, int flProtect, int high, int low, String name) {
        SimThread t = c.begin();
        long size = ((long) high << 32) | (low & 0xFFFFFFFFL);
        FileObject file = null;
        int err = c.injected("CreateFileMapping");
        // INVALID_HANDLE_VALUE is the documented "no file: the paging file"; kernelbase passes it to NtCreateSection
        // as a NULL file handle, so NULL itself means the same (Wine and ReactOS do this too).
        if (err == 0 && hFile == INVALID_HANDLE_VALUE && size == 0) {
            // kernelbase refuses a paging-file mapping without a size before it calls NtCreateSection, so before
            // any SEC_* flag is looked at (ReactOS's kernel32 CreateFileMappingW; Wine's kernelbase; the
            // documentation: with INVALID_HANDLE_VALUE "the calling process must also specify a size").
            err = ERROR_INVALID_PARAMETER;
        }
        if (err == 0 && hFile != INVALID_HANDLE_VALUE && hFile != 0) {
            KernelObject o = c.p.handles().get(hFile);
            if (o instanceof FileObject) {
                file = (FileObject) o;
            } else {
                err = ERROR_INVALID_HANDLE;
            }
        }
        long handle = 0;
        if (err == 0) {
            Section[] out = new Section[1];
            FileObject f = file;
            ImagePages image = (flProtect & SEC_IMAGE) != 0 && f != null ? imagePages(f) : null;
            NtStatus s = c.m.sections().create(f, flProtect, size, name, image, out);
            if (s.isSuccess()) {
                handle = c.p.handles().add(out[0], -1, HandleCalls.inheritFlag(sa));
                t.setLastError(s == NtStatus.OBJECT_NAME_EXISTS ? s.win32Error() : 0);
            } else {
                err = s.win32Error();
            }
        }
        Calls.finish(t, err);
        if (c.tracing()) {
            String sec = (flProtect & ~0xFFFF) != 0 ? "|" + hex(flProtect & ~0xFFFFL) : ""; // SEC_* flags
            c.trace(t, "CreateFileMapping", err, hex(handle), false,
                    hFile == INVALID_HANDLE_VALUE ? "INVALID_HANDLE_VALUE" : hex(hFile), sa == null ? "NULL" : "&sa",
                    protection(flProtect & 0xFFFF) + sec,
                    hex(high & 0xFFFFFFFFL), hex(low & 0xFFFFFFFFL), name == null ? "NULL" : '"' + name + '"');
        }
        return handle;
    }

    long openFileMapping(int access, boolean inherit, String name) {
        SimThread t = c.begin();
        Section[] out = new Section[1];
        int err = c.injected("OpenFileMapping");
        if (err == 0) {
            err = c.m.sections().open(name, out).win32Error();
        }
        // kernel32 asks NtOpenSection for SECTION_MAP_READ when FILE_MAP_COPY (SECTION_QUERY) is the whole access,
        // so the handle can map a copy-on-write view (ReactOS's OpenFileMappingW, "Convert COPY to READ"; Wine's
        // kernelbase does the same and maps such a view, random.scripts random-0063).
        int granted = access == FILE_MAP_COPY ? FILE_MAP_READ : access;
        long handle = err == 0 ? c.p.handles().add(out[0], granted, inherit ? HandleTable.INHERIT : 0) : 0;
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "OpenFileMapping", err, hex(handle), false, hex(access & 0xFFFFFFFFL), bool(inherit),
                    name == null ? "NULL" : '"' + name + '"');
        }
        return handle;
    }

    long mapViewOfFileEx(String function, long hMapping, int access, int offHigh, int offLow, long bytes, long base) {
        SimThread t = c.begin();
        long offset = ((long) offHigh << 32) | (offLow & 0xFFFFFFFFL);
        HandleTable.Entry e = c.p.handles().entry(hMapping);
        LongByReference out = new LongByReference();
        int err;
        if (offset % GRANULARITY != 0 || base % GRANULARITY != 0) {
            // NtMapViewOfSection checks the offset and the base before it looks the handle up (ReactOS's order;
            // Wine answers ERROR_MAPPED_ALIGNMENT for a misaligned view of any handle, valid or not).
            err = ERROR_MAPPED_ALIGNMENT;
        } else if (e == null || !(e.object() instanceof Section)) {
            err = ERROR_INVALID_HANDLE;
        } else {
            int handleAccess = e.access();
            err = c.run(function, () -> c.m.sections().map(c.p.space(), (Section) e.object(), handleAccess, access,
                    offset, bytes, base, out));
        }
        long result = err == 0 ? out.getValue() : 0;
        Calls.finish(t, err);
        if (c.tracing()) {
            // MapViewOfFile has five parameters; MapViewOfFileEx adds lpBaseAddress.
            if (function.equals("MapViewOfFile")) {
                c.trace(t, function, err, hex(result), true, hex(hMapping), hex(access & 0xFFFFFFFFL),
                        hex(offHigh & 0xFFFFFFFFL), hex(offLow & 0xFFFFFFFFL), hexSize(bytes));
            } else {
                c.trace(t, function, err, hex(result), true, hex(hMapping), hex(access & 0xFFFFFFFFL),
                        hex(offHigh & 0xFFFFFFFFL), hex(offLow & 0xFFFFFFFFL), hexSize(bytes), hex(base));
            }
        }
        return result;
    }

    /** The file parsed as a PE image by the image loader (whose cache LoadLibrary shares), or null if it is none. */
    private ImagePages imagePages(FileObject f) {
        ImageSection image = c.m.images().section(f.file().path());
        if (image == null) {
            return null;
        }
        int[] vprot = new int[image.pages()];
        for (int p = 0; p < vprot.length; p++) {
            vprot[p] = image.vprot(p);
        }
        return new ImagePages(image.store(), vprot, c.m.images().preferredBase(image), image.image().sizeOfImage());
    }

    boolean unmapViewOfFile(long address) {
        SimThread t = c.begin();
        int err = c.run("UnmapViewOfFile", () -> c.m.sections().unmap(c.p.space(), address));
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "UnmapViewOfFile", err, bool(err == 0), true, hex(address));
        }
        return err == 0;
    }

    boolean flushViewOfFile(long address, long bytes) {
        SimThread t = c.begin();
        LongByReference flushed = new LongByReference();
        int err = c.run("FlushViewOfFile", () -> c.m.sections().flush(c.p.space(), address, bytes, flushed));
        Calls.finish(t, err);
        if (c.tracing()) {
            c.trace(t, "FlushViewOfFile", err, bool(err == 0), false, hex(address), hexSize(bytes));
        }
        return err == 0;
    }
}
