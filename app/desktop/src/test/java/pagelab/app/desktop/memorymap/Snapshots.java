package pagelab.app.desktop.memorymap;

import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.Region;

import java.util.ArrayList;
import java.util.List;

import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_IMAGE;
import static pagelab.kernel.WinNT.MEM_PRIVATE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READ;
import static pagelab.kernel.WinNT.PAGE_GUARD;
import static pagelab.kernel.WinNT.PAGE_READONLY;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_WRITECOPY;

/** Hand-made snapshots for tests of the memory map, shaped like the simulator's. */
public final class Snapshots {
    public static final long X86_MAX = 0x7FFEFFFFL;
    public static final long X64_MAX = 0x7FFFFFFEFFFFL;

    private Snapshots() {
    }

    public static Region block(long base, long size, long allocBase, int state, int protect, int type) {
        return new Region(base, size, allocBase, PAGE_READWRITE, state, state == MEM_COMMIT ? protect : 0, type);
    }

    /** An exe image (4 blocks), a thread stack (reserved, guard, committed top) and a heap. */
    public static AddressSpaceSnapshot smallX86(long sequence) {
        List<Allocation> allocs = new ArrayList<>();
        long exe = 0x00400000L;
        allocs.add(new Allocation(exe, 0x4000, MEM_IMAGE, WinNT.PAGE_EXECUTE_WRITECOPY, "C:\\PageLab\\blank.exe",
                List.of(block(exe, 0x1000, exe, MEM_COMMIT, PAGE_READONLY, MEM_IMAGE),
                        block(exe + 0x1000, 0x1000, exe, MEM_COMMIT, PAGE_EXECUTE_READ, MEM_IMAGE),
                        block(exe + 0x2000, 0x1000, exe, MEM_COMMIT, PAGE_WRITECOPY, MEM_IMAGE),
                        block(exe + 0x3000, 0x1000, exe, MEM_COMMIT, PAGE_READONLY, MEM_IMAGE))));
        long stack = 0x00030000L;
        allocs.add(0, new Allocation(stack, 0x100000, MEM_PRIVATE, PAGE_READWRITE, "Thread stack (TID 1)",
                List.of(block(stack, 0xFE000, stack, MEM_RESERVE, 0, MEM_PRIVATE),
                        block(stack + 0xFE000, 0x1000, stack, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD, MEM_PRIVATE),
                        block(stack + 0xFF000, 0x1000, stack, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE))));
        long heap = 0x00140000L;
        allocs.add(1, new Allocation(heap, 0x10000, MEM_PRIVATE, PAGE_READWRITE, "Heap (default)",
                List.of(block(heap, 0x10000, heap, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE))));
        return new AddressSpaceSnapshot(sequence, 0x10000, X86_MAX, allocs);
    }

    /** {@link #smallX86} plus one private reservation of 64 KiB at {@code base}. */
    public static AddressSpaceSnapshot withReservation(AddressSpaceSnapshot s, long base, long sequence) {
        List<Allocation> allocs = new ArrayList<>(s.allocations());
        allocs.add(new Allocation(base, 0x10000, MEM_PRIVATE, PAGE_READWRITE, "",
                List.of(block(base, 0x10000, base, MEM_RESERVE, 0, MEM_PRIVATE))));
        allocs.sort((a, b) -> Long.compareUnsigned(a.base(), b.base()));
        return new AddressSpaceSnapshot(sequence, s.minAddress(), s.maxAddress(), allocs);
    }

    /** A 128 TiB x64 space with {@code count} allocations of three blocks each, spread over the whole space. */
    public static AddressSpaceSnapshot bigX64(int count) {
        List<Allocation> allocs = new ArrayList<>(count);
        long stride = (X64_MAX / count) & ~0xFFFFL;
        for (int i = 0; i < count; i++) {
            long base = 0x10000L + i * stride;
            allocs.add(new Allocation(base, 0x30000, MEM_PRIVATE, PAGE_READWRITE, "",
                    List.of(block(base, 0x10000, base, MEM_COMMIT, PAGE_READWRITE, MEM_PRIVATE),
                            block(base + 0x10000, 0x10000, base, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD,
                                    MEM_PRIVATE),
                            block(base + 0x20000, 0x10000, base, MEM_RESERVE, 0, MEM_PRIVATE))));
        }
        return new AddressSpaceSnapshot(1, 0x10000, X64_MAX, allocs);
    }
}
