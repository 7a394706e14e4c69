package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static pagelab.kernel.WinNT.EXCEPTION_ACCESS_VIOLATION;
import static pagelab.kernel.WinNT.EXCEPTION_EXECUTE_HANDLER;
import static pagelab.kernel.WinNT.MEM_COMMIT;
import static pagelab.kernel.WinNT.MEM_RELEASE;
import static pagelab.kernel.WinNT.MEM_RESERVE;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;
import pagelab.kernel.WinError;
import pagelab.kernel.WinProcess;

/**
 * Shared fixture of the conformance classes: a fresh machine and process per test (x86 unless {@link #config()} says
 * otherwise), and the Wine-style helpers: {@code SetLastError(0xDEADBEEF)} before a call that must fail, then the exact
 * error; {@code VirtualQuery} fields asserted one by one with the address in the message.
 */
abstract class KernelTestSupport {
    static final long PAGE = 0x1000;
    static final long GRANULARITY = 0x10000;
    static final int DEADBEEF = 0xDEADBEEF;

    private static final Map<Integer, String> ERROR_NAMES = errorNames();

    Machine machine;
    WinProcess process;
    Kernel32 k;
    Memory mem;
    Seh seh;

    /** The machine each test of the class runs on; override for x64 or large-address-aware classes. */
    MachineConfig config() {
        return MachineConfig.x86();
    }

    @BeforeEach
    void startProcess() {
        switchTo(config());
    }

    /** Replaces this test's machine and process by fresh ones of {@code c} (for a test on another architecture). */
    void switchTo(MachineConfig c) {
        if (machine != null) {
            machine.close();
        }
        machine = Machine.create(c);
        process = machine.createProcess();
        k = process.kernel32();
        mem = process.memory();
        seh = process.seh();
    }

    @AfterEach
    void closeMachine() {
        if (machine != null) {
            machine.close();
        }
    }

    // ---- allocation helpers (each asserts success, so a failing precondition names itself) ----

    long reserve(long size, int protect) {
        return alloc(0, size, MEM_RESERVE, protect);
    }

    long reserveCommit(long size, int protect) {
        return alloc(0, size, MEM_RESERVE | MEM_COMMIT, protect);
    }

    long alloc(long address, long size, int type, int protect) {
        long a = k.VirtualAlloc(address, size, type, protect);
        assertThat(a).as("precondition: VirtualAlloc(%s, %s, %#x, %#x) failed with %s", hex(address), hex(size),
                type, protect, errorName(k.GetLastError())).isNotZero();
        return a;
    }

    void release(long base) {
        assertThat(k.VirtualFree(base, 0, MEM_RELEASE)).as("precondition: VirtualFree(%s, 0, MEM_RELEASE) (%s)",
                hex(base), errorName(k.GetLastError())).isTrue();
    }

    /** A 64 KiB-aligned address with {@code size} free bytes at it: reserved by the kernel, then released. */
    long freeAddress(long size) {
        long a = reserve(size, pagelab.kernel.WinNT.PAGE_NOACCESS);
        release(a);
        return a;
    }

    /** Calls VirtualAlloc after SetLastError(0xDEADBEEF) and asserts NULL and the exact last error. */
    long failingAlloc(long address, long size, int type, int protect, int expectedError) {
        k.SetLastError(DEADBEEF);
        long r = k.VirtualAlloc(address, size, type, protect);
        String call = String.format("VirtualAlloc(%s, %s, %#x, %#x)", hex(address), hex(size), type, protect);
        assertThat(hex(r)).as("%s must fail", call).isEqualTo(hex(0L));
        assertLastError(expectedError, call);
        return r;
    }

    // ---- VirtualQuery helpers ----

    long mbiSize() {
        return machine.config().is64Bit() ? 48 : 28;
    }

    MEMORY_BASIC_INFORMATION query(long a) {
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        long n = k.VirtualQuery(a, m);
        assertThat(n).as("VirtualQuery(%s) return value (error %s)", hex(a), errorName(k.GetLastError()))
                .isEqualTo(mbiSize());
        return m;
    }

    /** Asserts every field of {@code VirtualQuery(a)}, each with its own message. */
    void assertRegion(long a, long base, long allocationBase, int allocationProtect, long regionSize, int state,
                      int protect, int type) {
        MEMORY_BASIC_INFORMATION m = query(a);
        assertThat(hex(m.BaseAddress)).as("BaseAddress at %s", hex(a)).isEqualTo(hex(base));
        assertThat(hex(m.AllocationBase)).as("AllocationBase at %s", hex(a)).isEqualTo(hex(allocationBase));
        assertThat(hex(m.AllocationProtect)).as("AllocationProtect at %s", hex(a)).isEqualTo(hex(allocationProtect));
        assertThat(hex(m.RegionSize)).as("RegionSize at %s", hex(a)).isEqualTo(hex(regionSize));
        assertThat(hex(m.State)).as("State at %s", hex(a)).isEqualTo(hex(state));
        assertThat(hex(m.Protect)).as("Protect at %s", hex(a)).isEqualTo(hex(protect));
        assertThat(hex(m.Type)).as("Type at %s", hex(a)).isEqualTo(hex(type));
    }

    /** Every region from 0 to the end of user space, as a program walking with VirtualQuery sees it. */
    List<MEMORY_BASIC_INFORMATION> walk() {
        List<MEMORY_BASIC_INFORMATION> out = new ArrayList<>();
        long a = 0;
        while (out.size() < 1_000_000) {
            MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
            if (k.VirtualQuery(a, m) == 0 || m.RegionSize <= 0) {
                break;
            }
            out.add(m);
            a = m.BaseAddress + m.RegionSize;
        }
        return out;
    }

    // ---- errors ----

    /** Asserts the calling thread's last error, by name. */
    void assertLastError(int expected, String call) {
        assertThat(errorName(k.GetLastError())).as("GetLastError() after %s", call).isEqualTo(errorName(expected));
    }

    static String errorName(int code) {
        String name = ERROR_NAMES.get(code);
        return (name == null ? "error" : name) + " (" + (code == DEADBEEF ? "0xDEADBEEF: not set" : code) + ")";
    }

    private static Map<Integer, String> errorNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field f : WinError.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && f.getName().startsWith("ERROR_")) {
                try {
                    names.putIfAbsent(f.getInt(null), f.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("WinError." + f.getName() + " unreadable", e);
                }
            }
        }
        return names;
    }

    // ---- faults ----

    /** Runs {@code body} under {@code __try/__except(EXCEPTION_EXECUTE_HANDLER)}; the record it raised, or null. */
    EXCEPTION_RECORD faultOf(SehBlock body) {
        EXCEPTION_RECORD[] seen = new EXCEPTION_RECORD[1];
        seh.tryExcept(body, r -> {
            seen[0] = r.copy();
            return EXCEPTION_EXECUTE_HANDLER;
        }, r -> { });
        return seen[0];
    }

    /** Asserts an access-violation record: code, two parameters, the access kind and the first faulting address. */
    static void assertAccessViolation(EXCEPTION_RECORD r, int kind, long address) {
        assertThat(r).as("an EXCEPTION_ACCESS_VIOLATION at %s", hex(address)).isNotNull();
        assertThat(hex(r.ExceptionCode)).as("ExceptionCode").isEqualTo(hex(EXCEPTION_ACCESS_VIOLATION));
        assertThat(r.NumberParameters).as("NumberParameters").isEqualTo(2);
        assertThat(r.ExceptionInformation[0]).as("ExceptionInformation[0] (0 read, 1 write, 8 execute)")
                .isEqualTo(kind);
        assertThat(hex(r.ExceptionInformation[1])).as("ExceptionInformation[1] (faulting address)")
                .isEqualTo(hex(address));
    }

    static String hex(long v) {
        return String.format("%#010x", v);
    }

    /** DWORDs print unsigned, as in C. */
    static String hex(int v) {
        return hex(Integer.toUnsignedLong(v));
    }
}
