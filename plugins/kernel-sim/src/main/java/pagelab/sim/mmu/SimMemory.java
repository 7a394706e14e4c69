package pagelab.sim.mmu;

import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import pagelab.kernel.Memory;
import pagelab.sim.vm.AddressSpace;

/**
 * Loads and stores of one process, and the process's TLB: a one-entry read TLB and a one-entry write TLB holding
 * the frame of the last page used. A hit costs a subtraction and two compares of plain fields; a miss takes the
 * MMU's walk, which installs the translation. The kernel's own accesses ({@link KernelAccess}) use the same TLB and
 * the same walk. Accesses that straddle a page are checked page by page (the first faulting address is the first
 * byte of the faulting page).
 */
public final class SimMemory implements Memory {
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Mmu mmu;
    private final AddressSpace space;
    private Tlb readTlb = Tlb.EMPTY;
    private Tlb writeTlb = Tlb.EMPTY;

    public SimMemory(Mmu mmu, AddressSpace space) {
        this.mmu = mmu;
        this.space = space;
        space.setShootdown(this::flushTlb);
    }

    /**
     * The TLB shootdown: the address space changed. Runs under the machine lock. The fields are plain, so a thread
     * looping over memory without calling the kernel may use a stale entry until its next kernel call or fault,
     * as a CPU may until its TLB is shot down; the calling thread itself always sees the change at once.
     */
    void flushTlb() {
        readTlb = Tlb.EMPTY;
        writeTlb = Tlb.EMPTY;
    }

    /**
     * The frame for one of the kernel's own accesses ({@link KernelAccess}): the TLB's, else the walk's, which is
     * then installed as for the program; null if the page does not allow the access. Caller holds the machine lock.
     */
    byte[] kernelFrame(long a, Access kind) {
        Tlb t = kind == Access.WRITE ? writeTlb : readTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off < PAGE_SIZE && t.frame != null) {
            return t.frame;
        }
        byte[] frame = mmu.walk(a, kind);
        if (frame != null) {
            install(a, frame, kind);
        }
        return frame;
    }

    /** Installs a translation; called under the machine lock. */
    void install(long address, byte[] frame, Access kind) {
        Tlb entry = new Tlb(address & ~(long) PAGE_MASK, frame);
        if (kind == Access.WRITE) {
            writeTlb = entry;
            readTlb = entry;
        } else if (kind == Access.READ) {
            readTlb = entry;
        }
    }

    // ---------------------------------------------------------------- loads and stores: the TLB, else the walk

    @Override
    public byte getByte(long a) {
        Tlb t = readTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off < PAGE_SIZE && t.frame != null) {
            return t.frame[(int) off];
        }
        return frameFor(a, Access.READ)[(int) (a & PAGE_MASK)];
    }

    @Override
    public void setByte(long a, byte v) {
        Tlb t = writeTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off < PAGE_SIZE && t.frame != null) {
            t.frame[(int) off] = v;
            return;
        }
        frameFor(a, Access.WRITE)[(int) (a & PAGE_MASK)] = v;
    }

    @Override
    public short getShort(long a) {
        Tlb t = readTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off <= PAGE_SIZE - 2 && t.frame != null) {
            return (short) SHORT.get(t.frame, (int) off);
        }
        return (short) readSlow(a, 2);
    }

    @Override
    public void setShort(long a, short v) {
        Tlb t = writeTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off <= PAGE_SIZE - 2 && t.frame != null) {
            SHORT.set(t.frame, (int) off, v);
            return;
        }
        writeSlow(a, 2, v);
    }

    @Override
    public int getInt(long a) {
        Tlb t = readTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off <= PAGE_SIZE - 4 && t.frame != null) {
            return (int) INT.get(t.frame, (int) off);
        }
        return (int) readSlow(a, 4);
    }

    @Override
    public void setInt(long a, int v) {
        Tlb t = writeTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off <= PAGE_SIZE - 4 && t.frame != null) {
            INT.set(t.frame, (int) off, v);
            return;
        }
        writeSlow(a, 4, v);
    }

    @Override
    public long getLong(long a) {
        Tlb t = readTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off <= PAGE_SIZE - 8 && t.frame != null) {
            return (long) LONG.get(t.frame, (int) off);
        }
        return readSlow(a, 8);
    }

    @Override
    public void setLong(long a, long v) {
        Tlb t = writeTlb;
        long off = a - t.pageBase;
        if (off >= 0 && off <= PAGE_SIZE - 8 && t.frame != null) {
            LONG.set(t.frame, (int) off, v);
            return;
        }
        writeSlow(a, 8, v);
    }

    // ---------------------------------------------------------------- TLB misses

    /** The frame of the page holding {@code a}, resolving faults, and refills the TLB for it. */
    byte[] frameFor(long a, Access kind) {
        return mmu.translate(a, kind, this);
    }

    /** Little-endian read of {@code len} (2, 4 or 8) bytes, page by page. */
    private long readSlow(long a, int len) {
        int off = (int) (a & PAGE_MASK);
        if (off + len <= PAGE_SIZE) {
            byte[] f = frameFor(a, Access.READ);
            switch (len) {
                case 2: return (short) SHORT.get(f, off);
                case 4: return (int) INT.get(f, off);
                default: return (long) LONG.get(f, off);
            }
        }
        byte[] bytes = new byte[len];
        read(a, bytes, 0, len);
        long v = 0;
        for (int i = len - 1; i >= 0; i--) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        return len == 8 ? v : len == 4 ? (int) v : (short) v;
    }

    /** Little-endian write; a straddling store checks both pages before writing either, as the CPU would. */
    private void writeSlow(long a, int len, long v) {
        int off = (int) (a & PAGE_MASK);
        if (off + len <= PAGE_SIZE) {
            byte[] f = frameFor(a, Access.WRITE);
            switch (len) {
                case 2: SHORT.set(f, off, (short) v); break;
                case 4: INT.set(f, off, (int) v); break;
                default: LONG.set(f, off, v); break;
            }
            return;
        }
        long second = (a | PAGE_MASK) + 1;
        mmu.translate(a, Access.WRITE, null);
        byte[] f2 = mmu.translate(second, Access.WRITE, null);
        byte[] f1 = mmu.translate(a, Access.WRITE, null);
        for (int i = 0; i < len; i++) {
            long addr = a + i;
            byte[] f = addr < second ? f1 : f2;
            f[(int) (addr & PAGE_MASK)] = (byte) (v >>> (8 * i));
        }
    }

    @Override
    public void read(long a, byte[] dst, int off, int len) {
        checkBounds(dst.length, off, len);
        int done = 0;
        while (done < len) {
            long addr = a + done;
            int inPage = (int) (addr & PAGE_MASK);
            int n = Math.min(len - done, PAGE_SIZE - inPage);
            byte[] f = frameFor(addr, Access.READ);
            System.arraycopy(f, inPage, dst, off + done, n);
            done += n;
        }
    }

    @Override
    public void write(long a, byte[] src, int off, int len) {
        checkBounds(src.length, off, len);
        int done = 0;
        while (done < len) {
            long addr = a + done;
            int inPage = (int) (addr & PAGE_MASK);
            int n = Math.min(len - done, PAGE_SIZE - inPage);
            byte[] f = frameFor(addr, Access.WRITE);
            System.arraycopy(src, off + done, f, inPage, n);
            done += n;
        }
    }

    @Override
    public void setMemory(long a, long len, byte v) {
        if (len < 0) {
            throw new IllegalArgumentException("setMemory: negative length " + len);
        }
        long done = 0;
        while (done < len) {
            long addr = a + done;
            int inPage = (int) (addr & PAGE_MASK);
            int n = (int) Math.min(len - done, PAGE_SIZE - inPage);
            byte[] f = frameFor(addr, Access.WRITE);
            Arrays.fill(f, inPage, inPage + n, v);
            done += n;
        }
    }

    @Override
    public void copy(long dst, long src, long len) {
        if (len < 0) {
            throw new IllegalArgumentException("copy: negative length " + len);
        }
        byte[] buf = new byte[(int) Math.min(len, PAGE_SIZE)];
        boolean backward = dst > src && dst - src < len; // overlapping, destination above: copy from the end
        long done = 0;
        while (done < len) {
            int n = (int) Math.min(len - done, buf.length);
            long at = backward ? len - done - n : done;
            read(src + at, buf, 0, n);
            write(dst + at, buf, 0, n);
            done += n;
        }
    }

    @Override
    public String getString(long a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (long p = a; ; p++) {
            byte b = getByte(p);
            if (b == 0) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
            out.write(b);
        }
    }

    @Override
    public void setString(long a, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        byte[] withNul = Arrays.copyOf(bytes, bytes.length + 1);
        write(a, withNul, 0, withNul.length);
    }

    @Override
    public void execute(long a) {
        mmu.translate(a, Access.EXECUTE, null);
    }

    // ---------------------------------------------------------------- interlocked operations

    /** Atomically adds {@code delta} to the 32-bit value at {@code a}; returns the old value. */
    public int getAndAdd(long a, int delta) {
        byte[] f = frameFor(a, Access.WRITE);
        int off = (int) (a & PAGE_MASK);
        if ((off & 3) == 0) {
            return (int) INT.getAndAdd(f, off, delta);
        }
        synchronized (this) { // a misaligned interlocked operation: atomic among simulated threads only
            int old = getInt(a);
            setInt(a, old + delta);
            return old;
        }
    }

    /** Atomically replaces the value at {@code a} with {@code exchange} if it is {@code comparand}; returns the old. */
    public int compareAndExchange(long a, int exchange, int comparand) {
        byte[] f = frameFor(a, Access.WRITE);
        int off = (int) (a & PAGE_MASK);
        if ((off & 3) == 0) {
            return (int) INT.compareAndExchange(f, off, comparand, exchange);
        }
        synchronized (this) {
            int old = getInt(a);
            if (old == comparand) {
                setInt(a, exchange);
            }
            return old;
        }
    }

    private static void checkBounds(int length, int off, int len) {
        if (off < 0 || len < 0 || off > length - len) {
            throw new IndexOutOfBoundsException("buffer of " + length + " bytes, offset " + off + ", length " + len);
        }
    }
}
