package pagelab.kernel.format;

import static pagelab.kernel.WinNT.EXCEPTION_ACCESS_VIOLATION;
import static pagelab.kernel.WinNT.EXCEPTION_CONTINUE_EXECUTION;
import static pagelab.kernel.WinNT.EXCEPTION_CONTINUE_SEARCH;
import static pagelab.kernel.WinNT.EXCEPTION_EXECUTE_FAULT;
import static pagelab.kernel.WinNT.EXCEPTION_EXECUTE_HANDLER;
import static pagelab.kernel.WinNT.EXCEPTION_WRITE_FAULT;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_DECOMMIT;
import static pagelab.kernel.WinNT.MEM_FREE;
import static pagelab.kernel.WinNT.MEM_IMAGE;
import static pagelab.kernel.WinNT.MEM_LARGE_PAGES;
import static pagelab.kernel.WinNT.MEM_MAPPED;
import static pagelab.kernel.WinNT.MEM_PHYSICAL;
import static pagelab.kernel.WinNT.MEM_PRIVATE;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;
import static pagelab.kernel.WinNT.MEM_RESET;
import static pagelab.kernel.WinNT.MEM_RESET_UNDO;
import static pagelab.kernel.WinNT.MEM_TOP_DOWN;
import static pagelab.kernel.WinNT.MEM_WRITE_WATCH;
import static pagelab.kernel.WinNT.STATUS_GUARD_PAGE_VIOLATION;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.IntPredicate;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;

/**
 * Win32 notation for the numbers the kernel deals in, as the Windows SDK and its tools print them: addresses in
 * hex, {@code PAGE_*} and {@code MEM_*} flags by name, {@code ERROR_*} and exception codes by name with their
 * number, sizes as VMMap shows them. The one formatter of PageLab: the kernel's trace, checkers' messages and the
 * desktop all use it. Names come from {@link WinNT} and {@link WinError} by reflection, so they never drift from
 * the SPI; where two names share a value the shortest wins (then the alphabetically first), so the answer does
 * not depend on the order reflection lists fields in. Thread-safe.
 *
 * @since 0.1
 */
public final class Win32Format {
    private static final Map<Integer, String> ERRORS = constants(WinError.class, "ERROR_", code -> true);
    private static final Map<Integer, String> EXCEPTIONS = exceptionNames();
    private static final Flags PROTECTIONS = new Flags(
            new int[] {WinNT.PAGE_NOACCESS, WinNT.PAGE_READONLY, WinNT.PAGE_READWRITE, WinNT.PAGE_WRITECOPY,
                WinNT.PAGE_EXECUTE, WinNT.PAGE_EXECUTE_READ, WinNT.PAGE_EXECUTE_READWRITE, WinNT.PAGE_EXECUTE_WRITECOPY,
                WinNT.PAGE_GUARD, WinNT.PAGE_NOCACHE, WinNT.PAGE_WRITECOMBINE},
            new String[] {"PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE", "PAGE_WRITECOPY", "PAGE_EXECUTE",
                "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY", "PAGE_GUARD", "PAGE_NOCACHE",
                "PAGE_WRITECOMBINE"});
    /** VirtualAlloc's flAllocationType: here 0x01000000 is MEM_RESET_UNDO. */
    private static final Flags ALLOCATION_TYPES = new Flags(
            new int[] {MEM_COMMIT, MEM_RESERVE, MEM_RESET, MEM_RESET_UNDO, MEM_TOP_DOWN, MEM_WRITE_WATCH, MEM_PHYSICAL,
                MEM_LARGE_PAGES},
            new String[] {"MEM_COMMIT", "MEM_RESERVE", "MEM_RESET", "MEM_RESET_UNDO", "MEM_TOP_DOWN",
                "MEM_WRITE_WATCH", "MEM_PHYSICAL", "MEM_LARGE_PAGES"});
    /**
     * Any {@code MEM_*} value: states, types, free types. Here 0x01000000 is MEM_IMAGE, and 0x4000 is MEM_DECOMMIT
     * (MEM_REPLACE_PLACEHOLDER shares it; VirtualFree's meaning is the one students meet).
     */
    private static final Flags MEM = new Flags(
            new int[] {MEM_COMMIT, MEM_RESERVE, MEM_DECOMMIT, MEM_RELEASE, MEM_FREE, MEM_PRIVATE, MEM_MAPPED, MEM_RESET,
                MEM_TOP_DOWN, MEM_WRITE_WATCH, MEM_PHYSICAL, MEM_IMAGE, MEM_LARGE_PAGES},
            new String[] {"MEM_COMMIT", "MEM_RESERVE", "MEM_DECOMMIT", "MEM_RELEASE", "MEM_FREE", "MEM_PRIVATE",
                "MEM_MAPPED", "MEM_RESET", "MEM_TOP_DOWN", "MEM_WRITE_WATCH", "MEM_PHYSICAL", "MEM_IMAGE",
                "MEM_LARGE_PAGES"});

    private Win32Format() {
    }

    // ---------------------------------------------------------------- numbers

    /** {@code 0x} and at least eight upper-case hex digits, as C's {@code %08X} prints: handles, flags, traced addresses. */
    public static String hex(long v) {
        String digits = Long.toHexString(v).toUpperCase(Locale.ROOT);
        return "0x" + "00000000".substring(Math.min(8, digits.length())) + digits;
    }

    /** An address as a debugger prints it: eight hex digits, or sixteen when it needs more than 32 bits. */
    public static String address(long a) {
        return (a >>> 32) == 0 ? String.format("0x%08X", a) : String.format("0x%016X", a);
    }

    /** An address padded to the pointer size: {@code 0x00400000} on x86, {@code 0x0000000000400000} on x64. */
    public static String address(long a, boolean is64) {
        return is64 ? String.format("0x%016X", a) : String.format("0x%08X", a);
    }

    /** A {@code SIZE_T} argument: {@code 0x} and its hex digits, unpadded; a negative one as {@link #hex}. */
    public static String hexSize(long v) {
        return v < 0 ? hex(v) : "0x" + Long.toHexString(v).toUpperCase(Locale.ROOT);
    }

    /** A byte count as VMMap shows it: {@code 4 K}, {@code 1,024 K}, {@code 2 G}, {@code 128 T}, {@code 100}. */
    public static String size(long bytes) {
        if (bytes < 0) {
            return Long.toString(bytes);
        }
        if (bytes >= (1L << 40) && bytes % (1L << 40) == 0) {
            return String.format(Locale.ROOT, "%,d T", bytes >> 40);
        }
        if (bytes >= (1L << 30) && bytes % (1L << 30) == 0) {
            return String.format(Locale.ROOT, "%,d G", bytes >> 30);
        }
        if (bytes % 1024 == 0) {
            return String.format(Locale.ROOT, "%,d K", bytes >> 10);
        }
        return String.format(Locale.ROOT, "%,d", bytes);
    }

    /** {@code 6,553,600 bytes}. */
    public static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d byte%s", count, count == 1 ? "" : "s");
    }

    /** {@code 1 page}, {@code 1,600 pages}. */
    public static String pages(long count) {
        return String.format(Locale.ROOT, "%,d page%s", count, count == 1 ? "" : "s");
    }

    /** {@code TRUE} or {@code FALSE}, as a {@code BOOL} result reads. */
    public static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    /**
     * A number printed in hex ({@code 0x0001F000}, with or without the {@code 0x}, any padding) read back; -1 for
     * anything else. The trace pads to at least eight digits and {@link #address} to sixteen above 4 GiB, so
     * compare traced arguments as numbers, not as text.
     */
    public static long parseHex(String text) {
        if (text == null) {
            return -1;
        }
        try {
            return Long.parseUnsignedLong(text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text,
                    16);
        } catch (NumberFormatException notHex) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- flags and enumerations

    /** A protection with its modifiers: {@code PAGE_READWRITE|PAGE_GUARD}; 0 as {@code 0}. */
    public static String protection(int protect) {
        return PROTECTIONS.format(protect);
    }

    /** VirtualAlloc's {@code flAllocationType}: {@code MEM_COMMIT|MEM_RESERVE}, {@code MEM_RESET_UNDO}. */
    public static String allocationType(int type) {
        return ALLOCATION_TYPES.format(type);
    }

    /** VirtualFree's {@code dwFreeType}: {@code MEM_RELEASE} or {@code MEM_DECOMMIT}; anything else in hex. */
    public static String freeType(int type) {
        if (type == MEM_RELEASE) {
            return "MEM_RELEASE";
        }
        return type == MEM_DECOMMIT ? "MEM_DECOMMIT" : hex(type & 0xFFFFFFFFL);
    }

    /** Any {@code MEM_*} flags, a state or a type: {@code MEM_COMMIT|MEM_RESERVE}, {@code MEM_FREE}, {@code MEM_IMAGE}. */
    public static String mem(int flags) {
        return MEM.format(flags);
    }

    /** A region's state: {@code MEM_COMMIT}, {@code MEM_RESERVE} or {@code MEM_FREE}; anything else in hex. */
    public static String state(int state) {
        return state == MEM_COMMIT || state == MEM_RESERVE || state == MEM_FREE ? mem(state)
                : String.format("0x%X", state);
    }

    /** A region's type: {@code MEM_IMAGE}, {@code MEM_MAPPED} or {@code MEM_PRIVATE}; empty for 0 (a free region). */
    public static String type(int type) {
        if (type == 0) {
            return "";
        }
        return type == MEM_IMAGE || type == MEM_MAPPED || type == MEM_PRIVATE ? mem(type) : String.format("0x%X", type);
    }

    // ---------------------------------------------------------------- errors and exceptions

    /** {@code ERROR_INVALID_ADDRESS (487)}; an unknown code as {@code error 12345}. */
    public static String error(int code) {
        String name = ERRORS.get(code);
        return name == null ? "error " + Integer.toUnsignedString(code) : name + " (" + code + ")";
    }

    /** {@code EXCEPTION_ACCESS_VIOLATION (0xC0000005)}; an unknown code as {@code exception 0x...}. */
    public static String exceptionCode(int code) {
        String name = EXCEPTIONS.get(code);
        String hex = String.format("0x%08X", code);
        return name == null ? "exception " + hex : name + " (" + hex + ")";
    }

    /**
     * An exception record as a sentence fragment: {@code EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing
     * 0x00B40000}; access violations name the access and the address, as a debugger does.
     */
    public static String exception(EXCEPTION_RECORD r) {
        String text = exceptionCode(r.ExceptionCode);
        long[] info = r.ExceptionInformation;
        if (r.ExceptionCode == EXCEPTION_ACCESS_VIOLATION && info != null && r.NumberParameters >= 2) {
            String access = info[0] == EXCEPTION_WRITE_FAULT ? "writing"
                    : info[0] == EXCEPTION_EXECUTE_FAULT ? "executing" : "reading";
            text += " " + access + " " + address(info[1]);
        } else if (r.ExceptionCode == STATUS_GUARD_PAGE_VIOLATION && info != null && r.NumberParameters >= 2) {
            text += " at " + address(info[1]);
        }
        return text;
    }

    /** What an {@code __except} filter returned: {@code EXCEPTION_EXECUTE_HANDLER (1)} and its siblings. */
    public static String filterResult(int result) {
        switch (result) {
            case EXCEPTION_EXECUTE_HANDLER:
                return "EXCEPTION_EXECUTE_HANDLER (1)";
            case EXCEPTION_CONTINUE_SEARCH:
                return "EXCEPTION_CONTINUE_SEARCH (0)";
            case EXCEPTION_CONTINUE_EXECUTION:
                return "EXCEPTION_CONTINUE_EXECUTION (-1)";
            default:
                return Integer.toString(result);
        }
    }

    // ---------------------------------------------------------------- tables

    /** Named bits, listed in the order they are printed; bits left over are printed in hex. */
    private static final class Flags {
        private final int[] bits;
        private final String[] names;

        Flags(int[] bits, String[] names) {
            this.bits = bits;
            this.names = names;
        }

        String format(int value) {
            if (value == 0) {
                return "0";
            }
            StringJoiner out = new StringJoiner("|");
            int rest = value;
            for (int i = 0; i < bits.length; i++) {
                if ((rest & bits[i]) == bits[i]) {
                    out.add(names[i]);
                    rest &= ~bits[i];
                }
            }
            if (rest != 0) {
                out.add(String.format("0x%X", rest));
            }
            return out.toString();
        }
    }

    /** Exception codes have a severity in the top bits; this keeps filter results and flags (0, 1) out. */
    private static Map<Integer, String> exceptionNames() {
        Map<Integer, String> map = constants(WinNT.class, "EXCEPTION_", code -> (code & 0x80000000) != 0);
        constants(WinNT.class, "STATUS_", code -> (code & 0x80000000) != 0).forEach(map::putIfAbsent);
        return map;
    }

    private static Map<Integer, String> constants(Class<?> holder, String prefix, IntPredicate keep) {
        Map<Integer, String> map = new HashMap<>();
        for (Field f : holder.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && f.getName().startsWith(prefix)) {
                try {
                    int v = f.getInt(null);
                    if (keep.test(v)) {
                        map.merge(v, f.getName(), Win32Format::preferred);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Win32Format: cannot read " + f, e);
                }
            }
        }
        return map;
    }

    private static String preferred(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() < b.length() ? a : b;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }
}
