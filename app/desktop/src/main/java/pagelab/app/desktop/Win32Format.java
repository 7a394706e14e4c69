package pagelab.app.desktop;

import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Win32 notation for numbers the kernel reports: hex addresses padded to the pointer size, {@code PAGE_*},
 * {@code MEM_*}, {@code ERROR_*} and exception-code names as the Windows SDK spells them, and sizes as VMMap shows
 * them. The names come from {@link WinNT} and {@link WinError} by reflection, so they never drift from the SPI.
 */
public final class Win32Format {
    private static final Map<Integer, String> ERRORS = names(WinError.class, "ERROR_", false);
    private static final Map<Integer, String> EXCEPTIONS = names(WinNT.class, "EXCEPTION_", true);
    private static final Map<Integer, String> STATUSES = names(WinNT.class, "STATUS_", true);
    private static final String[] PROTECT_BASE = {"PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE",
        "PAGE_WRITECOPY", "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY"};

    private Win32Format() {
    }

    /** {@code 0x0040_0000} as {@code 0x00400000} on x86 and {@code 0x0000000000400000} on x64. */
    public static String address(long a, boolean is64) {
        return is64 ? String.format("0x%016X", a) : String.format("0x%08X", a);
    }

    /** A byte count as VMMap shows it: {@code 4 K}, {@code 1,024 K}, {@code 2 G}, {@code 128 T}. */
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

    /** {@code PAGE_READWRITE|PAGE_GUARD}; empty for 0 (a free or reserved block has no protection). */
    public static String protection(int protect) {
        if (protect == 0) {
            return "";
        }
        int base = protect & 0xFF;
        StringBuilder sb = new StringBuilder();
        int bit = Integer.numberOfTrailingZeros(base);
        if (Integer.bitCount(base) == 1 && bit < PROTECT_BASE.length) {
            sb.append(PROTECT_BASE[bit]);
        } else if (base != 0) {
            sb.append(String.format("0x%02X", base));
        }
        appendFlag(sb, protect, WinNT.PAGE_GUARD, "PAGE_GUARD");
        appendFlag(sb, protect, WinNT.PAGE_NOCACHE, "PAGE_NOCACHE");
        appendFlag(sb, protect, WinNT.PAGE_WRITECOMBINE, "PAGE_WRITECOMBINE");
        return sb.toString();
    }

    private static void appendFlag(StringBuilder sb, int value, int flag, String name) {
        if ((value & flag) != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append(name);
        }
    }

    /** {@code MEM_COMMIT}, {@code MEM_RESERVE} or {@code MEM_FREE}. */
    public static String state(int state) {
        switch (state) {
            case WinNT.MEM_COMMIT:
                return "MEM_COMMIT";
            case WinNT.MEM_RESERVE:
                return "MEM_RESERVE";
            case WinNT.MEM_FREE:
                return "MEM_FREE";
            default:
                return String.format("0x%X", state);
        }
    }

    /** {@code MEM_IMAGE}, {@code MEM_MAPPED}, {@code MEM_PRIVATE}, or empty for 0. */
    public static String type(int type) {
        switch (type) {
            case WinNT.MEM_IMAGE:
                return "MEM_IMAGE";
            case WinNT.MEM_MAPPED:
                return "MEM_MAPPED";
            case WinNT.MEM_PRIVATE:
                return "MEM_PRIVATE";
            case 0:
                return "";
            default:
                return String.format("0x%X", type);
        }
    }

    /** {@code ERROR_INVALID_ADDRESS (487)}; unknown codes as their number. */
    public static String error(int code) {
        String name = ERRORS.get(code);
        return name == null ? Integer.toString(code) : name + " (" + code + ")";
    }

    /** {@code EXCEPTION_ACCESS_VIOLATION (0xC0000005)}. */
    public static String exceptionCode(int code) {
        String name = EXCEPTIONS.getOrDefault(code, STATUSES.get(code));
        String hex = String.format("0x%08X", code);
        return name == null ? hex : name + " (" + hex + ")";
    }

    /** {@code EXCEPTION_EXECUTE_HANDLER (1)} and its siblings. */
    public static String filterResult(int result) {
        switch (result) {
            case WinNT.EXCEPTION_EXECUTE_HANDLER:
                return "EXCEPTION_EXECUTE_HANDLER (1)";
            case WinNT.EXCEPTION_CONTINUE_SEARCH:
                return "EXCEPTION_CONTINUE_SEARCH (0)";
            case WinNT.EXCEPTION_CONTINUE_EXECUTION:
                return "EXCEPTION_CONTINUE_EXECUTION (-1)";
            default:
                return Integer.toString(result);
        }
    }

    // First declared name wins, so EXCEPTION_ACCESS_VIOLATION is preferred to a later alias.
    private static Map<Integer, String> names(Class<?> holder, String prefix, boolean codesOnly) {
        Map<Integer, String> out = new HashMap<>();
        for (Field f : holder.getFields()) {
            if (f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && f.getName().startsWith(prefix)) {
                try {
                    int v = f.getInt(null);
                    // Exception codes have the severity bits set; small EXCEPTION_* values are filter results.
                    if (!codesOnly || (v & 0x80000000) != 0) {
                        out.putIfAbsent(v, f.getName());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("Win32Format: cannot read " + f, e);
                }
            }
        }
        return Map.copyOf(out);
    }
}
