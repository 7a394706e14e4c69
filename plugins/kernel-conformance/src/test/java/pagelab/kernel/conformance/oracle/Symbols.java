package pagelab.kernel.conformance.oracle;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names, registers and address notation a script and its output share with the C interpreter
 * ({@code src/test/oracle/oracle.c}): the same constants, the same rule for what an address is called. Addresses
 * differ between implementations (layout, ASLR), so the output never shows one: it names an address after the
 * register whose range holds it ({@code r2+0x1000}), "new" for an allocation the call placed itself, "?" for one
 * outside every register. One per script run.
 */
final class Symbols {
    static final Map<String, Long> CONSTANTS = constants();

    /** An address register: what a call returned, how far its range goes, and when it was bound. */
    private record Register(long base, long extent, boolean view, int bound) {
    }

    private final Map<Integer, Register> registers = new HashMap<>();
    private final Map<Integer, Long> handles = new HashMap<>();
    private int bindCount;

    /** A number, a constant, {@code A|B}, {@code rN}, {@code rN+off}, {@code rN-off} or {@code hN}. */
    long value(String token) {
        int bar = token.indexOf('|');
        if (bar >= 0) {
            return value(token.substring(0, bar)) | value(token.substring(bar + 1));
        }
        if (isRegister(token, 'h')) {
            return handles.getOrDefault(index(token), 0L);
        }
        if (token.length() > 1 && token.charAt(0) == 'r' && Character.isDigit(token.charAt(1))) {
            int sign = Math.max(token.indexOf('+'), token.indexOf('-'));
            long off = 0;
            String reg = token;
            if (sign > 0) {
                off = parse(token.substring(sign + 1));
                off = token.charAt(sign) == '-' ? -off : off;
                reg = token.substring(0, sign);
            }
            Register r = registers.get(index(reg));
            return (r == null ? 0 : r.base) + off;
        }
        Long c = CONSTANTS.get(token);
        if (c != null) {
            return c;
        }
        if (token.startsWith("-")) {
            return -parse(token.substring(1));
        }
        return parse(token);
    }

    private static long parse(String number) {
        try {
            return number.startsWith("0x") || number.startsWith("0X") ? Long.parseUnsignedLong(number.substring(2), 16)
                    : Long.parseUnsignedLong(number);
        } catch (NumberFormatException e) {
            return 0; // strtoull's answer to what is not a number
        }
    }

    /** The output's name for address {@code a}. */
    String address(long a) {
        Map.Entry<Integer, Register> best = null;
        for (Map.Entry<Integer, Register> e : registers.entrySet()) {
            Register r = e.getValue();
            long off = a - r.base;
            if (Long.compareUnsigned(a, r.base) >= 0 && Long.compareUnsigned(off, Math.max(r.extent, 1)) < 0
                    && (best == null || Long.compareUnsigned(r.base, best.getValue().base) > 0
                        || (r.base == best.getValue().base && r.bound > best.getValue().bound))) {
                best = e;
            }
        }
        if (a == 0) {
            return "0";
        }
        if (best == null) {
            return "?";
        }
        long off = a - best.getValue().base;
        return off == 0 ? "r" + best.getKey() : "r" + best.getKey() + "+0x" + Long.toHexString(off);
    }

    static String handle(long h) {
        return h == 0 ? "0" : h == -1 ? "-1" : "new";
    }

    void bindAddress(String target, long base, long extent, boolean view) {
        if (target != null && isRegister(target, 'r') && base != 0) {
            registers.put(index(target), new Register(base, extent, view, ++bindCount));
        }
    }

    void bindHandle(String target, long h) {
        if (target != null && isRegister(target, 'h')) {
            handles.put(index(target), h);
        }
    }

    private static boolean isRegister(String t, char kind) {
        return t.length() > 1 && t.charAt(0) == kind && Character.isDigit(t.charAt(1)) && index(t) > 0
                && index(t) < 100;
    }

    private static int index(String t) {
        int end = 1;
        while (end < t.length() && Character.isDigit(t.charAt(end))) {
            end++;
        }
        return Integer.parseInt(t.substring(1, end));
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Long> constants() {
        Map<String, Long> m = new HashMap<>();
        Object[][] table = {
            {"null", 0L}, {"NULL", 0L}, {"INVALID_HANDLE_VALUE", -1L},
            {"PAGE_NOACCESS", 0x01L}, {"PAGE_READONLY", 0x02L}, {"PAGE_READWRITE", 0x04L}, {"PAGE_WRITECOPY", 0x08L},
            {"PAGE_EXECUTE", 0x10L}, {"PAGE_EXECUTE_READ", 0x20L}, {"PAGE_EXECUTE_READWRITE", 0x40L},
            {"PAGE_EXECUTE_WRITECOPY", 0x80L}, {"PAGE_GUARD", 0x100L}, {"PAGE_NOCACHE", 0x200L},
            {"PAGE_WRITECOMBINE", 0x400L},
            {"MEM_COMMIT", 0x1000L}, {"MEM_RESERVE", 0x2000L}, {"MEM_DECOMMIT", 0x4000L}, {"MEM_RELEASE", 0x8000L},
            {"MEM_RESET", 0x80000L}, {"MEM_TOP_DOWN", 0x100000L}, {"MEM_RESET_UNDO", 0x1000000L},
            {"MEM_LARGE_PAGES", 0x20000000L},
            {"SEC_COMMIT", 0x8000000L}, {"SEC_RESERVE", 0x4000000L}, {"SEC_IMAGE", 0x1000000L},
            {"SEC_NOCACHE", 0x10000000L}, {"SEC_LARGE_PAGES", 0x80000000L}, {"SEC_WRITECOMBINE", 0x40000000L},
            {"FILE_MAP_COPY", 0x1L}, {"FILE_MAP_WRITE", 0x2L}, {"FILE_MAP_READ", 0x4L}, {"FILE_MAP_EXECUTE", 0x20L},
            {"FILE_MAP_ALL_ACCESS", 0xF001FL},
            {"GENERIC_READ", 0x80000000L}, {"GENERIC_WRITE", 0x40000000L}, {"GENERIC_EXECUTE", 0x20000000L},
            {"FILE_SHARE_READ", 1L}, {"FILE_SHARE_WRITE", 2L}, {"FILE_SHARE_DELETE", 4L},
            {"CREATE_NEW", 1L}, {"CREATE_ALWAYS", 2L}, {"OPEN_EXISTING", 3L}, {"OPEN_ALWAYS", 4L},
            {"TRUNCATE_EXISTING", 5L}, {"FILE_ATTRIBUTE_NORMAL", 0x80L},
            {"FILE_BEGIN", 0L}, {"FILE_CURRENT", 1L}, {"FILE_END", 2L}, {"TRUE", 1L}, {"FALSE", 0L}};
        for (Object[] row : table) {
            m.put((String) row[0], (Long) row[1]);
        }
        return Map.copyOf(m);
    }
}
