package pagelab.kernel.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import pagelab.kernel.IntByReference;
import pagelab.kernel.LongByReference;
import pagelab.kernel.MEMORYSTATUSEX;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.SECURITY_ATTRIBUTES;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.kernel.ThreadProc;

/**
 * Seeded random argument values for {@link RobustnessTest}: boundary and garbage numbers, wrapped ranges, unknown
 * flags, odd strings, null structs and out-parameters, and now and then a handle or address that an earlier call
 * really returned, so that calls also reach deeper than the argument checks. Records what it handed out, for the
 * failure message.
 */
final class HostileArguments {
    private static final long[] LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFFFFFFL, 0x7FFFFFFFL,
        0x80000000L, 0x7FFF0000L, 0x7FFEFFFFL, 0xFFFFL, 0x10000L, 0xDEADBEEFL, 0x100000000L, 1L << 47, -4096,
        0x7FFFFFFEFFFFL, 0x1000, 0xFFF, 0x400000L};
    private static final int[] INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0xFFFF, 0x1000, 0x2000, 0x3000,
        0x4000, 0x8000, 0x10000, 0x100000, 0x80000, 0x40000000, 0x20000000, 4, 0x40, 0x104, 0xDEADBEEF, 2, 3, 5};
    private static final String[] STRINGS = {null, "", "C:\\PageLab\\nope.txt", "\0", "NUL", "..\\..\\..\\x",
        "kernel32.dll", "C:\\PageLab\\blank.exe", "x".repeat(300), "\uD800", "Local\\m", "Global\\m", "m", "*?<>|",
        "C:\\PageLab\\robust.tmp"};

    private final Random rnd;
    private final List<Long> returned = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();

    HostileArguments(long seed) {
        this.rnd = new Random(seed);
    }

    /** Remembers a non-zero value a call returned (a handle or an address) for later calls. */
    void remember(long value) {
        if (value != 0 && value != -1 && returned.size() < 64) {
            returned.add(value);
        }
    }

    /** The arguments handed out since the last call of this method. */
    String drainLog() {
        String s = log.toString();
        log.setLength(0);
        return s;
    }

    private <T> T note(T v) {
        log.append(log.length() == 0 ? "" : ", ").append(v instanceof Long l ? "0x" + Long.toHexString(l)
                : v instanceof Integer i ? "0x" + Integer.toHexString(i) : String.valueOf(v));
        return v;
    }

    long address() {
        int d = rnd.nextInt(10);
        long v;
        if (d < 3) {
            v = LONGS[rnd.nextInt(LONGS.length)];
        } else if (d < 5 && !returned.isEmpty()) {
            v = returned.get(rnd.nextInt(returned.size())) + (rnd.nextBoolean() ? 0 : rnd.nextInt(0x3000) - 0x1000);
        } else if (d < 8) {
            v = (rnd.nextLong() & 0x7FFFFFFFL) & (rnd.nextBoolean() ? -0x1000L : -1L);
        } else {
            v = rnd.nextLong();
        }
        return note(v);
    }

    long size() {
        int d = rnd.nextInt(10);
        long v = d < 4 ? LONGS[rnd.nextInt(LONGS.length)] : d < 8 ? rnd.nextInt(0x40000) : rnd.nextLong();
        return note(v);
    }

    long handle() {
        int d = rnd.nextInt(10);
        long v = d < 4 && !returned.isEmpty() ? returned.get(rnd.nextInt(returned.size()))
                : d < 8 ? LONGS[rnd.nextInt(LONGS.length)] : rnd.nextLong();
        return note(v);
    }

    int flags() {
        int d = rnd.nextInt(10);
        int v = d < 5 ? INTS[rnd.nextInt(INTS.length)] : d < 8 ? 1 << rnd.nextInt(32) : rnd.nextInt();
        return note(v);
    }

    /** A wait time that never blocks for long: waiting on a real handle with INFINITE could hang the test. */
    int shortWait() {
        return note(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(5));
    }

    String string() {
        return note(STRINGS[rnd.nextInt(STRINGS.length)]);
    }

    boolean bool() {
        return note(rnd.nextBoolean());
    }

    long[] longs() {
        int d = rnd.nextInt(4);
        long[] v = d == 0 ? null : new long[d == 1 ? 0 : d == 2 ? 1 + rnd.nextInt(15) : 16 + rnd.nextInt(100)];
        if (v != null) {
            for (int i = 0; i < v.length; i++) {
                v[i] = rnd.nextLong();
            }
        }
        note(v == null ? "long[] null" : "long[" + v.length + "]");
        return v;
    }

    private boolean nullStruct() {
        return rnd.nextInt(4) == 0;
    }

    MEMORY_BASIC_INFORMATION mbi() {
        return nullStruct() ? note((MEMORY_BASIC_INFORMATION) null) : new MEMORY_BASIC_INFORMATION();
    }

    SYSTEM_INFO systemInfo() {
        return nullStruct() ? note((SYSTEM_INFO) null) : new SYSTEM_INFO();
    }

    MEMORYSTATUSEX memoryStatus() {
        if (nullStruct()) {
            return note((MEMORYSTATUSEX) null);
        }
        MEMORYSTATUSEX m = new MEMORYSTATUSEX();
        if (rnd.nextBoolean()) {
            m.dwLength = note(INTS[rnd.nextInt(INTS.length)]);
        }
        return m;
    }

    SECURITY_ATTRIBUTES security() {
        return nullStruct() ? null : new SECURITY_ATTRIBUTES();
    }

    IntByReference intRef() {
        return nullStruct() ? note((IntByReference) null) : new IntByReference(0xDEADBEEF);
    }

    LongByReference longRef() {
        return nullStruct() ? note((LongByReference) null) : new LongByReference();
    }

    pagelab.kernel.STARTUPINFO startupInfo() {
        return nullStruct() ? note((pagelab.kernel.STARTUPINFO) null) : new pagelab.kernel.STARTUPINFO();
    }

    pagelab.kernel.PROCESS_INFORMATION processInformation() {
        return nullStruct() ? note((pagelab.kernel.PROCESS_INFORMATION) null) : new pagelab.kernel.PROCESS_INFORMATION();
    }

    /** A heap walk's entry: null, fresh, or pointing at any address (as a stale or made-up entry would). */
    pagelab.kernel.PROCESS_HEAP_ENTRY heapEntry() {
        if (nullStruct()) {
            return note((pagelab.kernel.PROCESS_HEAP_ENTRY) null);
        }
        pagelab.kernel.PROCESS_HEAP_ENTRY e = new pagelab.kernel.PROCESS_HEAP_ENTRY();
        if (rnd.nextBoolean()) {
            e.lpData = address();
            e.wFlags = flags();
        }
        return e;
    }

    ThreadProc threadProc() {
        return rnd.nextInt(4) == 0 ? note((ThreadProc) null) : p -> (int) p;
    }
}
