package pagelab.exercises.stackguard;

import static pagelab.exercises.stackguard.StackProbe.PAGE;
import static pagelab.exercises.stackguard.StackProbe.pageOf;

import java.util.Map;
import java.util.function.Function;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.SehBlock;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;

/**
 * The two stack-underflow checks. Above a thread's stack lies whatever region the address space holds there: in a
 * fresh process the default heap sits right above the main thread's stack (an underflow writes into it silently),
 * while a thread made by {@code CreateThread} has free address space above its stack (an underflow is an access
 * violation). The checks use both, and check that the layout is still so before judging anything.
 */
final class StackUnderflow {
    /** Where the checker's underflow touches: a little above the stack's high end. */
    static final long ABOVE = 0x10;

    private StackUnderflow() {
    }

    /**
     * Runs {@code body} as a new simulated thread of the check's process and waits for it; returns what it returned
     * (null when it has nothing to say). A Java exception the student's code threw on that thread is thrown again
     * here, where the runner reports it.
     */
    static CheckResult onNewThread(CheckContext ctx, Function<StackProbe, CheckResult> body) {
        Kernel32 k = ctx.kernel32();
        CheckResult[] result = {null};
        RuntimeException[] thrown = {null};
        Error[] error = {null};
        long h = k.CreateThread(null, 0, arg -> {
            try {
                result[0] = body.apply(new StackProbe(ctx));
            } catch (RuntimeException e) {
                thrown[0] = e;
            } catch (Error e) {
                error[0] = e;
            }
            return 0;
        }, 0, 0, null);
        if (h == 0) {
            return CheckResult.error("CreateThread failed: " + Win32Names.error(k.GetLastError()));
        }
        k.WaitForSingleObject(h, WinNT.INFINITE);
        k.CloseHandle(h);
        if (thrown[0] != null) {
            throw thrown[0];
        }
        if (error[0] != null) {
            throw error[0];
        }
        return result[0];
    }

    /** reserveAboveStack: on a new thread (free space above its stack) and on the main thread (the heap above). */
    static CheckResult reserve(StackTools tools, CheckContext ctx) {
        boolean[] reservedRight = {false};
        Tally t = new Tally();
        String[] mode = {null};
        CheckResult early = onNewThread(ctx, s -> {
            long high = s.top();
            if (ctx.snapshot().allocationAt(high) != null) {
                return CheckResult.error("the check expects free address space above a new thread's stack, but "
                        + Win32Names.hex(high) + " is taken");
            }
            long[] got = {0};
            StackProbe.Outer call = s.outer(() -> got[0] = tools.reserveAboveStack(ctx.kernel32(), s.thread()));
            Allocation above = ctx.snapshot().allocationAt(high);
            boolean reserved = above != null && above.base() == high;
            long committed = above == null ? 0 : above.committedBytes();
            StackProbe.Outer touch = s.outer(() -> ctx.memory().setByte(high + ABOVE, (byte) 0x5A));
            boolean faults = touch.caughtCode(WinNT.EXCEPTION_ACCESS_VIOLATION)
                    && touch.caught().ExceptionInformation[1] == high + ABOVE;
            t.expect(2, call.none() && got[0] == high, !call.none()
                    ? Msg.of("reserve.raised", "reserveAboveStack raised {0}", call.describe())
                    : Msg.of("reserve.returned", "on a new thread whose stack ends at {0} (free above), "
                            + "reserveAboveStack returned {1}; expected {0}", Win32Names.hex(high),
                            Win32Names.hex(got[0])));
            t.expect(2, reserved, above == null
                    ? Msg.of("reserve.nothing", "nothing is reserved at {0}", Win32Names.hex(high))
                    : Msg.of("reserve.elsewhere", "the allocation holding {0} starts at {1}; expected a reservation "
                            + "starting exactly at the stack's high end", Win32Names.hex(high),
                            Win32Names.hex(above.base())));
            t.expect(3, reserved && committed == 0 && faults, !reserved
                    ? Msg.of("reserve.no-fault", "an underflow write at {0} got {1}; with nothing reserved there it is "
                            + "not a reliable fault", Win32Names.hex(high + ABOVE), touch.describe())
                    : Msg.of("reserve.committed", "the reservation above the stack has {0} committed, and an underflow "
                            + "write at {1} got {2}; expected EXCEPTION_ACCESS_VIOLATION (0xC0000005) there",
                            StackProbe.bytes(committed), Win32Names.hex(high + ABOVE), touch.describe()));
            mode[0] = !reserved && got[0] == 0 ? "not-reserved" : reserved && (committed != 0 || !faults)
                    ? "guard-region-committed" : !reserved ? "reserved-elsewhere" : null;
            reservedRight[0] = call.none() && got[0] == high && reserved && committed == 0 && faults;
            return null;
        });
        if (early != null) {
            return early;
        }
        // The main thread: the default heap lies right above its stack. The answer is 0, and the heap stays as it was.
        StackProbe s = new StackProbe(ctx);
        long high = s.top();
        Allocation heap = ctx.snapshot().allocationAt(high);
        if (heap == null || heap.base() != high) {
            return CheckResult.error("the check expects the default heap right above the main thread's stack, at "
                    + Win32Names.hex(high));
        }
        long[] got = {-1};
        StackProbe.Outer call = s.outer(() -> got[0] = tools.reserveAboveStack(ctx.kernel32(), s.thread()));
        Allocation after = ctx.snapshot().allocationAt(high);
        boolean untouched = after != null && after.equals(heap);
        t.expect(2, call.none() && got[0] == 0 && reservedRight[0], !call.none()
                ? Msg.of("reserve.main-raised", "on the main thread, whose stack has the default heap right above it, "
                        + "reserveAboveStack raised {0}", call.describe())
                : got[0] != 0 ? Msg.of("reserve.main-returned", "on the main thread, whose stack has the default heap "
                        + "at {0} right above it, reserveAboveStack returned {1}; expected 0", Win32Names.hex(high),
                        Win32Names.hex(got[0]))
                : Msg.of("reserve.main-unearned-zero", "on the main thread (the heap above its stack) "
                        + "reserveAboveStack returned 0: that counts only once a free range above a stack is reserved "
                        + "right"));
        t.expect(1, untouched && reservedRight[0], !untouched
                ? Msg.of("reserve.heap-changed", "the default heap's allocation at {0} changed", Win32Names.hex(high))
                : Msg.of("reserve.main-unearned-untouched", "the heap above the main thread's stack was left alone: "
                        + "that counts only once a free range above a stack is reserved right"));
        if (mode[0] == null && got[0] != 0) {
            mode[0] = "range-taken";
        }
        CheckResult r = t.result(10, Msg.of("reserve.pass", "A new thread's free range above its stack was "
                + "reserved, an underflow there faulted, and the main thread's heap above its stack was left alone."));
        return (mode[0] == null ? r : r.hint(mode[0], HINTS.get(mode[0])))
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space at the end"));
    }

    /** classifyStackFault: no fault, an overflow, an underflow, and two access violations that are neither. */
    static CheckResult classify(StackTools tools, CheckContext ctx) {
        CheckResult r = onNewThread(ctx, s -> {
            long high = s.top();
            if (ctx.snapshot().allocationAt(high) != null) {
                return CheckResult.error("the check expects free address space above a new thread's stack, but "
                        + Win32Names.hex(high) + " is taken");
            }
            boolean[] ran = {false};
            Run none = run(tools, ctx, s, () -> {
                ctx.memory().getByte(high - 8);
                ran[0] = true;
            });
            long from = pageOf(s.thread().getStackPointer()) - PAGE;
            Run over = run(tools, ctx, s, () -> {
                for (long p = from; p >= s.lowest(); p -= PAGE) {
                    ctx.memory().getByte(p);
                }
            });
            Run under = run(tools, ctx, s, () -> ctx.memory().getByte(high + ABOVE));
            Run nul = run(tools, ctx, s, () -> ctx.memory().getByte(0));
            Run lowest = run(tools, ctx, s, () -> ctx.memory().getByte(s.lowest() + 8));
            boolean overOk = over.returned(StackTools.STACK_OVERFLOW);
            boolean underOk = under.returned(StackTools.STACK_UNDERFLOW);
            boolean nulOk = nul.passedOn(WinNT.EXCEPTION_ACCESS_VIOLATION);
            boolean lowestOk = lowest.passedOn(WinNT.EXCEPTION_ACCESS_VIOLATION);
            Tally t = new Tally();
            t.expect(2, overOk, Msg.of("classify.overflow", "a deep recursion (EXCEPTION_STACK_OVERFLOW) gave {0}; "
                    + "expected STACK_OVERFLOW (1)", over.describe()));
            t.expect(3, underOk, Msg.of("classify.underflow", "a read at {0}, above the stack's high end {1}, gave "
                    + "{2}; expected STACK_UNDERFLOW (2)", Win32Names.hex(high + ABOVE), Win32Names.hex(high),
                    under.describe()));
            t.expect(2, nulOk && underOk, !nulOk
                    ? Msg.of("classify.null", "a read of NULL (0x00000000), below the stack, gave {0}; it is no stack "
                            + "fault and must go on to the caller's handler", nul.describe())
                    : Msg.of("classify.unearned-null", "a read of NULL went on to the caller's handler, but that "
                            + "counts only once an underflow is told"));
            t.expect(1, lowestOk && underOk, !lowestOk
                    ? Msg.of("classify.lowest", "a read of the stack's lowest, never committed page {0} gave {1}; that "
                            + "access violation is inside the stack, not above it, and must go on to the caller's "
                            + "handler", Win32Names.hex(s.lowest()), lowest.describe())
                    : Msg.of("classify.unearned-lowest", "the lowest page's access violation went on to the caller's "
                            + "handler, but that counts only once an underflow is told"));
            t.expect(1, ran[0] && none.returned(StackTools.NO_STACK_FAULT) && (overOk || underOk), !ran[0]
                    ? Msg.of("classify.not-run", "the body was not run")
                    : !none.returned(StackTools.NO_STACK_FAULT) ? Msg.of("classify.none", "a body that faults "
                            + "nowhere gave {0}; expected NO_STACK_FAULT (0)", none.describe())
                    : Msg.of("classify.unearned-none", "a body that faults nowhere gave NO_STACK_FAULT, but that "
                            + "counts only once an overflow or an underflow is told"));
            String mode = !underOk && nul.returned(StackTools.STACK_UNDERFLOW) ? "underflow-is-above"
                    : underOk && (!nulOk || !lowestOk) ? "other-faults-handled"
                    : !overOk ? "overflow-not-told" : !underOk ? "underflow-not-told" : null;
            CheckResult res = t.result(10, Msg.of("classify.pass", "Overflow and underflow were told apart, and the "
                    + "other access violations went on to the caller's handler."));
            return (mode == null ? res : res.hint(mode, HINTS.get(mode))).evidence(ctx.traceEvidence());
        });
        return r != null ? r : CheckResult.error("the check's thread ended without a result");
    }

    /** One classifyStackFault call inside the checker's own handler: what it returned, or what got past it. */
    private record Run(int kind, StackProbe.Outer outer) {
        boolean returned(int k) {
            return outer.none() && kind == k;
        }

        boolean passedOn(int code) {
            return outer.caughtCode(code);
        }

        /** What the call returned ("STACK_OVERFLOW (1)", code that stays as it is), or what got past it. */
        Msg describe() {
            return outer.none() ? switch (kind) {
                case StackTools.NO_STACK_FAULT -> Msg.text("NO_STACK_FAULT (0)");
                case StackTools.STACK_OVERFLOW -> Msg.text("STACK_OVERFLOW (1)");
                case StackTools.STACK_UNDERFLOW -> Msg.text("STACK_UNDERFLOW (2)");
                default -> Msg.of("run.no-such-kind", "{0} (no such kind)", String.valueOf(kind));
            } : Msg.of("run.passed-on", "{0} reaching the caller's handler", outer.describe());
        }
    }

    private static Run run(StackTools tools, CheckContext ctx, StackProbe s, SehBlock body) {
        int[] kind = {-1};
        StackProbe.Outer o = s.outer(() -> kind[0] = tools.classifyStackFault(ctx.process().seh(), s.thread(), body));
        return new Run(kind[0], o);
    }

    static final Map<String, String> HINTS = Map.of(
            "not-reserved", "VirtualAlloc(thread.stackBase(), dwAllocationGranularity, MEM_RESERVE, PAGE_NOACCESS): "
                    + "reserve the range that starts at the stack's high end, and return what VirtualAlloc returns.",
            "reserved-elsewhere", "The reservation must start exactly at thread.stackBase(), the stack's high end: "
                    + "that is where an underflow lands first.",
            "guard-region-committed", "Reserve only (MEM_RESERVE): a committed page above the stack takes an "
                    + "underflow's write silently, which is the corruption the reservation is there to catch.",
            "range-taken", "When another region already lies above the stack, VirtualAlloc fails and returns 0: "
                    + "return that 0, and never free or change a region that is not yours.",
            "underflow-is-above", "The stack grows down: an underflow touches memory above it, at or above "
                    + "thread.stackBase() (the high limit), not below deallocationStack().",
            "other-faults-handled", "Only an access violation whose data address, ExceptionInformation[1], is at or "
                    + "above thread.stackBase() is an underflow (ExceptionAddress is the faulting instruction's "
                    + "address); return EXCEPTION_CONTINUE_SEARCH for every other exception.",
            "overflow-not-told", "Handle EXCEPTION_STACK_OVERFLOW (0xC00000FD) in the filter "
                    + "(EXCEPTION_EXECUTE_HANDLER) and return STACK_OVERFLOW.",
            "underflow-not-told", "Handle an EXCEPTION_ACCESS_VIOLATION (0xC0000005) whose ExceptionInformation[1] is "
                    + "at or above thread.stackBase() (EXCEPTION_EXECUTE_HANDLER) and return STACK_UNDERFLOW.");
}
