package pagelab.sim.thread;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The kernel object behind a thread handle: signalled when the thread ends. */
public final class ThreadObject extends KernelObject {
    private final SimThread thread;
    private final CountDownLatch done = new CountDownLatch(1);

    public ThreadObject(SimThread thread) {
        this.thread = thread;
    }

    public SimThread thread() {
        return thread;
    }

    public void signal() {
        done.countDown();
    }

    /** Waits up to {@code millis} (negative: forever); true if the thread has ended. */
    public boolean await(long millis) throws InterruptedException {
        if (millis < 0) {
            done.await();
            return true;
        }
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String typeName() {
        return "Thread";
    }
}
