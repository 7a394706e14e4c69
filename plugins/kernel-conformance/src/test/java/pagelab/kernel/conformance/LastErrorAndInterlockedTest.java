package pagelab.kernel.conformance;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * Last-error and Interlocked* on simulated memory. Sources: MSDN GetLastError ("The last-error code is maintained on
 * a per-thread basis. Multiple threads do not overwrite each other's last-error code"); MSDN InterlockedIncrement /
 * InterlockedDecrement ("returns the resulting incremented/decremented value"), InterlockedExchangeAdd ("returns the
 * initial value of the Addend"), InterlockedCompareExchange ("returns the initial value of the Destination"); the
 * 32-bit LONG wraps; an interlocked operation dereferences its pointer, so a bad one is an access violation.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard for the threaded tests, not a timing assertion
class LastErrorAndInterlockedTest extends KernelTestSupport {

    private <T> T onNewThread(java.util.function.Supplier<T> work) throws InterruptedException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join(60_000);
        assertThat(failure.get()).as("failure on the other thread").isNull();
        return result.get();
    }

    // ---- last error ----

    @Test
    void setLastErrorIsReadBackByGetLastError() {
        k.SetLastError(12345);
        assertThat(k.GetLastError()).isEqualTo(12345);
        k.SetLastError(DEADBEEF);
        assertThat(hex(k.GetLastError())).isEqualTo(hex(DEADBEEF));
    }

    @Test
    void lastErrorIsPerThread() throws Exception {
        k.SetLastError(111);
        int seenByOther = onNewThread(() -> {
            k.SetLastError(222);
            return k.GetLastError();
        });
        assertThat(seenByOther).isEqualTo(222);
        assertThat(k.GetLastError()).as("this thread's value after the other set its own").isEqualTo(111);
    }

    @Test
    void aFailingCallOnAnotherThreadDoesNotChangeThisThreadsLastError() throws Exception {
        k.SetLastError(7);
        int other = onNewThread(() -> {
            k.VirtualFree(0, 0, 0);
            return k.GetLastError();
        });
        assertThat(other).isEqualTo(pagelab.kernel.WinError.ERROR_INVALID_PARAMETER);
        assertThat(k.GetLastError()).isEqualTo(7);
    }

    @Test
    void aNewThreadStartsWithLastErrorZero() throws Exception {
        // the TEB's LastErrorValue of a new thread is zero
        k.SetLastError(99);
        assertThat(onNewThread(() -> k.GetLastError())).isZero();
    }

    @Test
    void threadIdsDifferBetweenThreadsAndProcessIdIsShared() throws Exception {
        int mine = k.GetCurrentThreadId();
        int other = onNewThread(() -> k.GetCurrentThreadId());
        assertThat(other).isNotEqualTo(mine);
        assertThat(onNewThread(() -> k.GetCurrentProcessId())).isEqualTo(k.GetCurrentProcessId());
        assertThat(k.GetCurrentProcessId()).isEqualTo(process.id());
    }

    // ---- interlocked return values ----

    @Test
    void interlockedIncrementAndDecrementReturnTheNewValue() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, 41);
        assertThat(k.InterlockedIncrement(a)).isEqualTo(42);
        assertThat(mem.getInt(a)).isEqualTo(42);
        assertThat(k.InterlockedDecrement(a)).isEqualTo(41);
        assertThat(k.InterlockedDecrement(a)).isEqualTo(40);
        assertThat(mem.getInt(a)).isEqualTo(40);
    }

    @Test
    void interlockedExchangeAddReturnsTheInitialValue() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a + 4, 10);
        assertThat(k.InterlockedExchangeAdd(a + 4, 5)).isEqualTo(10);
        assertThat(mem.getInt(a + 4)).isEqualTo(15);
        assertThat(k.InterlockedExchangeAdd(a + 4, -20)).isEqualTo(15);
        assertThat(mem.getInt(a + 4)).isEqualTo(-5);
    }

    @Test
    void interlockedCompareExchangeReturnsTheInitialValueAndSwapsOnlyOnMatch() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, 1);
        assertThat(k.InterlockedCompareExchange(a, 9, 2)).as("comparand differs").isEqualTo(1);
        assertThat(mem.getInt(a)).as("not exchanged").isEqualTo(1);
        assertThat(k.InterlockedCompareExchange(a, 9, 1)).as("comparand matches").isEqualTo(1);
        assertThat(mem.getInt(a)).as("exchanged").isEqualTo(9);
    }

    @Test
    void interlockedArithmeticWrapsAt32Bits() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setInt(a, Integer.MAX_VALUE);
        assertThat(k.InterlockedIncrement(a)).isEqualTo(Integer.MIN_VALUE);
        assertThat(k.InterlockedDecrement(a)).isEqualTo(Integer.MAX_VALUE);
        mem.setInt(a, -1);
        assertThat(k.InterlockedIncrement(a)).isZero();
    }

    @Test
    void interlockedOperationsTouchExactlyFourLittleEndianBytes() {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        mem.setLong(a, 0x00000000FFFFFFFFL);
        k.InterlockedIncrement(a);
        assertThat(hex(mem.getLong(a))).as("no carry into the next DWORD").isEqualTo(hex(0L));
        mem.setInt(a + 8, 0x000000FF);
        k.InterlockedIncrement(a + 8);
        assertThat(mem.getByte(a + 8)).isZero();
        assertThat(mem.getByte(a + 9)).isEqualTo((byte) 1);
    }

    @Test
    void interlockedIncrementIsAtomicAcrossFourThreads() throws Exception {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        int threads = 4;
        int perThread = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger maxSeen = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        maxSeen.accumulateAndGet(k.InterlockedIncrement(a), Math::max);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            workers.add(w);
            w.start();
        }
        start.countDown();
        for (Thread w : workers) {
            w.join(100_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(mem.getInt(a)).isEqualTo(threads * perThread);
        assertThat(maxSeen.get()).as("some increment returned the final value").isEqualTo(threads * perThread);
    }

    @Test
    void compareExchangeLoopIsAtomicAcrossFourThreads() throws Exception {
        long a = reserveCommit(0x1000, PAGE_READWRITE);
        List<Thread> workers = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < 4; t++) {
            Thread w = new Thread(() -> {
                try {
                    for (int i = 0; i < 2_000; i++) {
                        int seen;
                        do {
                            seen = mem.getInt(a);
                        } while (k.InterlockedCompareExchange(a, seen + 2, seen) != seen);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join(100_000);
        }
        assertThat(failure.get()).isNull();
        assertThat(mem.getInt(a)).isEqualTo(4 * 2_000 * 2);
    }

    // ---- faults ----

    @Test
    void interlockedOnReservedMemoryRaisesAnAccessViolationThroughSeh() {
        long a = reserve(0x1000, PAGE_READWRITE);
        EXCEPTION_RECORD r = faultOf(() -> k.InterlockedIncrement(a + 0x40));
        assertThat(r).isNotNull();
        assertThat(hex(r.ExceptionCode)).isEqualTo(hex(EXCEPTION_ACCESS_VIOLATION));
        assertThat(hex(r.ExceptionInformation[1])).isEqualTo(hex(a + 0x40));
    }

    @Test
    void interlockedOnFreeMemoryRaisesAnAccessViolationThroughSeh() {
        long free = freeAddress(0x10000);
        EXCEPTION_RECORD r = faultOf(() -> k.InterlockedExchangeAdd(free, 1));
        assertThat(hex(r.ExceptionCode)).isEqualTo(hex(EXCEPTION_ACCESS_VIOLATION));
        assertThat(hex(r.ExceptionInformation[1])).isEqualTo(hex(free));
    }

    @Test
    void interlockedOnReadOnlyMemoryIsAWriteAccessViolation() {
        long a = reserveCommit(0x1000, PAGE_READONLY);
        EXCEPTION_RECORD r = faultOf(() -> k.InterlockedCompareExchange(a, 1, 0));
        assertAccessViolation(r, EXCEPTION_WRITE_FAULT, a);
        assertThat(mem.getInt(a)).isZero();
    }

    @Test
    void commitOnFaultMakesAnInterlockedOperationSucceed() {
        long a = reserve(0x1000, PAGE_READWRITE);
        AtomicInteger result = new AtomicInteger();
        seh.tryExcept(() -> result.set(k.InterlockedIncrement(a)), r -> {
            k.VirtualAlloc(a, 0x1000, MEM_COMMIT, PAGE_READWRITE);
            return EXCEPTION_CONTINUE_EXECUTION;
        }, r -> { });
        assertThat(result.get()).isEqualTo(1);
    }
}
