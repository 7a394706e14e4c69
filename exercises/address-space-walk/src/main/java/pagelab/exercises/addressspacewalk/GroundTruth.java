package pagelab.exercises.addressspacewalk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.WinProcess;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.Region;

/**
 * A prepared process and what a correct walk of it returns, from the kernel's inspection API: the regions as VMMap
 * groups them, with their blocks and kinds. Also runs the student's walk, turning a crash into a failed check.
 */
final class GroundTruth {
    final WinProcess process;
    final AddressSpaceSnapshot snapshot;
    final List<VmRegion> regions;

    private GroundTruth(WinProcess process, AddressSpaceSnapshot snapshot) {
        this.process = process;
        this.snapshot = snapshot;
        this.regions = expected(snapshot);
    }

    /**
     * Gives {@code p} more to find than a fresh process has, then takes the ground truth: a private heap, a
     * reservation with committed, guard-free and reserved parts, and a view of a paging-file mapping.
     */
    static GroundTruth prepare(WinProcess p) {
        Kernel32 k = p.kernel32();
        k.HeapCreate(0, 0x10000, 0);
        long r = k.VirtualAlloc(0, 0x100000, WinNT.MEM_RESERVE, WinNT.PAGE_READWRITE);
        k.VirtualAlloc(r + 0x3000, 0x2000, WinNT.MEM_COMMIT, WinNT.PAGE_READWRITE);
        k.VirtualAlloc(r + 0x8000, 0x1000, WinNT.MEM_COMMIT, WinNT.PAGE_READONLY);
        long h = k.CreateFileMapping(WinNT.INVALID_HANDLE_VALUE, null, WinNT.PAGE_READWRITE, 0, 0x20000, null);
        k.MapViewOfFile(h, WinNT.FILE_MAP_READ, 0, 0, 0);
        return new GroundTruth(p, p.inspector().snapshot());
    }

    /** The student's walk of the prepared process. */
    List<VmRegion> walk(AddressSpaceWalker walker) {
        List<VmRegion> got = call("walk", () -> walker.walk(process.kernel32()));
        // the checker's own copy: what the solution returned is judged as it was, not by its own equals or size
        return got == null ? List.of() : new ArrayList<>(got);
    }

    static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("crashed", "{0} crashed the process: {1}.",
                    what, Win32Names.exception(e.record())))
                    .hint("dereferences-address",
                            "VirtualQuery never faults; did the walk dereference an address it found?"));
        }
    }

    /** One past the last address VirtualQuery answers for. */
    long end() {
        return snapshot.maxAddress() + 1;
    }

    private static List<VmRegion> expected(AddressSpaceSnapshot s) {
        List<VmRegion> out = new ArrayList<>();
        for (Region r : s.regions()) {
            if (r.state() == WinNT.MEM_FREE) {
                out.add(new VmRegion(r.base(), r.size(), WinNT.MEM_FREE, RegionKind.FREE, List.of(
                        new VmBlock(r.base(), r.size(), WinNT.MEM_FREE, r.protect(), 0))));
            }
        }
        for (Allocation a : s.allocations()) {
            List<VmBlock> blocks = a.blocks().stream().map(b -> new VmBlock(b.base(), b.size(), b.state(),
                    b.protect(), b.type())).toList();
            out.add(new VmRegion(a.base(), a.size(), a.type(), kind(a), blocks));
        }
        out.sort((x, y) -> Long.compareUnsigned(x.base(), y.base()));
        return out;
    }

    private static RegionKind kind(Allocation a) {
        if (a.type() == WinNT.MEM_IMAGE) {
            return RegionKind.IMAGE;
        } else if (a.type() == WinNT.MEM_MAPPED) {
            return RegionKind.MAPPED;
        } else if (a.detail().startsWith("Heap ")) {
            return RegionKind.HEAP;
        } else if (a.detail().startsWith("Thread stack")) {
            return RegionKind.STACK;
        }
        return RegionKind.PRIVATE;
    }

    /** The region of {@code regions} based at {@code base}, or null. */
    static VmRegion at(List<VmRegion> regions, long base) {
        for (VmRegion r : regions) {
            if (r != null && r.base() == base) {
                return r;
            }
        }
        return null;
    }

    /** "0x00130000 (HEAP, 1,048,576 bytes)", translatable. */
    static Msg describe(VmRegion r) {
        return Msg.of("region", "{0} ({1}, {2})", Win32Names.hex(r.base()), String.valueOf(r.kind()), bytes(r.size()));
    }

    /** "1 byte", "1,048,576 bytes", as Win32Names.bytes writes them, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
    }
}
