package pagelab.sim.machine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import pagelab.sim.thread.KernelObject;

/**
 * The kernel object behind a process handle (OpenProcess, CreateProcess, DuplicateHandle of GetCurrentProcess()):
 * signalled when the process ends. The process itself holds one reference for its whole life, so a handle can
 * always be made to it, even after it ended (as Windows keeps an ended process's object while handles name it).
 */
public final class ProcessObject extends KernelObject {
    private final SimProcess process;
    private final CountDownLatch ended = new CountDownLatch(1);

    ProcessObject(SimProcess process) {
        this.process = process;
        retain();
    }

    public SimProcess process() {
        return process;
    }

    void signal() {
        ended.countDown();
    }

    /** Waits up to {@code millis} (negative: forever); true if the process has ended. */
    public boolean await(long millis) throws InterruptedException {
        if (millis < 0) {
            ended.await();
            return true;
        }
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String typeName() {
        return "Process";
    }
}
