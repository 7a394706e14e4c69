package pagelab.sim.heap;

import static pagelab.sim.vm.AddressSpace.PAGE_SHIFT;
import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import pagelab.sim.SimProcess;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;

/**
 * How the heap manager reads and writes its own pages: straight through the view's frames, never through
 * {@code SimProcess.memory()}, because a fault there would run the program's SEH filters while the heap holds the
 * machine lock. Each access checks what the MMU would (committed, accessible, no guard) and throws
 * {@link HeapAccessException} instead of faulting. A released view has no committed pages left, so the same
 * check catches a heap region the program freed behind the heap's back. The caller holds the machine lock.
 */
final class HeapMemory {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int OFFSET_MASK = PAGE_SIZE - 1;

    private final SimProcess process;
    private final pagelab.sim.vm.AddressSpace space;
    /**
     * A one-entry TLB, as the MMU keeps: the last written page's frame, valid while the address space's
     * generation is unchanged (every protection change, decommit, release or new frame bumps it).
     */
    private View lastView;
    private long lastPage = -1;
    private long lastGeneration = -1;
    private byte[] lastFrame;

    /** The address space whose {@code generation()} validates a block's cached frame (see {@link Block#frame}). */
    pagelab.sim.vm.AddressSpace space() {
        return space;
    }

    HeapMemory(SimProcess process) {
        this.process = process;
        this.space = process.space();
    }

    /** Reads an aligned 32-bit value (it never straddles a page). */
    int readInt(View view, long address) {
        return (int) INT.get(frame(view, address, false), (int) (address & OFFSET_MASK));
    }

    void writeInt(View view, long address, int value) {
        INT.set(frame(view, address, true), (int) (address & OFFSET_MASK), value);
    }

    long readLong(View view, long address) {
        return (long) LONG.get(frame(view, address, false), (int) (address & OFFSET_MASK));
    }

    void writeLong(View view, long address, long value) {
        LONG.set(frame(view, address, true), (int) (address & OFFSET_MASK), value);
    }

    /**
     * Writes a block header: two ints and, when {@code wide} (x64), a long. A header is aligned to its own size, so
     * it never straddles a page and one translation serves all of it. {@code generation} is the address space's
     * current one, read by the caller.
     */
    void writeHeader(Block b, int size, int flags, boolean wide, long check, long generation) {
        byte[] f = headerFrame(b, true, generation);
        int off = (int) (b.address & OFFSET_MASK);
        INT.set(f, off, size);
        INT.set(f, off + 4, flags);
        if (wide) {
            LONG.set(f, off + 8, check);
        }
    }

    /** Rewrites only the flags word of a block header (see {@link BlockHeaders#writeState}). */
    void writeFlags(Block b, int flags, long generation) {
        INT.set(headerFrame(b, true, generation), (int) (b.address & OFFSET_MASK) + 4, flags);
    }

    /**
     * Whether the header of {@code b} holds exactly these words: {@code sizeAndFlags} as one little-endian long (one
     * load and one compare instead of two) and, when {@code wide}, the {@code check} long after it.
     */
    boolean headerIs(Block b, long sizeAndFlags, boolean wide, long check, long generation) {
        byte[] f = headerFrame(b, false, generation);
        int off = (int) (b.address & OFFSET_MASK);
        return (long) LONG.get(f, off) == sizeAndFlags && (!wide || (long) LONG.get(f, off + 8) == check);
    }

    /** Reads {@code len} bytes starting at {@code address}, page by page. */
    void read(View view, long address, byte[] dst, int len) {
        int done = 0;
        while (done < len) {
            long a = address + done;
            int off = (int) (a & OFFSET_MASK);
            int n = Math.min(len - done, PAGE_SIZE - off);
            System.arraycopy(frame(view, a, false), off, dst, done, n);
            done += n;
        }
    }

    void write(View view, long address, byte[] src, int len) {
        int done = 0;
        while (done < len) {
            long a = address + done;
            int off = (int) (a & OFFSET_MASK);
            int n = Math.min(len - done, PAGE_SIZE - off);
            System.arraycopy(src, done, frame(view, a, true), off, n);
            done += n;
        }
    }

    /** Copies {@code len} bytes in page-sized pieces: a large block on x64 may be bigger than a Java array. */
    void copy(View from, long src, View to, long dst, long len) {
        byte[] buf = new byte[(int) Math.min(len, PAGE_SIZE)];
        for (long done = 0; done < len; done += buf.length) {
            int n = (int) Math.min(buf.length, len - done);
            read(from, src + done, buf, n);
            write(to, dst + done, buf, n);
        }
    }

    /** Sets {@code len} bytes to {@code value}; a page that still reads as zero is left alone when zeroing. */
    void fill(View view, long address, long len, byte value) {
        long done = 0;
        while (done < len) {
            long a = address + done;
            int off = (int) (a & OFFSET_MASK);
            int n = (int) Math.min(len - done, PAGE_SIZE - off);
            if (value == 0 && view.backing().frameForRead(view.pageOf(a)) == null) {
                check(view, a, true); // zero already, but the write must still be allowed
            } else {
                java.util.Arrays.fill(frame(view, a, true), off, off + n, value);
            }
            done += n;
        }
    }

    private void check(View view, long address, boolean write) {
        int vprot = view.vprot(view.pageOf(address));
        if (Protection.isGuard(vprot) || !(write ? Protection.canWrite(vprot) : Protection.canRead(vprot))) {
            throw new HeapAccessException(address);
        }
    }

    /**
     * The frame of the page holding {@code b}'s header: the block's own TLB entry while the address space's
     * generation is unchanged, else a translation, kept in the block if it was for a write (a frame translated for
     * a read may be the shared zero frame). The one-entry TLB below cannot serve a pair of HeapAlloc and HeapFree
     * as well: its checks cost more than the block's one, and any other heap access in between evicts it.
     */
    private byte[] headerFrame(Block b, boolean write, long gen) {
        byte[] f = b.frame;
        if (f != null && b.frameGeneration == gen) {
            return f;
        }
        f = translate(b.segment.view, b.address, write);
        if (write) {
            b.frame = f;
            b.frameGeneration = space.generation(); // after the translation, which may have bumped it
        }
        return f;
    }

    /** The frame of the page holding {@code address}, with the MMU's bookkeeping (page faults, TLB invalidation). */
    private byte[] frame(View view, long address, boolean write) {
        long gen = space.generation();
        if (view == lastView && address >>> PAGE_SHIFT == lastPage && gen == lastGeneration) {
            return lastFrame; // cached only for pages that were writable: fine for reads and writes
        }
        byte[] frame = translate(view, address, write);
        if (write) {
            lastView = view;
            lastPage = address >>> PAGE_SHIFT;
            lastGeneration = space.generation();
            lastFrame = frame;
        }
        return frame;
    }

    private byte[] translate(View view, long address, boolean write) {
        if (!view.contains(address)) {
            throw new IllegalStateException("HeapMemory.frame: " + Long.toHexString(address) + " outside " + view);
        }
        check(view, address, write);
        long page = view.pageOf(address);
        var backing = view.backing();
        if (write) {
            byte[] own = backing.frameForRead(page);
            if (own != null && !backing.isShared(page)) {
                return own; // a private page already written: the common case, no bookkeeping to do
            }
            boolean hadFrame = backing.isDirty(page);
            boolean wasResident = backing.isResident(page);
            byte[] frame = backing.frameForWrite(page);
            if (!wasResident) {
                process.counters().pageFault();
            }
            if (!hadFrame) {
                space.invalidate(); // the program's TLB may hold the shared zero frame for this page
            }
            return frame;
        }
        byte[] frame = backing.frameForRead(page);
        if (frame == null) {
            if (!backing.isResident(page)) {
                backing.touch(page);
                process.counters().pageFault();
            }
            return process.simMachine().phys().zeroFrame();
        }
        return frame;
    }
}
