package pagelab.kernel.conformance;

import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.opentest4j.AssertionFailedError;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;
import pagelab.kernel.Seh;
import pagelab.kernel.WinProcess;
import pagelab.kernel.conformance.ReferenceModel.Expected;

/**
 * The checking half of a {@link ModelBasedTest} run: the process and the model it is compared with, the invariants
 * checked after every step (a VirtualQuery walk that tiles user space with maximal coalescing and agrees with the
 * model region by region; the private commit charge delta), fault records, and assertions whose messages start with
 * the seed, the step and the operation.
 */
abstract class ModelChecks {
    static final long PAGE = ReferenceModel.PAGE;
    static final int DEADBEEF = KernelTestSupport.DEADBEEF;

    final long seed;
    final Random rnd;
    final WinProcess process;
    final Kernel32 k;
    final Memory mem;
    final Seh seh;
    ReferenceModel model;
    long commitBaseline;
    int step;
    String op = "start";

    ModelChecks(long seed, WinProcess process) {
        this.seed = seed;
        this.rnd = new Random(seed);
        this.process = process;
        this.k = process.kernel32();
        this.mem = process.memory();
        this.seh = process.seh();
    }

    EXCEPTION_RECORD access(Runnable body) {
        EXCEPTION_RECORD[] seen = new EXCEPTION_RECORD[1];
        seh.tryExcept(body::run, r -> {
            seen[0] = r.copy();
            return EXCEPTION_EXECUTE_HANDLER;
        }, r -> { });
        return seen[0];
    }

    /** Checks the outcome of an access; true when it faulted (as it had to). */
    boolean expectFault(EXCEPTION_RECORD r, int prot, long addr, int kind, boolean allowed) {
        if (prot > 0 && (prot & PAGE_GUARD) != 0) {
            expect("a guard-page exception", r == null ? "none" : hex(r.ExceptionCode),
                    hex(STATUS_GUARD_PAGE_VIOLATION));
            expect("guard ExceptionInformation[1]", hex(r.ExceptionInformation[1]), hex(addr));
            model.clearGuard(addr & -PAGE);
            return true;
        }
        if (prot > 0 && allowed) {
            expect("no exception", r == null ? "none" : r.toString(), "none");
            return false;
        }
        expect("an access violation", r == null ? "none" : hex(r.ExceptionCode), hex(EXCEPTION_ACCESS_VIOLATION));
        expect("NumberParameters", r.NumberParameters, 2);
        expect("ExceptionInformation[0]", r.ExceptionInformation[0], (long) kind);
        expect("ExceptionInformation[1]", hex(r.ExceptionInformation[1]), hex(addr));
        return true;
    }

    // ---- invariants ----

    List<MEMORY_BASIC_INFORMATION> walk() {
        List<MEMORY_BASIC_INFORMATION> out = new ArrayList<>();
        long a = 0;
        while (true) {
            MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
            if (k.VirtualQuery(a, m) == 0) {
                return out;
            }
            if (m.RegionSize <= 0 || out.size() > 100_000) {
                throw fail("walk: RegionSize " + m.RegionSize + " at " + hex(a));
            }
            out.add(m);
            a = m.BaseAddress + m.RegionSize;
        }
    }

    void checkInvariants() {
        long cursor = 0;
        MEMORY_BASIC_INFORMATION previous = null;
        for (MEMORY_BASIC_INFORMATION m : walk()) {
            expect("walk: region starts where the previous ended", hex(m.BaseAddress), hex(cursor));
            if (previous != null && previous.State == m.State && previous.Protect == m.Protect
                    && previous.AllocationBase == m.AllocationBase && previous.Type == m.Type) {
                throw fail("walk: regions at " + hex(previous.BaseAddress) + " and " + hex(m.BaseAddress)
                        + " have equal attributes (coalescing not maximal): " + previous + " / " + m);
            }
            Expected e = model.query(m.BaseAddress);
            if (!e.sameAs(m)) {
                throw fail("walk: VirtualQuery(" + hex(m.BaseAddress) + ") = " + m + ", model " + e);
            }
            previous = m;
            cursor = m.BaseAddress + m.RegionSize;
        }
        expect("walk ends at the end of user space", hex(cursor), hex(model.end()));
        long charged = process.inspector().counters().privateCommitBytes() - commitBaseline;
        expect("private commit charge delta", hex(charged), hex(model.committedPages() * PAGE));
    }

    void compareQuery(long addr) {
        MEMORY_BASIC_INFORMATION m = new MEMORY_BASIC_INFORMATION();
        long n = k.VirtualQuery(addr, m);
        expect("VirtualQuery return value", n, process.machine().config().is64Bit() ? 48L : 28L);
        Expected e = model.query(addr);
        if (!e.sameAs(m)) {
            throw fail("VirtualQuery = " + m + ", model " + e);
        }
    }

    // ---- assertions that name the seed, the step and the operation ----

    void expectFailure(long result, int error) {
        expect("return value (failure)", hex(result), hex(0L));
        expect("GetLastError()", KernelTestSupport.errorName(k.GetLastError()), KernelTestSupport.errorName(error));
    }

    void expectFailure(long result, int error, int otherError) {
        expect("return value (failure)", hex(result), hex(0L));
        expectEither(error, otherError);
    }

    void expectFailure(boolean result, int error, int otherError) {
        expect("return value (failure)", result, false);
        expectEither(error, otherError);
    }

    void expectEither(int error, int otherError) {
        int got = k.GetLastError();
        if (got != error && got != otherError) {
            throw fail("GetLastError(): expected " + KernelTestSupport.errorName(error) + " or "
                    + KernelTestSupport.errorName(otherError) + " but was " + KernelTestSupport.errorName(got));
        }
    }

    void expectFailure(boolean result, int error) {
        expect("return value (failure)", result, false);
        expect("GetLastError()", KernelTestSupport.errorName(k.GetLastError()), KernelTestSupport.errorName(error));
    }

    void expect(String what, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            throw fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    AssertionFailedError fail(String message) {
        return new AssertionFailedError(String.format("seed=%d step=%d after %s: %s (rerun with "
                + "-Dpagelab.model.seed=%d)", seed, step, op, message, seed));
    }

    static String hex(long v) {
        return KernelTestSupport.hex(v);
    }

    static String hex(int v) {
        return KernelTestSupport.hex(v);
    }
}
