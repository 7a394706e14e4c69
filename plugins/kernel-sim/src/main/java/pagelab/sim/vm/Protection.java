package pagelab.sim.vm;

import static pagelab.kernel.WinNT.PAGE_EXECUTE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READ;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_EXECUTE_WRITECOPY;
import static pagelab.kernel.WinNT.PAGE_GUARD;
import static pagelab.kernel.WinNT.PAGE_NOACCESS;
import static pagelab.kernel.WinNT.PAGE_NOCACHE;
import static pagelab.kernel.WinNT.PAGE_READONLY;
import static pagelab.kernel.WinNT.PAGE_READWRITE;
import static pagelab.kernel.WinNT.PAGE_WRITECOMBINE;
import static pagelab.kernel.WinNT.PAGE_WRITECOPY;

/**
 * The one place that converts Win32 {@code PAGE_*} values to and from the simulator's per-page protection byte
 * ("vprot", after Wine). Layout of a vprot byte:
 * <pre>
 *   bit 7  COMMITTED     bit 6  GUARD     bit 5  NOCACHE     bit 4  WRITECOMBINE
 *   bits 0-3  base protection index: 0 none (reserved page), 1 NOACCESS, 2 READONLY, 3 READWRITE, 4 WRITECOPY,
 *             5 EXECUTE, 6 EXECUTE_READ, 7 EXECUTE_READWRITE, 8 EXECUTE_WRITECOPY
 * </pre>
 * A reserved page is 0; a free page has no vprot at all (it belongs to no view).
 */
public final class Protection {
    public static final int COMMITTED = 0x80;
    public static final int GUARD = 0x40;
    public static final int NOCACHE = 0x20;
    public static final int WRITECOMBINE = 0x10;
    public static final int BASE_MASK = 0x0F;

    public static final int NOACCESS = 1;
    public static final int READONLY = 2;
    public static final int READWRITE = 3;
    public static final int WRITECOPY = 4;
    public static final int EXECUTE = 5;
    public static final int EXECUTE_READ = 6;
    public static final int EXECUTE_READWRITE = 7;
    public static final int EXECUTE_WRITECOPY = 8;

    private static final int[] BASE_TO_PAGE = {0, PAGE_NOACCESS, PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY,
        PAGE_EXECUTE, PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE, PAGE_EXECUTE_WRITECOPY};

    private Protection() {
    }

    /**
     * Converts a Win32 protection to vprot bits (without COMMITTED), or -1 if Windows rejects the combination:
     * not exactly one base value, an unknown bit, {@code PAGE_GUARD} or {@code PAGE_NOCACHE} or
     * {@code PAGE_WRITECOMBINE} with {@code PAGE_NOACCESS}, or two of the three modifiers together.
     */
    public static int fromWin32(int protect) {
        int base = baseIndex(protect & 0xFF);
        int modifiers = protect & ~0xFF;
        if (base < 0 || (modifiers & ~(PAGE_GUARD | PAGE_NOCACHE | PAGE_WRITECOMBINE)) != 0) {
            return -1;
        }
        boolean guard = (modifiers & PAGE_GUARD) != 0;
        boolean nocache = (modifiers & PAGE_NOCACHE) != 0;
        boolean combine = (modifiers & PAGE_WRITECOMBINE) != 0;
        int modifierCount = (guard ? 1 : 0) + (nocache ? 1 : 0) + (combine ? 1 : 0);
        if (modifierCount > 1 || (modifierCount == 1 && base == NOACCESS)) {
            return -1;
        }
        return base | (guard ? GUARD : 0) | (nocache ? NOCACHE : 0) | (combine ? WRITECOMBINE : 0);
    }

    private static int baseIndex(int pageBase) {
        switch (pageBase) {
            case PAGE_NOACCESS: return NOACCESS;
            case PAGE_READONLY: return READONLY;
            case PAGE_READWRITE: return READWRITE;
            case PAGE_WRITECOPY: return WRITECOPY;
            case PAGE_EXECUTE: return EXECUTE;
            case PAGE_EXECUTE_READ: return EXECUTE_READ;
            case PAGE_EXECUTE_READWRITE: return EXECUTE_READWRITE;
            case PAGE_EXECUTE_WRITECOPY: return EXECUTE_WRITECOPY;
            default: return -1;
        }
    }

    /** The Win32 protection VirtualQuery reports for a page: 0 unless committed. */
    public static int toWin32(int vprot) {
        if ((vprot & COMMITTED) == 0) {
            return 0;
        }
        return BASE_TO_PAGE[vprot & BASE_MASK] | modifiersToWin32(vprot);
    }

    /** The Win32 value of vprot bits that are not (yet) committed, e.g. a view's allocation protection. */
    public static int baseToWin32(int vprot) {
        return BASE_TO_PAGE[vprot & BASE_MASK] | modifiersToWin32(vprot);
    }

    private static int modifiersToWin32(int vprot) {
        return ((vprot & GUARD) != 0 ? PAGE_GUARD : 0) | ((vprot & NOCACHE) != 0 ? PAGE_NOCACHE : 0)
                | ((vprot & WRITECOMBINE) != 0 ? PAGE_WRITECOMBINE : 0);
    }

    public static boolean isCommitted(int vprot) {
        return (vprot & COMMITTED) != 0;
    }

    public static boolean isGuard(int vprot) {
        return (vprot & GUARD) != 0;
    }

    /** x86 page tables cannot express execute-only, so PAGE_EXECUTE pages read fine on real Windows too. */
    public static boolean canRead(int vprot) {
        int b = vprot & BASE_MASK;
        return (vprot & COMMITTED) != 0 && b >= READONLY;
    }

    public static boolean canWrite(int vprot) {
        int b = vprot & BASE_MASK;
        return (vprot & COMMITTED) != 0 && (b == READWRITE || b == EXECUTE_READWRITE);
    }

    public static boolean isCopyOnWrite(int vprot) {
        int b = vprot & BASE_MASK;
        return (vprot & COMMITTED) != 0 && (b == WRITECOPY || b == EXECUTE_WRITECOPY);
    }

    public static boolean canExecute(int vprot) {
        int b = vprot & BASE_MASK;
        return (vprot & COMMITTED) != 0 && b >= EXECUTE;
    }

    /** A copy-on-write page after its private copy: WRITECOPY becomes READWRITE, EXECUTE_WRITECOPY EXECUTE_READWRITE. */
    public static int afterCopy(int vprot) {
        int b = vprot & BASE_MASK;
        int copied = b == WRITECOPY ? READWRITE : b == EXECUTE_WRITECOPY ? EXECUTE_READWRITE : b;
        return (vprot & ~BASE_MASK) | copied;
    }

    public static boolean isWriteCopyBase(int vprot) {
        int b = vprot & BASE_MASK;
        return b == WRITECOPY || b == EXECUTE_WRITECOPY;
    }
}
