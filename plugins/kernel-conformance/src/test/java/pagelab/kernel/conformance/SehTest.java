package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.UnhandledSehException;

/**
 * Structured exception handling. Sources: MSDN "try-except statement" (filters evaluated innermost first;
 * EXCEPTION_CONTINUE_SEARCH, EXCEPTION_EXECUTE_HANDLER, EXCEPTION_CONTINUE_EXECUTION), MSDN "try-finally statement"
 * and AbnormalTermination, MSDN RaiseException (flags, "Any attempt to continue execution after a noncontinuable
 * exception causes the EXCEPTION_NONCONTINUABLE_EXCEPTION exception", at most EXCEPTION_MAXIMUM_PARAMETERS
 * arguments: kernelbase keeps the first 15 and only the EXCEPTION_NONCONTINUABLE flag, Wine
 * dlls/kernelbase/debug.c RaiseException); RtlDispatchException chaining the original record to
 * STATUS_NONCONTINUABLE_EXCEPTION; book ch. 23-25 (commit-on-fault with EXCEPTION_CONTINUE_EXECUTION, the
 * unwind running termination handlers after all filters have run).
 */
class SehTest extends KernelTestSupport {

    private static final int APP_CODE = 0xE0000001;

    @Test
    void filterReceivesTheFaultRecordAndHandlerRunsInsteadOfTheRestOfTheBody() {
        long a = reserve(0x1000, PAGE_READWRITE);
        List<String> events = new ArrayList<>();
        seh.tryExcept(() -> {
            events.add("body");
            mem.getInt(a);
            events.add("after fault");
        }, r -> {
            events.add("filter " + hex(r.ExceptionCode));
            return EXCEPTION_EXECUTE_HANDLER;
        }, r -> events.add("handler " + hex(r.ExceptionCode)));
        assertThat(events).containsExactly("body", "filter 0xc0000005", "handler 0xc0000005");
    }

    @Test
    void nothingRunsButTheBodyWhenThereIsNoException() {
        List<String> events = new ArrayList<>();
        seh.tryExcept(() -> events.add("body"), r -> {
            events.add("filter");
            return EXCEPTION_EXECUTE_HANDLER;
        }, r -> events.add("handler"));
        assertThat(events).containsExactly("body");
    }

    @Test
    void filtersRunInnermostFirstAndContinueSearchPassesOutward() {
        // MSDN try-except: EXCEPTION_CONTINUE_SEARCH continues the search for a handler in the enclosing blocks
        long a = reserve(0x1000, PAGE_READWRITE);
        List<String> events = new ArrayList<>();
        seh.tryExcept(() -> seh.tryExcept(() -> seh.tryExcept(() -> mem.setInt(a, 1), r -> {
            events.add("filter 3");
            return EXCEPTION_CONTINUE_SEARCH;
        }, r -> events.add("handler 3")), r -> {
            events.add("filter 2");
            return EXCEPTION_CONTINUE_SEARCH;
        }, r -> events.add("handler 2")), r -> {
            events.add("filter 1");
            return EXCEPTION_EXECUTE_HANDLER;
        }, r -> events.add("handler 1"));
        assertThat(events).containsExactly("filter 3", "filter 2", "filter 1", "handler 1");
    }

    @Test
    void innermostHandlingFilterStopsTheSearch() {
        long a = reserve(0x1000, PAGE_READWRITE);
        List<String> events = new ArrayList<>();
        seh.tryExcept(() -> {
            seh.tryExcept(() -> mem.getByte(a), r -> {
                events.add("inner filter");
                return EXCEPTION_EXECUTE_HANDLER;
            }, r -> events.add("inner handler"));
            events.add("after inner");
        }, r -> {
            events.add("outer filter");
            return EXCEPTION_EXECUTE_HANDLER;
        }, r -> events.add("outer handler"));
        assertThat(events).containsExactly("inner filter", "inner handler", "after inner");
    }

    @Test
    void unwindRunsTerminationHandlersInnermostFirstAfterAllFilters() {
        // MSDN try-finally / book ch. 24: filters are evaluated first; then the unwind runs the __finally blocks from
        // the innermost out, and only then the chosen __except block
        long a = reserve(0x1000, PAGE_READWRITE);
        List<String> events = new ArrayList<>();
        seh.tryExcept(() -> seh.tryFinally(() -> seh.tryExcept(() -> seh.tryFinally(() -> mem.getInt(a),
                () -> events.add("finally inner")), r -> {
                    events.add("filter inner");
                    return EXCEPTION_CONTINUE_SEARCH;
                }, r -> events.add("handler inner")), () -> events.add("finally outer")), r -> {
                    events.add("filter outer");
                    return EXCEPTION_EXECUTE_HANDLER;
                }, r -> events.add("handler outer"));
        assertThat(events).containsExactly("filter inner", "filter outer", "finally inner", "finally outer",
                "handler outer");
    }

    @Test
    void abnormalTerminationIsTrueDuringAnUnwind() {
        // MSDN AbnormalTermination: TRUE if the __try block terminated abnormally
        long a = reserve(0x1000, PAGE_READWRITE);
        AtomicReference<Boolean> abnormal = new AtomicReference<>();
        seh.tryExcept(() -> seh.tryFinally(() -> mem.getInt(a), () -> abnormal.set(seh.AbnormalTermination())),
                r -> EXCEPTION_EXECUTE_HANDLER, r -> { });
        assertThat(abnormal.get()).isTrue();
    }

    @Test
    void abnormalTerminationIsFalseOnNormalExit() {
        List<String> events = new ArrayList<>();
        AtomicReference<Boolean> abnormal = new AtomicReference<>();
        seh.tryFinally(() -> events.add("body"), () -> {
            events.add("finally");
            abnormal.set(seh.AbnormalTermination());
        });
        events.add("after");
        assertThat(events).containsExactly("body", "finally", "after");
        assertThat(abnormal.get()).isFalse();
    }

    @Test
    void terminationHandlerRunsWhenARaisedExceptionIsHandledOutside() {
        List<String> events = new ArrayList<>();
        seh.tryExcept(() -> seh.tryFinally(() -> k.RaiseException(APP_CODE, 0, null), () -> events.add("finally")),
                r -> r.ExceptionCode == APP_CODE ? EXCEPTION_EXECUTE_HANDLER : EXCEPTION_CONTINUE_SEARCH,
                r -> events.add("handler"));
        assertThat(events).containsExactly("finally", "handler");
    }

    @Test
    void continueExecutionRetriesTheFaultingAccessSoCommitOnFaultWorks() {
        // Book ch. 25 (commit-on-fault): the filter commits the page and returns EXCEPTION_CONTINUE_EXECUTION; the
        // faulting store is executed again and succeeds
        long a = reserve(0x10000, PAGE_READWRITE);
        AtomicInteger filterCalls = new AtomicInteger();
        seh.tryExcept(() -> {
            mem.setInt(a + 0x3010, 0xCAFE);
            mem.setInt(a + 0x7020, 0xBEEF);
        }, r -> {
            filterCalls.incrementAndGet();
            if (r.ExceptionCode != EXCEPTION_ACCESS_VIOLATION) {
                return EXCEPTION_CONTINUE_SEARCH;
            }
            long page = r.ExceptionInformation[1] & ~0xFFFL;
            return k.VirtualAlloc(page, 0x1000, MEM_COMMIT, PAGE_READWRITE) != 0
                    ? EXCEPTION_CONTINUE_EXECUTION : EXCEPTION_EXECUTE_HANDLER;
        }, r -> { });
        assertThat(filterCalls.get()).isEqualTo(2);
        assertThat(hex(mem.getInt(a + 0x3010))).isEqualTo(hex(0xCAFE));
        assertThat(hex(mem.getInt(a + 0x7020))).isEqualTo(hex(0xBEEF));
        assertThat(hex(query(a + 0x3000).State)).isEqualTo(hex(MEM_COMMIT));
        assertThat(hex(query(a + 0x4000).State)).as("only faulting pages committed").isEqualTo(hex(MEM_RESERVE));
    }

    @Test
    void continueExecutionAfterVirtualProtectCompletesTheWrite() {
        long a = reserveCommit(0x1000, PAGE_READONLY);
        seh.tryExcept(() -> mem.setInt(a, 77), r -> {
            k.VirtualProtect(a, 0x1000, PAGE_READWRITE, new pagelab.kernel.IntByReference());
            return EXCEPTION_CONTINUE_EXECUTION;
        }, r -> { });
        assertThat(mem.getInt(a)).isEqualTo(77);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a timing assertion
    void continueExecutionWithoutCuringTheFaultEndsTheProcessAfterBoundedRefaults() {
        // kernel-spi.md: after a bounded number of identical re-faults the process ends instead of looping forever
        switchTo(MachineConfig.x86().maxRefaults(10));
        long a = reserve(0x1000, PAGE_READWRITE);
        AtomicInteger filterCalls = new AtomicInteger();
        assertThatThrownBy(() -> seh.tryExcept(() -> mem.getInt(a), r -> {
            filterCalls.incrementAndGet();
            return EXCEPTION_CONTINUE_EXECUTION;
        }, r -> { })).isInstanceOfAny(UnhandledSehException.class, ProcessTerminatedException.class);
        assertThat(filterCalls.get()).isBetween(1, 11);
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void unhandledExceptionEndsTheProcessWithTheCodeAsExitCode() {
        // MSDN RaiseException remarks: with no handler the default action is ExitProcess, exit code = exception code
        assertThatThrownBy(() -> k.RaiseException(APP_CODE, 0, new long[] {5}))
                .isInstanceOf(UnhandledSehException.class)
                .satisfies(e -> {
                    EXCEPTION_RECORD r = ((UnhandledSehException) e).record();
                    assertThat(hex(r.ExceptionCode)).isEqualTo(hex(APP_CODE));
                    assertThat(r.NumberParameters).isEqualTo(1);
                    assertThat(r.ExceptionInformation[0]).isEqualTo(5);
                });
        assertThat(process.isAlive()).isFalse();
        assertThat(hex(process.exitCode())).isEqualTo(hex(APP_CODE));
    }

    @Test
    void unhandledExceptionAfterContinueSearchEverywhereEndsTheProcess() {
        long a = reserve(0x1000, PAGE_READWRITE);
        AtomicInteger filters = new AtomicInteger();
        assertThatThrownBy(() -> seh.tryExcept(() -> seh.tryExcept(() -> mem.getInt(a), r -> {
            filters.incrementAndGet();
            return EXCEPTION_CONTINUE_SEARCH;
        }, r -> { }), r -> {
            filters.incrementAndGet();
            return EXCEPTION_CONTINUE_SEARCH;
        }, r -> { })).isInstanceOf(UnhandledSehException.class);
        assertThat(filters.get()).isEqualTo(2);
        assertThat(hex(process.exitCode())).isEqualTo(hex(EXCEPTION_ACCESS_VIOLATION));
    }

    @Test
    void callsIntoAnEndedProcessThrowProcessTerminated() {
        // Kernel32 contract: a call made from a thread of a process that has ended throws ProcessTerminatedException
        assertThatThrownBy(() -> k.RaiseException(APP_CODE, 0, null)).isInstanceOf(UnhandledSehException.class);
        assertThatThrownBy(() -> k.VirtualAlloc(0, 0x1000, MEM_COMMIT, PAGE_READWRITE))
                .isInstanceOf(ProcessTerminatedException.class);
    }

    // ---- nesting and threads ----

    @Test
    void tryExceptNestedInsideAHandlerWorks() {
        long a = reserve(0x1000, PAGE_READWRITE);
        List<String> events = new ArrayList<>();
        seh.tryExcept(() -> mem.getInt(a), r -> EXCEPTION_EXECUTE_HANDLER, r -> {
            events.add("outer handler");
            seh.tryExcept(() -> k.RaiseException(APP_CODE, 0, null), r2 -> {
                events.add("nested filter " + hex(r2.ExceptionCode));
                return EXCEPTION_EXECUTE_HANDLER;
            }, r2 -> events.add("nested handler"));
        });
        assertThat(events).containsExactly("outer handler", "nested filter 0xe0000001", "nested handler");
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void faultDeepInsideNestedJavaCallsReachesTheFilter() {
        long a = reserve(0x1000, PAGE_READWRITE);
        EXCEPTION_RECORD r = faultOf(() -> recurse(10, a));
        assertAccessViolation(r, EXCEPTION_READ_FAULT, a);
    }

    private int recurse(int depth, long address) {
        return depth == 0 ? mem.getInt(address) : recurse(depth - 1, address) + 1;
    }

    @Test
    void processKeepsRunningAfterAHandledException() {
        long a = reserve(0x1000, PAGE_READWRITE);
        faultOf(() -> mem.getInt(a));
        assertThat(process.isAlive()).isTrue();
        long b = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(b, 3);
        assertThat(mem.getInt(b)).isEqualTo(3);
    }

    @Test
    void handlerChainIsPerJavaThread() throws Exception {
        // kernel-spi.md: the SEH handler chain is per calling thread; a fault on another thread never reaches this
        // thread's filters
        long a = reserve(0x1000, PAGE_READWRITE);
        AtomicInteger mainFilterCalls = new AtomicInteger();
        AtomicInteger otherFilterCalls = new AtomicInteger();
        AtomicReference<Throwable> otherFailure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        seh.tryExcept(() -> {
            Thread t = new Thread(() -> {
                try {
                    seh.tryExcept(() -> mem.getInt(a), r -> {
                        otherFilterCalls.incrementAndGet();
                        return EXCEPTION_EXECUTE_HANDLER;
                    }, r -> { });
                } catch (Throwable e) {
                    otherFailure.set(e);
                } finally {
                    done.countDown();
                }
            });
            t.start();
            try {
                assertThat(done.await(30, TimeUnit.SECONDS)).as("other thread finished").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, r -> {
            mainFilterCalls.incrementAndGet();
            return EXCEPTION_EXECUTE_HANDLER;
        }, r -> { });
        assertThat(otherFailure.get()).isNull();
        assertThat(otherFilterCalls.get()).isEqualTo(1);
        assertThat(mainFilterCalls.get()).isZero();
    }

    @Test
    void faultOnAThreadWithoutHandlersIsUnhandledEvenIfAnotherThreadHasOne() throws Exception {
        long a = reserve(0x1000, PAGE_READWRITE);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicInteger mainFilterCalls = new AtomicInteger();
        Thread other = new Thread(() -> {
            try {
                mem.getInt(a);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        try {
            seh.tryExcept(() -> {
                other.start();
                joinIgnoringInterrupts(other);
            }, r -> {
                mainFilterCalls.incrementAndGet();
                return EXCEPTION_EXECUTE_HANDLER;
            }, r -> { });
        } catch (ProcessTerminatedException expected) {
            // this thread belongs to the process that ended; leaving its __try may say so
        }
        joinIgnoringInterrupts(other);
        assertThat(thrown.get()).isInstanceOf(UnhandledSehException.class);
        assertThat(mainFilterCalls.get()).isZero();
        assertThat(process.isAlive()).isFalse();
    }

    /** The kernel may interrupt this thread when the process ends; the test still waits for the other thread. */
    private static void joinIgnoringInterrupts(Thread t) {
        for (int i = 0; i < 100 && t.isAlive(); i++) {
            try {
                t.join(300);
            } catch (InterruptedException e) {
                // keep waiting: the interrupt is the kernel ending the process, not a request to stop the test
            }
        }
        Thread.interrupted();
    }
}
