package pagelab.sim.mmu;

import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import pagelab.sim.vm.AddressSpace;
import pagelab.sim.vm.Protection;
import pagelab.sim.vm.View;

/**
 * The kernel's own copies to and from user buffers (ReadFile's lpBuffer, WriteFile's): the whole buffer is probed
 * first, as ProbeForWrite / ProbeForRead do, and a bad page fails the call (ERROR_NOACCESS) instead of raising an
 * exception in the program. A guard page fails the probe too. The caller holds the machine lock.
 */
public final class KernelAccess {
    private static final int MASK = PAGE_SIZE - 1;

    private KernelAccess() {
    }

    /** Whether every byte of [address, address+length) may be read (write = false) or written (write = true). */
    public static boolean probe(AddressSpace space, long address, long length, boolean write) {
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
            boolean ok = !Protection.isGuard(vprot) && (write
                    ? Protection.canWrite(vprot) || Protection.isCopyOnWrite(vprot) : Protection.canRead(vprot));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Copies {@code src} into user memory; probe first. Copy-on-write pages are copied as a user write would. */
    public static void copyOut(AddressSpace space, long address, byte[] src, int off, int len) {
        int done = 0;
        while (done < len) {
            long a = address + done;
            int inPage = (int) (a & MASK);
            int n = Math.min(len - done, PAGE_SIZE - inPage);
            View v = space.find(a);
            long page = v.pageOf(a);
            int vprot = v.vprot(page);
            byte[] frame;
            if (Protection.isCopyOnWrite(vprot)) {
                frame = v.backing().copyOnWrite(page);
                v.setVprot(page, Protection.afterCopy(vprot));
            } else {
                frame = v.backing().frameForWrite(page);
            }
            System.arraycopy(src, off + done, frame, inPage, n);
            done += n;
        }
        space.invalidate();
    }

    /** Copies user memory into {@code dst}; probe first. */
    public static void copyIn(AddressSpace space, long address, byte[] dst, int off, int len) {
        int done = 0;
        while (done < len) {
            long a = address + done;
            int inPage = (int) (a & MASK);
            int n = Math.min(len - done, PAGE_SIZE - inPage);
            View v = space.find(a);
            byte[] frame = v.backing().frameForRead(v.pageOf(a));
            if (frame == null) {
                java.util.Arrays.fill(dst, off + done, off + done + n, (byte) 0);
            } else {
                System.arraycopy(frame, inPage, dst, off + done, n);
            }
            done += n;
        }
    }
}
