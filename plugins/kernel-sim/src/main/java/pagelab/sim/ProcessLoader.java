package pagelab.sim;

import static pagelab.kernel.WinNT.MEM_IMAGE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_WRITECOPY;
import static pagelab.kernel.WinNT.PAGE_READONLY;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.sim.vm.AddressSpace.GRANULARITY;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.SplittableRandom;
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
    private static final long KUSER_SHARED_DATA = 0x7FFE0000L;

    /** A section of a built-in image: pages and their protection. */
    private record Section(String name, int pages, int vprot) {
    }

    private static final Section[] BLANK_EXE = {
        new Section("headers", 1, Protection.READONLY), new Section(".text", 1, Protection.EXECUTE_READ),
        new Section(".rdata", 1, Protection.READONLY), new Section(".data", 1, Protection.WRITECOPY)};
    private static final Section[] NTDLL = {
        new Section("headers", 1, Protection.READONLY), new Section(".text", 0x7F, Protection.EXECUTE_READ),
        new Section(".data", 0x8, Protection.WRITECOPY), new Section(".rsrc", 0x20, Protection.READONLY)};
    private static final Section[] KERNEL32 = {
        new Section("headers", 1, Protection.READONLY), new Section(".text", 0x5F, Protection.EXECUTE_READ),
        new Section(".data", 0x4, Protection.WRITECOPY), new Section(".rsrc", 0x10, Protection.READONLY)};

    private final SimMachine machine;
    private final long exeBase;
    private final long ntdllBase;
    private final long kernel32Base;

    ProcessLoader(SimMachine machine) {
        this.machine = machine;
        // Image bases are chosen once per boot, as Windows does with ASLR: every process of a machine agrees.
        SplittableRandom boot = new SplittableRandom(machine.config().seed() ^ 0x5EEDBA5EL);
        boolean aslr = machine.config().aslr();
        if (machine.config().is64Bit()) {
            exeBase = 0x140000000L + (aslr ? boot.nextLong(1, 0x800) * GRANULARITY : 0);
            ntdllBase = 0x7FFEE0000000L - (aslr ? boot.nextLong(0, 0x4000) * GRANULARITY : 0);
            kernel32Base = ntdllBase - 0x10000000L;
        } else {
            exeBase = 0x00400000L + (aslr ? boot.nextLong(1, 0x100) * GRANULARITY : 0);
            ntdllBase = 0x7C900000L - (aslr ? boot.nextLong(1, 0x400) * GRANULARITY : 0);
            kernel32Base = ntdllBase - 0x00100000L;
        }
    }

    void load(SimProcess p) {
        SplittableRandom rnd = new SplittableRandom(machine.config().seed() * 31 + p.id());
        boolean aslr = machine.config().aslr();
        View exe = mapImage(p, "blank.exe", SimMachine.BLANK_EXE, exeBase, BLANK_EXE);
        p.setImageInfo(exe.base(), exe.base() + PAGE_SIZE);
        mapImage(p, "kernel32.dll", "C:\\Windows\\System32\\kernel32.dll", kernel32Base, KERNEL32);
        mapImage(p, "ntdll.dll", "C:\\Windows\\System32\\ntdll.dll", ntdllBase, NTDLL);

        AddressSpace space = p.space();
        if (space.isFree(KUSER_SHARED_DATA, PAGE_SIZE)) {
            p.mapPrivate(KUSER_SHARED_DATA, PAGE_SIZE, PAGE_SIZE, PAGE_READONLY, "Shared user data");
        }
        long peb = pebAddress(aslr, rnd);
        p.mapPrivate(peb, PAGE_SIZE, PAGE_SIZE, PAGE_READWRITE, "PEB");

        long low = space.minAddress() + (aslr ? rnd.nextLong(0, 0x100) * GRANULARITY : 0);
        placeLow(p, low, PAGE_SIZE, PAGE_SIZE, "Environment block");
        placeLow(p, low, PAGE_SIZE, PAGE_SIZE, "Process parameters");
        SimThread main = createThread(p, 0, 0, false);
        if (main == null) {
            throw new IllegalStateException("ProcessLoader: no room for the main thread's stack");
        }
        p.setMainThread(main);
        p.setLowPlacement(low);
        p.heaps().createDefaultHeap();
    }

    private long pebAddress(boolean aslr, SplittableRandom rnd) {
        if (machine.config().is64Bit()) {
            return 0x7FFFFFFDF000L - (aslr ? rnd.nextLong(0, 16) * PAGE_SIZE : 0);
        }
        return 0x7FFDF000L - (aslr ? rnd.nextLong(0, 16) * PAGE_SIZE : 0);
    }

    private View placeLow(SimProcess p, long from, long size, long commitTop, String detail) {
        AddressSpace space = p.space();
        long base = space.findFree(size, GRANULARITY, false, from, space.maxAddress());
        if (base < 0) {
            base = space.findFree(size, GRANULARITY, false, space.minAddress(), space.maxAddress());
        }
        return base < 0 ? null : p.mapPrivate(base, size, commitTop, PAGE_READWRITE, detail);
    }

    private View mapImage(SimProcess p, String name, String path, long base, Section[] sections) {
        int pages = 0;
        for (Section s : sections) {
            pages += s.pages();
        }
        long size = (long) pages * PAGE_SIZE;
        View v = new View(base, size, MEM_IMAGE, PAGE_EXECUTE_WRITECOPY, new PrivateBacking(machine.phys(), pages),
                path);
        long page = 0;
        for (Section s : sections) {
            v.fillVprot(page, s.pages(), Protection.COMMITTED | s.vprot());
            page += s.pages();
        }
        p.space().insert(v);
        p.addModule(name, base, size);
        return v;
    }

    /**
     * Chapter 16: a thread's stack is a reservation (1 MiB by default) whose top page is committed with a guard
     * page below it. {@code commit}, when given, is the committed size instead (CreateThread's dwStackSize);
     * with {@code reservationGiven} it is the reservation's size.
     */
    SimThread createThread(SimProcess p, long requested, long commit, boolean reservationGiven) {
        long reserve = machine.defaultStackReserve();
        long commitBytes = PAGE_SIZE;
        if (reservationGiven && requested > 0) {
            reserve = AddressSpace.alignUp(requested, GRANULARITY);
        } else if (commit > 0) {
            commitBytes = AddressSpace.alignUp(commit, PAGE_SIZE);
            if (commitBytes >= reserve) {
                reserve = AddressSpace.alignUp(commitBytes + 2 * PAGE_SIZE, 0x100000);
            }
        }
        AddressSpace space = p.space();
        long base = space.findFree(reserve, GRANULARITY, false, space.minAddress(), space.maxAddress());
        long pages = reserve / PAGE_SIZE;
        long committed = Math.min(commitBytes / PAGE_SIZE, pages - 3);
        if (base < 0 || !machine.phys().charge(committed + 1)) {
            return null;
        }
        int id = machine.nextId();
        SimThread t = new SimThread(id);
        View stack = new View(base, reserve, pagelab.kernel.WinNT.MEM_PRIVATE, PAGE_READWRITE,
                new PrivateBacking(machine.phys(), pages), "Thread stack (TID " + id + ")");
        stack.fillVprot(pages - committed, committed, Protection.COMMITTED | Protection.READWRITE);
        stack.setVprot(pages - committed - 1, Protection.COMMITTED | Protection.READWRITE | Protection.GUARD);
        space.insert(stack);
        p.vm().addPrivateCommit(committed + 1);
        t.setStack(base, base + reserve - committed * PAGE_SIZE, base + reserve);
        long teb = space.findFree(PAGE_SIZE, PAGE_SIZE, true, space.minAddress(), tebCeiling(p));
        if (teb > 0) {
            View tebView = p.mapPrivate(teb, PAGE_SIZE, PAGE_SIZE, PAGE_READWRITE, "TEB (TID " + id + ")");
            if (tebView != null) {
                t.setTeb(teb);
            }
        }
        p.addThread(t);
        machine.processEvent(p, id, "THREAD_CREATED", String.format("stack %#x-%#x", base, base + reserve));
        return t;
    }

    /** TEBs go just below the PEB, top-down, as on 32-bit Windows. */
    private long tebCeiling(SimProcess p) {
        long peb = machine.config().is64Bit() ? 0x7FFFFFFDF000L : 0x7FFDF000L;
        return peb - 0x10 * PAGE_SIZE - 1 + 0x10 * PAGE_SIZE;
    }
}
