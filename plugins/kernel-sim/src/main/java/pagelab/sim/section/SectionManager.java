package pagelab.sim.section;

import static pagelab.kernel.WinNT.FILE_MAP_COPY;
import static pagelab.kernel.WinNT.FILE_MAP_EXECUTE;
import static pagelab.kernel.WinNT.FILE_MAP_READ;
import static pagelab.kernel.WinNT.FILE_MAP_WRITE;
import static pagelab.kernel.WinNT.GENERIC_EXECUTE;
import static pagelab.kernel.WinNT.GENERIC_READ;
import static pagelab.kernel.WinNT.GENERIC_WRITE;
import static pagelab.kernel.WinNT.MEM_IMAGE;
import static pagelab.kernel.WinNT.MEM_MAPPED;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READ;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_WRITECOPY;
import static pagelab.kernel.WinNT.PAGE_NOACCESS;
import static pagelab.kernel.WinNT.PAGE_NOCACHE;
import static pagelab.kernel.WinNT.PAGE_WRITECOMBINE;
import static pagelab.kernel.WinNT.PAGE_READONLY;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_WRITECOPY;
import static pagelab.kernel.WinNT.SEC_COMMIT;
import static pagelab.kernel.WinNT.SEC_FILE;
import static pagelab.kernel.WinNT.SEC_IMAGE;
import static pagelab.kernel.WinNT.SEC_LARGE_PAGES;
import static pagelab.kernel.WinNT.SEC_NOCACHE;
import static pagelab.kernel.WinNT.SEC_RESERVE;
import static pagelab.kernel.WinNT.SEC_WRITECOMBINE;
import static pagelab.sim.vm.AddressSpace.GRANULARITY;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.HashMap;
import java.util.Map;
import pagelab.kernel.LongByReference;
import pagelab.sim.fs.FileObject;
import pagelab.sim.fs.SimFile;
import pagelab.sim.phys.PhysicalMemory;
import pagelab.sim.status.NtStatus;
import pagelab.sim.sync.KernelLock;
import pagelab.sim.thread.KernelObject;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.MappedBacking;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;

/**
 * Chapter 17's file mappings, machine-wide: CreateFileMapping and OpenFileMapping with the named-object namespace,
 * MapViewOfFileEx, UnmapViewOfFile and FlushViewOfFile. Every view of a section shares the section's pages, so
 * views are coherent across processes; FILE_MAP_COPY views get private copies on write.
 */
public final class SectionManager {
    private static final int SEC_FLAGS = SEC_FILE | SEC_IMAGE | SEC_RESERVE | SEC_COMMIT | SEC_NOCACHE
            | SEC_WRITECOMBINE | SEC_LARGE_PAGES;

    private final KernelLock lock;
    private final PhysicalMemory phys;
    private final Map<String, KernelObject> namespace = new HashMap<>();

    private final Runnable sharedPageCreated;

    /** @param sharedPageCreated invalidates every address space's cached translations (see PageStore) */
    public SectionManager(KernelLock lock, PhysicalMemory phys, Runnable sharedPageCreated) {
        this.lock = lock;
        this.phys = phys;
        this.sharedPageCreated = sharedPageCreated;
    }

    Runnable sharedPageCreated() {
        return sharedPageCreated;
    }

    /**
     * The key of a name in the session's namespace, or null for a name that names a folder that does not exist.
     * Names are case-sensitive, as every Win32 object name is (CreateFileMapping on Microsoft Learn: "The name
     * comparison is case sensitive"); {@code Local\} is the session's namespace, the one a bare name is in;
     * {@code Global\} is the machine's, another namespace. Any other backslash names a folder: no such path.
     */
    static String objectName(String name) {
        String n = name.startsWith("Local\\") ? name.substring(6) : name;
        String rest = n.startsWith("Global\\") ? n.substring(7) : n;
        return rest.indexOf('\\') >= 0 ? null : n;
    }

    /**
     * CreateFileMapping. {@code file} is null for a paging-file-backed section. On success {@code out[0]} holds the
     * section (new, or the existing one of that name with {@link NtStatus#OBJECT_NAME_EXISTS}).
     */
    public NtStatus create(FileObject file, int flProtect, long maximumSize, String name, Section[] out) {
        return create(file, flProtect, maximumSize, name, null, out);
    }

    /**
     * CreateFileMapping with {@code image}: the pages of {@code file} parsed as a PE image when {@code flProtect}
     * holds SEC_IMAGE (null if the file is not one), ignored otherwise. An image section is as big as the image in
     * memory, whatever size is asked, and its views are MEM_IMAGE with each page's protection from its PE section.
     */
    public NtStatus create(FileObject file, int flProtect, long maximumSize, String name, ImagePages image,
                           Section[] out) {
        int sec = flProtect & SEC_FLAGS;
        int protect = flProtect & ~SEC_FLAGS;
        if (!validSectionProtect(protect) || !validSectionType(sec) || maximumSize < 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        boolean isImage = (sec & SEC_IMAGE) != 0;
        if (isImage && file == null) {
            return NtStatus.INVALID_FILE_FOR_SECTION; // an image needs a file: ERROR_BAD_EXE_FORMAT
        }
        if (isImage && image == null) {
            return NtStatus.INVALID_IMAGE_FORMAT; // not a PE image: ERROR_BAD_EXE_FORMAT
        }
        if ((sec & SEC_LARGE_PAGES) != 0) {
            return NtStatus.PRIVILEGE_NOT_HELD;
        }
        int cache = (sec & SEC_NOCACHE) != 0 ? PAGE_NOCACHE : (sec & SEC_WRITECOMBINE) != 0 ? PAGE_WRITECOMBINE : 0;
        lock.lock();
        try {
            if (name != null) {
                if (objectName(name) == null) {
                    return NtStatus.OBJECT_PATH_NOT_FOUND;
                }
                KernelObject existing = namespace.get(objectName(name));
                if (existing instanceof Section) {
                    out[0] = (Section) existing;
                    return NtStatus.OBJECT_NAME_EXISTS;
                }
                if (existing != null) {
                    return NtStatus.INVALID_HANDLE; // the name belongs to an object of another type
                }
            }
            NtStatus s = file == null ? checkPagefile(sec, maximumSize)
                    : isImage ? checkFileAccess(file, protect) : checkFile(file, protect, sec, maximumSize);
            if (s != NtStatus.SUCCESS) {
                return s;
            }
            if (isImage) {
                Section section = new Section(this, image.size(), protect, 0, false, file.file(), name, image);
                file.file().setMappedSize(Math.max(file.file().mappedSize(), file.file().size())); // no truncating
                if (name != null) {
                    namespace.put(objectName(name), section);
                }
                out[0] = section;
                return NtStatus.SUCCESS;
            }
            long size = file == null || maximumSize != 0 ? maximumSize : file.file().size();
            boolean reserve = file == null && (sec & SEC_RESERVE) != 0;
            Section section = new Section(this, size, protect, cache, reserve, file == null ? null : file.file(),
                    name);
            if (file == null && !reserve) {
                long pages = (size + PAGE_SIZE - 1) / PAGE_SIZE;
                if (!phys.charge(pages)) {
                    return NtStatus.COMMITMENT_LIMIT;
                }
                section.charge(pages);
            }
            if (file != null) {
                SimFile f = file.file();
                if (size > f.size()) {
                    f.setSize(size); // a writable mapping larger than the file grows the file
                }
                f.setMappedSize(Math.max(f.mappedSize(), size));
            }
            if (name != null) {
                namespace.put(objectName(name), section);
            }
            out[0] = section;
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The SEC_* flags of CreateFileMapping: none (SEC_COMMIT), or exactly one type (SEC_COMMIT, SEC_RESERVE,
     * SEC_IMAGE) with at most one cache modifier (SEC_NOCACHE or SEC_WRITECOMBINE) and SEC_LARGE_PAGES, which an
     * image takes none of. A modifier alone, SEC_RESERVE|SEC_COMMIT or SEC_IMAGE|SEC_COMMIT is invalid (87), as
     * Windows answers in Wine's tests and Wine does.
     */
    private static boolean validSectionType(int sec) {
        if (sec == 0) {
            return true;
        }
        int type = sec & (SEC_COMMIT | SEC_RESERVE | SEC_IMAGE);
        int modifiers = sec & (SEC_NOCACHE | SEC_WRITECOMBINE | SEC_LARGE_PAGES);
        return Integer.bitCount(type) == 1
                && (modifiers == 0 || type != SEC_IMAGE)
                && (sec & (SEC_NOCACHE | SEC_WRITECOMBINE)) != (SEC_NOCACHE | SEC_WRITECOMBINE);
    }

    private static boolean validSectionProtect(int p) {
        return p == PAGE_READONLY || p == PAGE_READWRITE || p == PAGE_WRITECOPY || p == PAGE_EXECUTE_READ
                || p == PAGE_EXECUTE_READWRITE || p == PAGE_EXECUTE_WRITECOPY;
    }

    private static NtStatus checkPagefile(int sec, long size) {
        return size == 0 ? NtStatus.INVALID_PARAMETER : NtStatus.SUCCESS;
    }

    private static NtStatus checkFile(FileObject file, int protect, int sec, long maximumSize) {
        if ((sec & SEC_RESERVE) != 0) {
            return NtStatus.INVALID_PARAMETER;
        }
        NtStatus access = checkFileAccess(file, protect);
        if (access != NtStatus.SUCCESS) {
            return access;
        }
        boolean write = protect == PAGE_READWRITE || protect == PAGE_EXECUTE_READWRITE;
        long fileSize = file.file().size();
        if (maximumSize == 0 && fileSize == 0) {
            return NtStatus.MAPPED_FILE_SIZE_ZERO;
        }
        if (maximumSize > fileSize && !write) {
            return NtStatus.SECTION_TOO_BIG; // only a writable mapping may grow the file
        }
        return NtStatus.SUCCESS;
    }

    /** The file handle's access must allow the section's protection (Wine's test_CreateFileMapping_protection). */
    private static NtStatus checkFileAccess(FileObject file, int protect) {
        int a = file.access();
        boolean write = protect == PAGE_READWRITE || protect == PAGE_EXECUTE_READWRITE;
        boolean exec = protect == PAGE_EXECUTE_READ || protect == PAGE_EXECUTE_READWRITE
                || protect == PAGE_EXECUTE_WRITECOPY;
        if ((a & GENERIC_READ) == 0 || write && (a & GENERIC_WRITE) == 0 || exec && (a & GENERIC_EXECUTE) == 0) {
            return NtStatus.ACCESS_DENIED;
        }
        return NtStatus.SUCCESS;
    }

    /** OpenFileMapping: the named section, or a status. */
    public NtStatus open(String name, Section[] out) {
        if (name == null) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (objectName(name) == null) {
            return NtStatus.OBJECT_PATH_NOT_FOUND;
        }
        lock.lock();
        try {
            KernelObject o = namespace.get(objectName(name));
            if (o == null) {
                return NtStatus.OBJECT_NAME_NOT_FOUND;
            }
            if (!(o instanceof Section)) {
                return NtStatus.INVALID_HANDLE;
            }
            out[0] = (Section) o;
            return NtStatus.SUCCESS;
        } finally {
            lock.unlock();
        }
    }

    /** The view protection MapViewOfFile gives for a desired access (kernelbase's rule). */
    static int viewProtect(int access) {
        int p = (access & FILE_MAP_WRITE) != 0 ? PAGE_READWRITE : (access & FILE_MAP_READ) != 0 ? PAGE_READONLY
                : (access & FILE_MAP_COPY) != 0 ? PAGE_WRITECOPY : PAGE_NOACCESS;
        return (access & FILE_MAP_EXECUTE) != 0 && p != PAGE_NOACCESS ? p << 4 : p;
    }

    /**
     * The access a section handle must have been opened with to map a view of this protection (NT's
     * MmMakeSectionAccess, as ReactOS spells it out): a writable view needs only FILE_MAP_WRITE, a read-only or
     * copy-on-write one FILE_MAP_READ, an executable one FILE_MAP_EXECUTE as well. So a handle opened with
     * FILE_MAP_WRITE alone maps a FILE_MAP_WRITE view but not a FILE_MAP_READ one (Wine's answer too).
     */
    private static int handleAccessFor(int viewProtect) {
        int exec = viewProtect >= PAGE_EXECUTE_READ && viewProtect != PAGE_NOACCESS ? FILE_MAP_EXECUTE : 0;
        int data = viewProtect == PAGE_READWRITE || viewProtect == PAGE_EXECUTE_READWRITE ? FILE_MAP_WRITE
                : FILE_MAP_READ;
        return exec | data;
    }

    /** Whether a view protection is allowed by the section's protection. */
    private static boolean compatible(int section, int view) {
        boolean sectionWrite = section == PAGE_READWRITE || section == PAGE_EXECUTE_READWRITE;
        boolean sectionExec = section >= PAGE_EXECUTE_READ;
        boolean viewWrite = view == PAGE_READWRITE || view == PAGE_EXECUTE_READWRITE;
        boolean viewExec = view >= PAGE_EXECUTE_READ && view != PAGE_NOACCESS;
        return (!viewWrite || sectionWrite) && (!viewExec || sectionExec);
    }

    /**
     * MapViewOfFileEx in the address space {@code space}; {@code handleAccess} is the access the handle was opened
     * with (-1 for all). The caller holds the machine lock.
     */
    public NtStatus map(AddressSpace space, Section s, int handleAccess, int access, long offset, long bytes,
                        long baseHint, LongByReference out) {
        int protect = viewProtect(access);
        if (handleAccess != -1 && (handleAccessFor(protect) & ~handleAccess) != 0
                || !compatible(s.protect(), protect)) {
            return NtStatus.ACCESS_DENIED;
        }
        if (offset < 0 || offset % GRANULARITY != 0) {
            return NtStatus.MAPPED_ALIGNMENT;
        }
        if (s.image() != null) {
            return mapImage(space, s, offset, bytes, baseHint, out);
        }
        if (bytes < 0 || offset >= s.size() || bytes > s.size() - offset) {
            return NtStatus.ACCESS_DENIED; // STATUS_INVALID_VIEW_SIZE
        }
        long viewBytes = AddressSpace.alignUp(bytes == 0 ? s.size() - offset : bytes, PAGE_SIZE);
        long base;
        if (baseHint == 0) {
            base = space.findFree(viewBytes, GRANULARITY, false, space.minAddress(), space.maxAddress());
            if (base < 0) {
                return NtStatus.NO_MEMORY;
            }
        } else {
            if (baseHint % GRANULARITY != 0) {
                return NtStatus.MAPPED_ALIGNMENT;
            }
            if (baseHint < space.minAddress() || viewBytes - 1 > space.maxAddress() - baseHint) {
                return NtStatus.INVALID_PARAMETER;
            }
            if (!space.isFree(baseHint, viewBytes)) {
                return NtStatus.CONFLICTING_ADDRESSES;
            }
            base = baseHint;
        }
        long firstPage = offset / PAGE_SIZE;
        // A SEC_NOCACHE or SEC_WRITECOMBINE section's views say so in their protection (VirtualQuery shows it).
        int viewProtect = protect == PAGE_NOACCESS ? protect : protect | s.cache();
        View view = new View(base, viewBytes, MEM_MAPPED, viewProtect, new MappedBacking(s.store(), firstPage, s),
                s.name() != null ? s.name() : s.file() != null ? s.file().path() : "Paging-file section");
        int vprot = Protection.COMMITTED | Protection.fromWin32(viewProtect);
        if (!s.reserveOnly()) {
            view.fillVprot(0, view.pages(), vprot);
        } else {
            for (long p = 0; p < view.pages(); p++) {
                if (s.isCommitted(firstPage + p)) {
                    view.setVprot(p, vprot);
                }
            }
        }
        space.insert(view);
        s.retain();
        s.views().add(view);
        out.setValue(base);
        return NtStatus.SUCCESS;
    }

    /** UnmapViewOfFile: any address inside a mapped view unmaps it. The caller holds the machine lock. */
    public NtStatus unmap(AddressSpace space, long address) {
        View view = space.find(address);
        if (view == null || !(view.backing() instanceof MappedBacking mb) || !(mb.owner() instanceof Section)) {
            return NtStatus.NOT_MAPPED_VIEW;
        }
        release(space, view);
        return NtStatus.SUCCESS;
    }

    /**
     * A view of a SEC_IMAGE section: always the whole image (an offset is refused, a size no bigger than the image is
     * ignored), at its preferred base when that range is free (else anywhere, NT's STATUS_IMAGE_NOT_AT_BASE, which
     * MapViewOfFile reports as success; the kernel applies no relocations to a view made this way). MEM_IMAGE,
     * allocation protection PAGE_EXECUTE_WRITECOPY, each page with its PE section's protection, the header page
     * read-only: what LoadLibrary maps, without the loader's work (imports, relocations, DllMain).
     */
    private NtStatus mapImage(AddressSpace space, Section s, long offset, long bytes, long baseHint,
                              LongByReference out) {
        ImagePages image = s.image();
        if (offset != 0 || bytes < 0 || bytes > image.size()) {
            return NtStatus.ACCESS_DENIED; // STATUS_INVALID_VIEW_SIZE
        }
        long size = image.size();
        long base = baseHint;
        if (base == 0) {
            long preferred = image.preferredBase();
            boolean fits = preferred >= space.minAddress() && size - 1 <= space.maxAddress() - preferred;
            base = fits && space.isFree(preferred, size) ? preferred
                    : space.findFree(size, GRANULARITY, false, space.minAddress(), space.maxAddress());
            if (base < 0) {
                return NtStatus.NO_MEMORY;
            }
        } else {
            if (base % GRANULARITY != 0) {
                return NtStatus.MAPPED_ALIGNMENT;
            }
            if (base < space.minAddress() || size - 1 > space.maxAddress() - base) {
                return NtStatus.INVALID_PARAMETER;
            }
            if (!space.isFree(base, size)) {
                return NtStatus.CONFLICTING_ADDRESSES;
            }
        }
        View view = new View(base, size, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY, new MappedBacking(image.store(), 0, s),
                s.file().path());
        for (int p = 0; p < image.pageVprot().length; p++) {
            view.setVprot(p, image.pageVprot()[p]);
        }
        space.insert(view);
        s.retain();
        s.views().add(view);
        out.setValue(base);
        return NtStatus.SUCCESS;
    }

    /** Removes a view of a section from its space (unmap, or the process's end): the section loses its reference. */
    public void release(AddressSpace space, View view) {
        view.backing().discard(0, view.pages());
        space.remove(view);
        Section s = (Section) ((MappedBacking) view.backing()).owner();
        s.views().remove(view);
        s.release();
    }

    /** FlushViewOfFile: writes the view's dirty file pages; returns how many. The caller holds the lock. */
    public NtStatus flush(AddressSpace space, long address, long bytes, LongByReference flushed) {
        View view = space.find(address);
        if (view == null || !(view.backing() instanceof MappedBacking mb) || !(mb.owner() instanceof Section s)) {
            return NtStatus.NOT_MAPPED_VIEW;
        }
        long first = view.pageOf(address);
        long end = bytes == 0 ? view.pages() : Math.min(view.pages(), view.pageOf(address + bytes - 1) + 1);
        flushed.setValue(s.file() == null || s.image() != null ? 0 : s.file().flush(mb.firstPage() + first, end - first));
        return NtStatus.SUCCESS;
    }

    boolean charge(long pages) {
        return phys.charge(pages);
    }

    /**
     * The section's last handle was closed: its name leaves the namespace (a view keeps the pages, not the name;
     * NT deletes an object's name when its handle count reaches zero).
     */
    void unnamed(Section s) {
        lock.lock();
        try {
            if (s.name() != null && namespace.get(objectName(s.name())) == s) {
                namespace.remove(objectName(s.name()));
            }
        } finally {
            lock.unlock();
        }
    }

    void destroyed(Section s) {
        unnamed(s);
        lock.lock();
        try {
            if (s.chargedPages() > 0) {
                phys.uncharge(s.chargedPages());
            }
            if (s.file() != null) {
                s.file().setMappedSize(0);
            }
        } finally {
            lock.unlock();
        }
    }
}
