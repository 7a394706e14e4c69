package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static pagelab.kernel.WinNT.EXCEPTION_ACCESS_VIOLATION;
import static pagelab.kernel.WinNT.EXCEPTION_EXECUTE_HANDLER;
import static pagelab.kernel.WinNT.INVALID_HANDLE_VALUE;
import static pagelab.kernel.WinNT.STATUS_GUARD_PAGE_VIOLATION;
import static pagelab.kernel.WinNT.WAIT_FAILED;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.Memory;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinProcess;

/**
 * Random and hostile arguments to every Kernel32 method (kernel-spi.md: "No call ever lets a Java exception escape for
 * bad arguments: negative or huge sizes, wrapped address ranges, unknown flags and null structs all get a Win32
 * error"). A call may only end in its return value, or in UnhandledSehException / ProcessTerminatedException when the
 * program itself faulted (an Interlocked* on a bad address, RaiseException, a NULL out-parameter the kernel writes
 * through). A call that returns its documented failure value must have set the last error (not 0, not the 0xDEADBEEF
 * planted before it); functions documented not to call SetLastError on failure (HeapAlloc, HeapReAlloc, HeapSize,
 * HeapValidate) are exempt. ERROR_CALL_NOT_IMPLEMENTED is an acceptable error for functions of later issues.
 */
class RobustnessTest {
    /** 250 calls per method: about 25,000 calls over the Kernel32 methods on both machines and the Memory ones. */
    private static final int CALLS_PER_METHOD = Integer.getInteger("pagelab.robustness.calls", 250);

    /** One Kernel32 method: how to call it with hostile arguments, and what its failure value is. */
    private record Probe(Call call, Predicate<Object> failed, boolean setsLastError) {
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Kernel32 k, HostileArguments h);
    }

    private static Predicate<Object> falseFails() {
        return r -> Boolean.FALSE.equals(r);
    }

    private static Predicate<Object> zeroFails() {
        return r -> r instanceof Number n && n.longValue() == 0;
    }

    private static Predicate<Object> never() {
        return r -> false;
    }

    private static Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        p.put("GetSystemInfo", new Probe((k, h) -> {
            k.GetSystemInfo(h.systemInfo());
            return null;
        }, never(), false));
        p.put("GlobalMemoryStatusEx", new Probe((k, h) -> k.GlobalMemoryStatusEx(h.memoryStatus()), falseFails(),
                true));
        p.put("VirtualQuery", new Probe((k, h) -> k.VirtualQuery(h.address(), h.mbi()), zeroFails(), true));
        p.put("VirtualAlloc", new Probe((k, h) -> k.VirtualAlloc(h.address(), h.size(), h.flags(), h.flags()),
                zeroFails(), true));
        p.put("VirtualFree", new Probe((k, h) -> k.VirtualFree(h.address(), h.size(), h.flags()), falseFails(), true));
        p.put("VirtualProtect", new Probe((k, h) -> k.VirtualProtect(h.address(), h.size(), h.flags(), h.intRef()),
                falseFails(), true));
        p.put("CreateThread", new Probe((k, h) -> k.CreateThread(h.security(), h.size(), h.threadProc(), h.address(),
                h.flags() & ~pagelab.kernel.WinNT.CREATE_SUSPENDED, h.intRef()), zeroFails(), true));
        p.put("GetCurrentThreadStackLimits", new Probe((k, h) -> {
            k.GetCurrentThreadStackLimits(h.longRef(), h.longRef());
            return null;
        }, never(), false));
        p.put("WaitForSingleObject", new Probe((k, h) -> k.WaitForSingleObject(h.handle(), h.shortWait()),
                r -> Integer.valueOf(WAIT_FAILED).equals(r), true));
        p.put("CreateFile", new Probe((k, h) -> k.CreateFile(h.string(), h.flags(), h.flags(), h.security(), h.flags(),
                h.flags(), h.handle()), r -> Long.valueOf(INVALID_HANDLE_VALUE).equals(r), true));
        p.put("GetFileSizeEx", new Probe((k, h) -> k.GetFileSizeEx(h.handle(), h.longRef()), falseFails(), true));
        p.put("ReadFile", new Probe((k, h) -> k.ReadFile(h.handle(), h.address(), h.flags(), h.intRef(), h.address()),
                falseFails(), true));
        p.put("WriteFile", new Probe((k, h) -> k.WriteFile(h.handle(), h.address(), h.flags(), h.intRef(), h.address()),
                falseFails(), true));
        p.put("SetFilePointerEx", new Probe((k, h) -> k.SetFilePointerEx(h.handle(), h.size(), h.longRef(), h.flags()),
                falseFails(), true));
        p.put("SetEndOfFile", new Probe((k, h) -> k.SetEndOfFile(h.handle()), falseFails(), true));
        p.put("CreateFileMapping", new Probe((k, h) -> k.CreateFileMapping(h.handle(), h.security(), h.flags(),
                h.flags(), h.flags(), h.string()), zeroFails(), true));
        p.put("OpenFileMapping", new Probe((k, h) -> k.OpenFileMapping(h.flags(), h.bool(), h.string()), zeroFails(),
                true));
        p.put("MapViewOfFile", new Probe((k, h) -> k.MapViewOfFile(h.handle(), h.flags(), h.flags(), h.flags(),
                h.size()), zeroFails(), true));
        p.put("MapViewOfFileEx", new Probe((k, h) -> k.MapViewOfFileEx(h.handle(), h.flags(), h.flags(), h.flags(),
                h.size(), h.address()), zeroFails(), true));
        p.put("UnmapViewOfFile", new Probe((k, h) -> k.UnmapViewOfFile(h.address()), falseFails(), true));
        p.put("FlushViewOfFile", new Probe((k, h) -> k.FlushViewOfFile(h.address(), h.size()), falseFails(), true));
        p.put("CloseHandle", new Probe((k, h) -> k.CloseHandle(h.handle()), falseFails(), true));
        p.put("GetProcessHeap", new Probe((k, h) -> k.GetProcessHeap(), zeroFails(), true));
        p.put("GetProcessHeaps", new Probe((k, h) -> k.GetProcessHeaps(h.flags(), h.longs()), never(), false));
        p.put("HeapCreate", new Probe((k, h) -> k.HeapCreate(h.flags(), h.size(), h.size()), zeroFails(), true));
        p.put("HeapDestroy", new Probe((k, h) -> k.HeapDestroy(h.handle()), falseFails(), true));
        p.put("HeapAlloc", new Probe((k, h) -> k.HeapAlloc(h.handle(), h.flags(), h.size()), zeroFails(), false));
        p.put("HeapReAlloc", new Probe((k, h) -> k.HeapReAlloc(h.handle(), h.flags(), h.address(), h.size()),
                zeroFails(), false));
        p.put("HeapSize", new Probe((k, h) -> k.HeapSize(h.handle(), h.flags(), h.address()), never(), false));
        p.put("HeapFree", new Probe((k, h) -> k.HeapFree(h.handle(), h.flags(), h.address()), falseFails(), true));
        p.put("HeapValidate", new Probe((k, h) -> k.HeapValidate(h.handle(), h.flags(), h.address()), never(), false));
        p.put("HeapCompact", new Probe((k, h) -> k.HeapCompact(h.handle(), h.flags()), never(), false));
        p.put("HeapLock", new Probe((k, h) -> k.HeapLock(h.handle()), falseFails(), true));
        p.put("HeapUnlock", new Probe((k, h) -> k.HeapUnlock(h.handle()), falseFails(), true));
        p.put("HeapWalk", new Probe((k, h) -> k.HeapWalk(h.handle(), h.heapEntry()), falseFails(), true));
        p.put("HeapSetInformation", new Probe((k, h) -> k.HeapSetInformation(h.handle(), h.flags(), h.intRef(),
                h.size()), falseFails(), true));
        p.put("HeapQueryInformation", new Probe((k, h) -> k.HeapQueryInformation(h.handle(), h.flags(), h.intRef(),
                h.size(), h.longRef()), falseFails(), true));
        p.put("LoadLibrary", new Probe((k, h) -> k.LoadLibrary(h.string()), zeroFails(), true));
        p.put("FreeLibrary", new Probe((k, h) -> k.FreeLibrary(h.handle()), falseFails(), true));
        p.put("GetModuleHandle", new Probe((k, h) -> k.GetModuleHandle(h.string()), zeroFails(), true));
        p.put("RaiseException", new Probe((k, h) -> {
            k.RaiseException(h.flags(), h.flags(), h.longs());
            return null;
        }, never(), false));
        p.put("GetLastError", new Probe((k, h) -> k.GetLastError(), never(), false));
        p.put("SetLastError", new Probe((k, h) -> {
            k.SetLastError(h.flags());
            return null;
        }, never(), false));
        p.put("InterlockedIncrement", new Probe((k, h) -> k.InterlockedIncrement(h.address()), never(), false));
        p.put("InterlockedDecrement", new Probe((k, h) -> k.InterlockedDecrement(h.address()), never(), false));
        p.put("InterlockedExchangeAdd", new Probe((k, h) -> k.InterlockedExchangeAdd(h.address(), h.flags()), never(),
                false));
        p.put("InterlockedCompareExchange", new Probe((k, h) -> k.InterlockedCompareExchange(h.address(), h.flags(),
                h.flags()), never(), false));
        p.put("GetCurrentProcessId", new Probe((k, h) -> k.GetCurrentProcessId(), never(), false));
        p.put("GetCurrentThreadId", new Probe((k, h) -> k.GetCurrentThreadId(), never(), false));
        p.put("GetCurrentProcess", new Probe((k, h) -> k.GetCurrentProcess(), never(), false));
        p.put("OpenProcess", new Probe((k, h) -> k.OpenProcess(h.flags(), h.bool(), h.flags()), zeroFails(), true));
        p.put("DuplicateHandle", new Probe((k, h) -> k.DuplicateHandle(h.handle(), h.handle(), h.handle(), h.longRef(),
                h.flags(), h.bool(), h.flags()), falseFails(), true));
        p.put("GetHandleInformation", new Probe((k, h) -> k.GetHandleInformation(h.handle(), h.intRef()), falseFails(),
                true));
        p.put("SetHandleInformation", new Probe((k, h) -> k.SetHandleInformation(h.handle(), h.flags(), h.flags()),
                falseFails(), true));
        p.put("CreateProcess", new Probe((k, h) -> k.CreateProcess(h.string(), h.string(), h.security(), h.security(),
                h.bool(), h.flags(), h.address(), h.string(), h.startupInfo(), h.processInformation()), falseFails(),
                true));
        p.put("GetCommandLine", new Probe((k, h) -> k.GetCommandLine(), never(), false));
        return p;
    }

    /**
     * Issue 14 asks for at least 20,000 hostile calls. Each dynamic test below makes {@link #CALLS_PER_METHOD} calls
     * or fails, so the plan is the count: every Kernel32 method on x86 and x64, and every Memory method.
     */
    @Test
    void makesAtLeastTwentyThousandHostileCalls() {
        assumeTrue(System.getProperty("pagelab.robustness.calls") == null, "a smaller run was asked for");
        long calls = (2L * probes().size() + memoryProbes().size()) * CALLS_PER_METHOD;
        System.out.printf("RobustnessTest: %d hostile calls (%d Kernel32 methods on 2 machines, %d Memory methods, %d"
                + " calls each)%n", calls, probes().size(), memoryProbes().size(), CALLS_PER_METHOD);
        assertThat(calls).isGreaterThanOrEqualTo(20_000);
    }

    @Test
    void everyKernel32MethodIsProbed() {
        Set<String> declared = Arrays.stream(Kernel32.class.getMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(probes().keySet())).isEqualTo(declared);
    }

    @TestFactory
    Stream<DynamicTest> hostileArgumentsNeverLetAJavaExceptionEscape() {
        return probes().entrySet().stream().flatMap(e -> Stream.of(
                DynamicTest.dynamicTest(e.getKey() + " on x86", () -> hammer(e.getKey(), e.getValue(),
                        MachineConfig.x86(), e.getKey().hashCode())),
                DynamicTest.dynamicTest(e.getKey() + " on x64", () -> hammer(e.getKey(), e.getValue(),
                        MachineConfig.x64(), 31L * e.getKey().hashCode()))));
    }

    private static void hammer(String name, Probe probe, MachineConfig config, long seed) {
        HostileArguments h = new HostileArguments(seed);
        try (Machine m = Machine.create(config.seed(seed))) {
            WinProcess p = m.createProcess();
            for (int i = 0; i < CALLS_PER_METHOD; i++) {
                if (!p.isAlive()) {
                    p = m.createProcess();
                }
                Kernel32 k = p.kernel32();
                if (i % 10 == 0) {
                    plantAllocation(k, h);
                }
                k.SetLastError(KernelTestSupport.DEADBEEF);
                Object result;
                try {
                    result = probe.call().invoke(k, h);
                } catch (UnhandledSehException | ProcessTerminatedException programFaulted) {
                    h.drainLog();
                    continue;
                } catch (Throwable t) {
                    AssertionFailedError f = new AssertionFailedError(String.format(
                            "%s(%s) threw %s (seed %d, call %d)", name, h.drainLog(), t, seed, i));
                    f.initCause(t);
                    throw f;
                }
                String args = h.drainLog();
                if (result instanceof Long l) {
                    h.remember(l);
                }
                if (probe.setsLastError() && probe.failed().test(result)) {
                    int error = k.GetLastError();
                    if (error == KernelTestSupport.DEADBEEF || error == 0) {
                        throw new AssertionFailedError(String.format("%s(%s) returned its failure value %s without "
                                + "setting the last error (%s) (seed %d, call %d)", name, args, result,
                                KernelTestSupport.errorName(error), seed, i));
                    }
                }
            }
        }
    }

    /** Memory calls: any address and length may fault, but only through SEH, never as a Java exception. */
    private static Map<String, MemoryCall> memoryProbes() {
        Map<String, MemoryCall> p = new LinkedHashMap<>();
        p.put("getByte", (m, h) -> m.getByte(h.address()));
        p.put("setByte", (m, h) -> m.setByte(h.address(), (byte) h.flags()));
        p.put("getShort", (m, h) -> m.getShort(h.address()));
        p.put("setShort", (m, h) -> m.setShort(h.address(), (short) h.flags()));
        p.put("getInt", (m, h) -> m.getInt(h.address()));
        p.put("setInt", (m, h) -> m.setInt(h.address(), h.flags()));
        p.put("getLong", (m, h) -> m.getLong(h.address()));
        p.put("setLong", (m, h) -> m.setLong(h.address(), h.size()));
        p.put("read", (m, h) -> m.read(h.address(), new byte[64], 0, 64));
        p.put("write", (m, h) -> m.write(h.address(), new byte[64], 0, 64));
        p.put("setMemory", (m, h) -> m.setMemory(h.address(), h.size() & 0xFFFFFFFL, (byte) 1));
        p.put("copy", (m, h) -> m.copy(h.address(), h.address(), h.size() & 0xFFFFFFFL));
        p.put("getString", (m, h) -> m.getString(h.address()));
        p.put("setString", (m, h) -> m.setString(h.address(), "hostile"));
        p.put("execute", (m, h) -> m.execute(h.address()));
        return p;
    }

    @FunctionalInterface
    private interface MemoryCall {
        void invoke(Memory m, HostileArguments h);
    }

    @TestFactory
    Stream<DynamicTest> hostileAddressesFaultThroughSehOnly() {
        return memoryProbes().entrySet().stream().map(e -> DynamicTest.dynamicTest("Memory." + e.getKey(), () -> {
            long seed = 7L * e.getKey().hashCode();
            HostileArguments h = new HostileArguments(seed);
            try (Machine m = Machine.create(MachineConfig.x86().seed(seed))) {
                WinProcess p = m.createProcess();
                for (int i = 0; i < CALLS_PER_METHOD; i++) {
                    if (i % 10 == 0) {
                        plantAllocation(p.kernel32(), h);
                    }
                    int[] code = {0};
                    try {
                        WinProcess q = p;
                        q.seh().tryExcept(() -> e.getValue().invoke(q.memory(), h), r -> {
                            code[0] = r.ExceptionCode;
                            return EXCEPTION_EXECUTE_HANDLER;
                        }, r -> { });
                    } catch (Throwable t) {
                        AssertionFailedError f = new AssertionFailedError(String.format(
                                "Memory.%s(%s) threw %s (seed %d, call %d)", e.getKey(), h.drainLog(), t, seed, i));
                        f.initCause(t);
                        throw f;
                    }
                    String args = h.drainLog();
                    boolean memoryFault = code[0] == EXCEPTION_ACCESS_VIOLATION
                            || code[0] == STATUS_GUARD_PAGE_VIOLATION;
                    if (code[0] != 0 && !memoryFault) {
                        throw new AssertionFailedError(String.format("Memory.%s(%s) raised %s, not an access "
                                + "violation (seed %d, call %d)", e.getKey(), args, KernelTestSupport.hex(code[0]),
                                seed, i));
                    }
                }
            }
        }));
    }

    /** Now and then a real allocation, so later hostile calls meet committed, reserved and guarded memory too. */
    private static void plantAllocation(Kernel32 k, HostileArguments h) {
        try {
            long a = k.VirtualAlloc(0, 0x3000, pagelab.kernel.WinNT.MEM_RESERVE | pagelab.kernel.WinNT.MEM_COMMIT,
                    pagelab.kernel.WinNT.PAGE_READWRITE);
            h.remember(a);
        } catch (ProcessTerminatedException ended) {
            // the next iteration starts a new process
        }
        h.drainLog();
    }
}
