package pagelab.sim.trace;

import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;

/** Formats arguments and results in Win32 notation for the trace: hex addresses, flag names. */
public final class Win32Format {
    private static final String[] PAGE_NAMES = {"PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE",
        "PAGE_WRITECOPY", "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY",
        "PAGE_GUARD", "PAGE_NOCACHE", "PAGE_WRITECOMBINE"};
    private static final int[][] MEM_FLAGS = {{MEM_COMMIT, 0}, {MEM_RESERVE, 1}, {MEM_RESET, 2}, {MEM_RESET_UNDO, 3},
        {MEM_TOP_DOWN, 4}, {MEM_WRITE_WATCH, 5}, {MEM_PHYSICAL, 6}, {MEM_LARGE_PAGES, 7}};
    private static final String[] MEM_NAMES = {"MEM_COMMIT", "MEM_RESERVE", "MEM_RESET", "MEM_RESET_UNDO",
        "MEM_TOP_DOWN", "MEM_WRITE_WATCH", "MEM_PHYSICAL", "MEM_LARGE_PAGES"};

    private Win32Format() {
    }

    /** {@code 0x} and at least eight upper-case hex digits, as {@code %08X} prints (without a Formatter per call). */
    public static String hex(long v) {
        String digits = Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
        return "0x" + "00000000".substring(Math.min(8, digits.length())) + digits;
    }

    public static String size(long v) {
        return v < 0 ? hex(v) : "0x" + Long.toHexString(v).toUpperCase();
    }

    public static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    public static String protect(int p) {
        List<String> parts = new ArrayList<>();
        int rest = p;
        for (int i = 0; i < PAGE_NAMES.length; i++) {
            int bit = 1 << i;
            if ((rest & bit) != 0) {
                parts.add(PAGE_NAMES[i]);
                rest &= ~bit;
            }
        }
        return join(parts, rest, p);
    }

    public static String allocationType(int t) {
        List<String> parts = new ArrayList<>();
        int rest = t;
        for (int[] f : MEM_FLAGS) {
            if ((rest & f[0]) != 0) {
                parts.add(MEM_NAMES[f[1]]);
                rest &= ~f[0];
            }
        }
        return join(parts, rest, t);
    }

    public static String freeType(int t) {
        if (t == MEM_RELEASE) {
            return "MEM_RELEASE";
        }
        if (t == MEM_DECOMMIT) {
            return "MEM_DECOMMIT";
        }
        return hex(t & 0xFFFFFFFFL);
    }

    private static String join(List<String> parts, int rest, int all) {
        if (rest != 0 || parts.isEmpty()) {
            parts.add(all == 0 ? "0" : "0x" + Integer.toHexString(rest).toUpperCase());
        }
        return String.join("|", parts);
    }
}
