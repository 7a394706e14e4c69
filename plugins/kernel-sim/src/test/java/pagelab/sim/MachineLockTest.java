package pagelab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The machine lock excludes, nests, survives interrupts and hands the critical section's writes to the next holder. */
class MachineLockTest {
    private final MachineLock lock = new MachineLock();
    /** Plain fields on purpose: only the lock makes their updates safe. */
    private long counter;
    private long shadow;

    @Test
    void threadsNeverOverlapAndLoseNoUpdate() throws Exception {
        hammer(4, 200_000, thread -> 1);
    }

    /**
     * The lock recognises a reentrant acquisition only after its compare-and-set fails, by its holder's id: a
     * thread that held the lock a moment ago must never take a stale id for its own and walk in beside the holder.
     */
    @Test
    void nestedAcquisitionsUnderContentionNeverOverlap() throws Exception {
        hammer(3, 100_000, thread -> thread + 1);
    }

    /**
     * {@code threads} threads each increment the counter {@code rounds} times inside the lock, taken
     * {@code depth(thread)} times over; a second holder inside at the same time shows as a lost or doubled update.
     */
    private void hammer(int threads, int rounds, IntUnaryOperator depth) throws Exception {
        List<Thread> started = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int nesting = depth.applyAsInt(t);
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < rounds; i++) {
                        incrementHolding(nesting);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            th.start();
            started.add(th);
        }
        go.countDown();
        for (Thread th : started) {
            th.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(th.isAlive()).as("a thread never got the lock").isFalse();
        }
        assertThat(failures).isEmpty();
        lock.lock();
        try {
            assertThat(counter).isEqualTo((long) threads * rounds);
        } finally {
            lock.unlock();
        }
    }

    private void incrementHolding(int nesting) {
        for (int d = 0; d < nesting; d++) {
            lock.lock();
        }
        try {
            long c = counter;
            if (shadow != c) {
                throw new AssertionError("two holders at once: " + c + " vs " + shadow);
            }
            counter = c + 1;
            shadow = c + 1;
        } finally {
            for (int d = 0; d < nesting; d++) {
                lock.unlock();
            }
        }
        if (lock.isHeldByCurrentThread()) {
            throw new AssertionError("still held after the last unlock");
        }
    }

    @Test
    void nestsAndReleasesOnTheLastUnlock() throws Exception {
        lock.lock();
        lock.lock();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        lock.unlock();
        assertThat(lock.isHeldByCurrentThread()).isTrue();
        assertThat(otherThreadCanLock()).isFalse();
        lock.unlock();
        assertThat(lock.isHeldByCurrentThread()).isFalse();
        assertThat(otherThreadCanLock()).isTrue();
    }

    @Test
    void unlockWithoutHoldingIsRefused() {
        assertThatThrownBy(lock::unlock).isInstanceOf(IllegalMonitorStateException.class);
    }

    @Test
    void anInterruptedWaiterStillGetsTheLockAndKeepsItsInterrupt() throws Exception {
        lock.lock();
        boolean[] interruptedAfter = new boolean[1];
        Thread waiter = new Thread(() -> {
            lock.lock();
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
            lock.unlock();
        });
        waiter.start();
        Thread.sleep(20);
        waiter.interrupt();
        Thread.sleep(20);
        assertThat(waiter.isAlive()).as("waits while the lock is held").isTrue();
        lock.unlock();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(interruptedAfter[0]).isTrue();
    }

    private boolean otherThreadCanLock() throws InterruptedException {
        boolean[] got = new boolean[1];
        Thread other = new Thread(() -> {
            // Only probe: if the lock is free, take it and give it back at once; if held, give up after 50 ms.
            Thread prober = Thread.currentThread();
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
                prober.interrupt();
            });
            timer.setDaemon(true);
            timer.start();
            lock.lock();
            got[0] = !Thread.interrupted();
            lock.unlock();
            timer.interrupt();
        });
        other.setDaemon(true);
        other.start();
        other.join(200);
        return got[0] && !other.isAlive();
    }
}
