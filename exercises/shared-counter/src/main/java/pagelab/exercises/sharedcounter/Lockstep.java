package pagelab.exercises.sharedcounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import pagelab.exercise.Msg;

/**
 * A deterministic scheduler for simulated processes that run "at the same time": each task runs on its own Java
 * thread, but only the one holding the baton runs; {@link #yieldTurn()} passes the baton to the next unfinished
 * task, round robin. A race therefore happens the same way on every run, as a seeded scheduler would make it.
 *
 * <p>Used by one check at a time; {@link #yieldTurn()} is called only from the tasks' own threads.
 */
final class Lockstep {
    private static final long TIMEOUT_SECONDS = 10;

    private final List<Runnable> tasks;
    private final Semaphore[] turns;
    private final boolean[] done;
    private final Throwable[] failures;
    private final ThreadLocal<Integer> self = new ThreadLocal<>();
    private final CountDownLatch finished;

    Lockstep(List<Runnable> tasks) {
        this.tasks = List.copyOf(tasks);
        this.turns = new Semaphore[tasks.size()];
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new Semaphore(0);
        }
        this.done = new boolean[tasks.size()];
        this.failures = new Throwable[tasks.size()];
        this.finished = new CountDownLatch(tasks.size());
    }

    /**
     * Runs every task to the end, task 0 first.
     *
     * @return each task's failure (null where it completed), in task order
     * @throws Stopped if the tasks did not finish in time (a loop in the student's code)
     */
    List<Throwable> run() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            Thread t = new Thread(() -> body(index), "lockstep-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        turns[0].release();
        try {
            if (!finished.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                threads.forEach(Thread::interrupt);
                throw new Stopped(Msg.of("lockstep.timeout", "the instances did not finish within {0} seconds (a "
                        + "loop that never ends?)", TIMEOUT_SECONDS), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
            throw new Stopped(Msg.of("lockstep.interrupted", "interrupted while the instances ran"), e);
        }
        joinAll(threads);
        return Arrays.asList(failures.clone());
    }

    /** The tasks did not all finish: why, as the student reads it. */
    static final class Stopped extends IllegalStateException {
        private final transient Msg reason;

        Stopped(Msg reason, Throwable cause) {
            super(reason.english(), cause);
            this.reason = reason;
        }

        Msg reason() {
            return reason;
        }
    }

    // The grading runner treats a thread still alive after a check as a leak: wait for each to end, not just count.
    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lets the next unfinished task run until it yields or ends; a no-op outside the tasks or when alone. */
    void yieldTurn() {
        Integer me = self.get();
        if (me == null) {
            return;
        }
        int next = nextAfter(me);
        if (next == me) {
            return;
        }
        turns[next].release();
        turns[me].acquireUninterruptibly();
    }

    private void body(int index) {
        self.set(index);
        turns[index].acquireUninterruptibly();
        try {
            tasks.get(index).run();
        } catch (Throwable t) {
            failures[index] = t;
        } finally {
            int next;
            synchronized (this) {
                done[index] = true;
                next = nextAfter(index);
            }
            finished.countDown();
            if (next != index) {
                turns[next].release();
            }
        }
    }

    // The next task after `from`, round robin, that has not finished; `from` itself if no other remains.
    private synchronized int nextAfter(int from) {
        for (int step = 1; step <= tasks.size(); step++) {
            int candidate = (from + step) % tasks.size();
            if (!done[candidate]) {
                return candidate;
            }
        }
        return from;
    }
}
