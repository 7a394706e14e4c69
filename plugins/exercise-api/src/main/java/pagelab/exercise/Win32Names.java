package pagelab.exercise;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;

/**
 * Win32 names for the numbers in check messages, so a student reads {@code ERROR_INVALID_ADDRESS (487)} and
 * {@code PAGE_READWRITE}, as the SDK headers name them, instead of bare numbers. Thread-safe.
 *
 * @since 0.1
 */
public final class Win32Names {
    private static final Map<Integer, String> ERRORS = constants(WinError.class, "ERROR_", n -> true);
    private static final Map<Integer, String> EXCEPTIONS = exceptionNames();
    private static final int[] PROTECTIONS = {WinNT.PAGE_NOACCESS, WinNT.PAGE_READONLY, WinNT.PAGE_READWRITE,
        WinNT.PAGE_WRITECOPY, WinNT.PAGE_EXECUTE, WinNT.PAGE_EXECUTE_READ, WinNT.PAGE_EXECUTE_READWRITE,
        WinNT.PAGE_EXECUTE_WRITECOPY, WinNT.PAGE_GUARD, WinNT.PAGE_NOCACHE, WinNT.PAGE_WRITECOMBINE};
    private static final String[] PROTECTION_NAMES = {"PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE",
        "PAGE_WRITECOPY", "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY",
        "PAGE_GUARD", "PAGE_NOCACHE", "PAGE_WRITECOMBINE"};
    // MEM_DECOMMIT and MEM_REPLACE_PLACEHOLDER share 0x4000; VirtualFree's meaning is the one students meet.
    private static final int[] MEM_FLAGS = {WinNT.MEM_COMMIT, WinNT.MEM_RESERVE, WinNT.MEM_DECOMMIT,
        WinNT.MEM_RELEASE, WinNT.MEM_FREE, WinNT.MEM_PRIVATE, WinNT.MEM_MAPPED, WinNT.MEM_RESET, WinNT.MEM_TOP_DOWN,
        WinNT.MEM_WRITE_WATCH, WinNT.MEM_PHYSICAL, WinNT.MEM_IMAGE, WinNT.MEM_LARGE_PAGES};
    private static final String[] MEM_NAMES = {"MEM_COMMIT", "MEM_RESERVE", "MEM_DECOMMIT", "MEM_RELEASE",
        "MEM_FREE", "MEM_PRIVATE", "MEM_MAPPED", "MEM_RESET", "MEM_TOP_DOWN", "MEM_WRITE_WATCH", "MEM_PHYSICAL",
        "MEM_IMAGE", "MEM_LARGE_PAGES"};

    private Win32Names() {
    }

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
        if (r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION && info != null && r.NumberParameters >= 2) {
            String access = info[0] == WinNT.EXCEPTION_WRITE_FAULT ? "writing"
                    : info[0] == WinNT.EXCEPTION_EXECUTE_FAULT ? "executing" : "reading";
            text += " " + access + " " + hex(info[1]);
        } else if (r.ExceptionCode == WinNT.STATUS_GUARD_PAGE_VIOLATION && info != null && r.NumberParameters >= 2) {
            text += " at " + hex(info[1]);
        }
        return text;
    }

    /** A protection with its modifiers: {@code PAGE_READWRITE|PAGE_GUARD}; 0 as {@code 0}. */
    public static String protection(int protect) {
        return flags(protect, PROTECTIONS, PROTECTION_NAMES);
    }

    /** {@code MEM_*} flags or a single state or type: {@code MEM_COMMIT|MEM_RESERVE}, {@code MEM_FREE}. */
    public static String mem(int flags) {
        return flags(flags, MEM_FLAGS, MEM_NAMES);
    }

    /** An address as the SDK debuggers print it: 8 hex digits, or 16 when it needs more than 32 bits. */
    public static String hex(long address) {
        return (address >>> 32) == 0 ? String.format("0x%08X", address) : String.format("0x%016X", address);
    }

    /**
     * A number as the trace prints addresses, handles and flags ({@code 0x0001F000}, with or without the
     * {@code 0x}), read back; -1 for anything else. The trace pads to at least eight digits and {@link #hex} to
     * sixteen above 4 GiB, so compare traced arguments as numbers, not as text.
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

    /** {@code 1 page}, {@code 1,600 pages}. */
    public static String pages(long count) {
        return String.format(Locale.ROOT, "%,d page%s", count, count == 1 ? "" : "s");
    }

    /** {@code 6,553,600 bytes}. */
    public static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d byte%s", count, count == 1 ? "" : "s");
    }

    private static String flags(int value, int[] bits, String[] names) {
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

    private static String preferred(String a, String b) {
        if (a.length() != b.length()) {
            return a.length() < b.length() ? a : b;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Map<Integer, String> exceptionNames() {
        // Exception codes have a severity in the top bits; this keeps filter results and flags (0, 1, -1) out.
        Map<Integer, String> map = constants(WinNT.class, "EXCEPTION_", code -> (code & 0x80000000) != 0);
        constants(WinNT.class, "STATUS_", code -> (code & 0x80000000) != 0).forEach(map::putIfAbsent);
        return map;
    }

    private static Map<Integer, String> constants(Class<?> holder, String prefix,
                                                  java.util.function.IntPredicate keep) {
        Map<Integer, String> map = new HashMap<>();
        for (Field f : holder.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && f.getName().startsWith(prefix)) {
                try {
                    int v = f.getInt(null);
                    // The shortest name wins on duplicates, so the result does not depend on reflection order.
                    if (keep.test(v)) {
                        map.merge(v, f.getName(), Win32Names::preferred);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Win32Names: cannot read " + f, e);
                }
            }
        }
        return map;
    }
}
