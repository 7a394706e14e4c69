package pagelab.sim.mmu;

import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;

/**
 * The kernel's own accesses to a process's memory: the heap manager's block headers, and the copies to and from a
 * ReadFile or WriteFile buffer. They take the same TLB and the same walk as the program's loads and stores (so a
 * page costs the same faults whoever touches it), but a page that does not allow the access never raises an
 * exception in the program, whose filters must not run under the machine lock: it throws {@link InaccessiblePage}
 * to the kernel code instead, which fails its call. The caller holds the machine lock.
 */
public final class KernelAccess {
    private static final int MASK = PAGE_SIZE - 1;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SimMemory memory;
    private final AddressSpace space;

    public KernelAccess(SimMemory memory, AddressSpace space) {
        this.memory = memory;
        this.space = space;
    }

    /**
     * ProbeForRead / ProbeForWrite: whether every byte of [address, address+length) may be read, or written (a
     * copy-on-write page may). A guard page fails the probe. Touches and counts nothing.
     */
    public boolean probe(long address, long length, Access kind) {
        if (length <= 0) {
            return true;
        }
        if (address < 0 || length - 1 > Long.MAX_VALUE - address) {
            return false;
        }
        for (long page = address & ~(long) MASK; page <= address + length - 1; page += PAGE_SIZE) {
            View v = space.find(page);
            if (v == null) {
                return false;
            }
            int vprot = v.vprot(v.pageOf(page));
            boolean ok = !Protection.isGuard(vprot) && (kind == Access.WRITE
                    ? Protection.canWrite(vprot) || Protection.isCopyOnWrite(vprot) : Protection.canRead(vprot));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * After a failed probe: the first guard page the kernel's copy would have touched, before any page it cannot
     * touch at all, loses its guard, as the fault of a kernel-mode copy consumes it on Windows (a ReadFile into a
     * guard page fails once with ERROR_NOACCESS, then succeeds; Wine's answer too). Returns whether one did.
     */
    public boolean consumeGuard(long address, long length) {
        if (length <= 0 || address < 0 || length - 1 > Long.MAX_VALUE - address) {
            return false;
        }
        for (long page = address & ~(long) MASK; page <= address + length - 1; page += PAGE_SIZE) {
            View v = space.find(page);
            if (v == null) {
                return false;
            }
            long p = v.pageOf(page);
            int vprot = v.vprot(p);
            if (Protection.isGuard(vprot)) {
                v.setVprot(p, vprot & ~Protection.GUARD);
                space.invalidate();
                return true;
            }
            if (!Protection.isCommitted(vprot)) {
                return false;
            }
        }
        return false;
    }

    /** Copies user memory at {@code address} into {@code dst}, page by page. */
    public void copyIn(long address, byte[] dst, int off, int len) {
        for (int done = 0; done < len; ) {
            long a = address + done;
            int n = Math.min(len - done, PAGE_SIZE - (int) (a & MASK));
            System.arraycopy(frame(a, Access.READ), (int) (a & MASK), dst, off + done, n);
            done += n;
        }
    }

    /** Copies {@code src} into user memory at {@code address}, page by page, as the program's stores would. */
    public void copyOut(long address, byte[] src, int off, int len) {
        for (int done = 0; done < len; ) {
            long a = address + done;
            int n = Math.min(len - done, PAGE_SIZE - (int) (a & MASK));
            System.arraycopy(src, off + done, frame(a, Access.WRITE), (int) (a & MASK), n);
            done += n;
        }
    }

    /** Copies {@code len} bytes inside user memory, in page-sized pieces (a block may be bigger than a Java array). */
    public void copy(long src, long dst, long len) {
        byte[] buffer = new byte[(int) Math.min(len, PAGE_SIZE)];
        for (long done = 0; done < len; done += buffer.length) {
            int n = (int) Math.min(buffer.length, len - done);
            copyIn(src + done, buffer, 0, n);
            copyOut(dst + done, buffer, 0, n);
        }
    }

    /** Sets {@code len} bytes of user memory to {@code value}. */
    public void fill(long address, long len, byte value) {
        for (long done = 0; done < len; ) {
            long a = address + done;
            int n = (int) Math.min(len - done, PAGE_SIZE - (a & MASK));
            int at = (int) (a & MASK);
            Arrays.fill(frame(a, Access.WRITE), at, at + n, value);
            done += n;
        }
    }

    /** Reads an aligned 32-bit value (aligned, so it never straddles a page). */
    public int readInt(long address) {
        return (int) INT.get(frame(address, Access.READ), (int) (address & MASK));
    }

    public void writeInt(long address, int value) {
        INT.set(frame(address, Access.WRITE), (int) (address & MASK), value);
    }

    /** Reads an aligned 64-bit value. */
    public long readLong(long address) {
        return (long) LONG.get(frame(address, Access.READ), (int) (address & MASK));
    }

    public void writeLong(long address, long value) {
        LONG.set(frame(address, Access.WRITE), (int) (address & MASK), value);
    }

    private byte[] frame(long address, Access kind) {
        byte[] frame = memory.kernelFrame(address, kind);
        if (frame == null) {
            throw new InaccessiblePage(address);
        }
        return frame;
    }
}
