package pagelab.sim.machine;

import static pagelab.kernel.WinNT.PAGE_READONLY;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.sim.vm.AddressSpace.GRANULARITY;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.SplittableRandom;
import pagelab.kernel.LongByReference;
import pagelab.kernel.WinNT;
import pagelab.kernel.host.ImageBuilder;
import pagelab.kernel.host.ImageFile;
import pagelab.sim.image.Module;
import pagelab.sim.status.NtStatus;
import pagelab.sim.thread.SimThread;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.PrivateBacking;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;

/**
 * Lays out a fresh process as chapter 14's VMMap tour shows one: the exe image at its preferred base, the system
 * DLLs high in user mode, KUSER_SHARED_DATA and the PEB near the top, the environment and process parameters, the
 * main thread's stack (top page committed, a guard page below) and TEB, and the default process heap. With ASLR
 * the bases move, driven by the machine's seed; without it every process of a machine looks the same.
 * The caller holds the machine lock.
 */
final class ProcessLoader {
    static final String NTDLL = "C:\\Windows\\System32\\ntdll.dll";
    static final String KERNEL32 = "C:\\Windows\\System32\\kernel32.dll";
    private static final long KUSER_SHARED_DATA = 0x7FFE0000L;

    private final SimMachine machine;

    ProcessLoader(SimMachine machine) {
        this.machine = machine;
    }

    /** Puts the built-in images in the file system: blank.exe and the two system DLLs every process maps. */
    void installSystemImages() {
        boolean x64 = machine.config().is64Bit();
        ImageFile blank = ImageBuilder.exe("blank.exe").preferredBase(x64 ? 0x140000000L : 0x00400000L)
                .code(0x1000).readOnlyData(".rdata", 0x1000).data(".data", 0x1000).build();
        ImageFile kernel32 = ImageBuilder.dll("kernel32.dll").preferredBase(x64 ? 0x7FFED0000000L : 0x7C800000L)
                .code(0x5F000).data(".data", 0x4000).readOnlyData(".rsrc", 0x10000).build();
        ImageFile ntdll = ImageBuilder.dll("ntdll.dll").preferredBase(x64 ? 0x7FFEE0000000L : 0x7C900000L)
                .code(0x7F000).data(".data", 0x8000).readOnlyData(".rsrc", 0x20000).build();
        machine.files().write(SimMachine.BLANK_EXE, blank.toBytes());
        machine.files().write(KERNEL32, kernel32.toBytes());
        machine.files().write(NTDLL, ntdll.toBytes());
    }

    /**
     * Maps the exe and its DLLs and builds the process's private regions.
     *
     * @throws IllegalArgumentException if the image is missing or cannot be loaded, with CreateProcess's reason
     */
    void load(SimProcess p) {
        Module[] exe = new Module[1];
        NtStatus s = machine.images().load(p.modules(), p.imagePath(), false, exe);
        if (s != NtStatus.SUCCESS) {
            throw new IllegalArgumentException("CreateProcess(\"" + p.imagePath() + "\") failed: " + describe(s));
        }
        p.setImageInfo(exe[0].base(), exe[0].base() + PAGE_SIZE);
        for (String dll : new String[] {KERNEL32, NTDLL}) {
            s = machine.images().load(p.modules(), dll, true, new Module[1]);
            if (s != NtStatus.SUCCESS) {
                throw new IllegalArgumentException("CreateProcess: cannot map " + dll + ": " + describe(s));
            }
        }
        SplittableRandom rnd = new SplittableRandom(machine.config().seed() * 31 + p.id());
        boolean aslr = machine.config().aslr();
        AddressSpace space = p.space();
        if (space.isFree(KUSER_SHARED_DATA, PAGE_SIZE)) {
            mapPrivate(p, KUSER_SHARED_DATA, PAGE_SIZE, PAGE_SIZE, PAGE_READONLY, "Shared user data");
        }
        mapPrivate(p, pebAddress(aslr, rnd), PAGE_SIZE, PAGE_SIZE, PAGE_READWRITE, "PEB");

        long low = space.minAddress() + (aslr ? rnd.nextLong(0, 0x100) * GRANULARITY : 0);
        placeLow(p, low, PAGE_SIZE, "Environment block");
        placeLow(p, low, PAGE_SIZE, "Process parameters");
        long reserve = machine.faults().stackReserveSet() ? machine.defaultStackReserve()
                : exe[0].image().image().stackReserve();
        SimThread main = createThread(p, reserve, 0, true);
        if (main == null) {
            throw new IllegalArgumentException("CreateProcess: no room or commit for the main thread's stack");
        }
        p.setMainThread(main);
        long heap = reserveDefaultHeapRegion(p, low);
        if (heap != 0) {
            p.heaps().createDefaultHeap(heap);
        }
    }

    /**
     * Reserves 1 MiB for the default heap, low in the address space, and commits its first 16 KiB (the heap manager
     * formats it). Returns the region's base, 0 if there is no room.
     */
    private long reserveDefaultHeapRegion(SimProcess p, long low) {
        AddressSpace space = p.space();
        long base = space.findFree(0x100000, GRANULARITY, false, low, space.maxAddress());
        if (base < 0 || mapPrivate(p, base, 0x100000, 0, PAGE_READWRITE, "Heap (default)") == null) {
            return 0;
        }
        p.vm().allocate(base, 0x4000, WinNT.MEM_COMMIT, PAGE_READWRITE, new LongByReference());
        return base;
    }

    /** Maps a loader-made private allocation (stack, heap, PEB...), its top {@code committedTop} bytes committed. */
    private View mapPrivate(SimProcess p, long base, long size, long committedTop, int protect, String detail) {
        View v = new View(base, size, WinNT.MEM_PRIVATE, protect, new PrivateBacking(machine.phys(), size / PAGE_SIZE),
                detail);
        long pages = committedTop / PAGE_SIZE;
        if (pages > 0) {
            if (!machine.phys().charge(pages)) {
                return null;
            }
            p.vm().addPrivateCommit(pages);
            v.fillVprot(v.pages() - pages, pages, Protection.COMMITTED | Protection.fromWin32(protect));
        }
        p.space().insert(v);
        return v;
    }

    private static String describe(NtStatus s) {
        switch (s) {
            case DLL_NOT_FOUND: return "the image file was not found (ERROR_FILE_NOT_FOUND / ERROR_MOD_NOT_FOUND)";
            case INVALID_IMAGE_FORMAT: return "not a valid image of that kind (ERROR_BAD_EXE_FORMAT)";
            case CONFLICTING_ADDRESSES: return "a /FIXED image's base is taken (ERROR_INVALID_ADDRESS)";
            default: return s.name() + " (Win32 error " + s.win32Error() + ")";
        }
    }

    private long pebAddress(boolean aslr, SplittableRandom rnd) {
        long peb = machine.config().is64Bit() ? 0x7FFFFFFDF000L : 0x7FFDF000L;
        return peb - (aslr ? rnd.nextLong(0, 16) * PAGE_SIZE : 0);
    }

    private void placeLow(SimProcess p, long from, long size, String detail) {
        AddressSpace space = p.space();
        long base = space.findFree(size, GRANULARITY, false, from, space.maxAddress());
        if (base >= 0) {
            mapPrivate(p, base, size, size, PAGE_READWRITE, detail);
        }
    }

    /**
     * Chapter 16: a thread's stack is a reservation (1 MiB by default) whose top page is committed with a guard
     * page below it. {@code commit}, when given, is the committed size instead (CreateThread's dwStackSize);
     * with {@code reservationGiven} {@code requested} is the reservation's size.
     */
    SimThread createThread(SimProcess p, long requested, long commit, boolean reservationGiven) {
        long reserve = machine.defaultStackReserve();
        long commitBytes = PAGE_SIZE;
        if (reservationGiven && requested > 0) {
            reserve = AddressSpace.alignUp(requested, GRANULARITY);
        } else if (commit > 0) {
            commitBytes = AddressSpace.alignUp(commit, PAGE_SIZE);
            if (commitBytes >= reserve) {
                // Windows: a commit size above the default reserve rounds the reserve up to a multiple of 1 MiB.
                reserve = AddressSpace.alignUp(commitBytes + 2 * PAGE_SIZE, 0x100000);
            }
        }
        AddressSpace space = p.space();
        long base = space.findFree(reserve, GRANULARITY, false, space.minAddress(), space.maxAddress());
        long pages = reserve / PAGE_SIZE;
        long committed = Math.max(1, Math.min(commitBytes / PAGE_SIZE, pages - 3));
        if (base < 0 || !machine.phys().charge(committed + 1)) {
            return null;
        }
        int id = machine.nextId();
        SimThread t = new SimThread(id);
        View stack = new View(base, reserve, WinNT.MEM_PRIVATE, PAGE_READWRITE,
                new PrivateBacking(machine.phys(), pages), "Thread stack (TID " + id + ")");
        stack.fillVprot(pages - committed, committed, Protection.COMMITTED | Protection.READWRITE);
        stack.setVprot(pages - committed - 1, Protection.COMMITTED | Protection.READWRITE | Protection.GUARD);
        space.insert(stack);
        p.vm().addPrivateCommit(committed + 1);
        t.setStack(base, base + reserve - committed * PAGE_SIZE, base + reserve);
        long ceiling = (machine.config().is64Bit() ? 0x7FFFFFFDF000L : 0x7FFDF000L) - 1;
        long teb = space.findFree(PAGE_SIZE, PAGE_SIZE, true, space.minAddress(), ceiling);
        if (teb > 0 && mapPrivate(p, teb, PAGE_SIZE, PAGE_SIZE, PAGE_READWRITE, "TEB (TID " + id + ")") != null) {
            t.setTeb(teb);
        }
        p.addThread(t);
        machine.processEvent(p, id, "THREAD_CREATED", String.format("stack %#x-%#x", base, base + reserve));
        return t;
    }
}
