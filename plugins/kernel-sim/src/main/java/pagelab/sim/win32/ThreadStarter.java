package pagelab.sim.win32;

import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.ThreadProc;
import pagelab.kernel.UnhandledSehException;
import pagelab.sim.machine.SimProcess;
import pagelab.sim.thread.SimThread;
import pagelab.sim.thread.ThreadObject;
import pagelab.sim.vm.View;

/**
 * Runs a CreateThread thread procedure on its own Java thread acting as the simulated thread. When it returns,
 * the return value is the exit code and the thread's stack and TEB are freed, as Windows does.
 */
final class ThreadStarter {
    /** The code an unhandled C++ exception ends a process with; a Java exception escaping a thread is the same. */
    static final int CPP_EXCEPTION = 0xE06D7363;

    private final SimProcess process;
    private final SimThread thread;
    private final ThreadProc proc;
    private final long parameter;

    ThreadStarter(SimProcess process, SimThread thread, ThreadProc proc, long parameter) {
        this.process = process;
        this.thread = thread;
        this.proc = proc;
        this.parameter = parameter;
    }

    /** Starts the thread; returns its handle. */
    long start() {
        ThreadObject object = new ThreadObject(thread);
        long handle = process.handles().add(object);
        Thread java = new Thread(() -> run(object), "pagelab-p" + process.id() + "-t" + thread.threadId());
        java.setDaemon(true);
        thread.bind(java);
        java.start();
        return handle;
    }

    private void run(ThreadObject object) {
        int code;
        try {
            process.bindCurrent(thread);
            code = proc.apply(parameter);
        } catch (UnhandledSehException e) {
            code = e.record().ExceptionCode;
        } catch (ProcessTerminatedException e) {
            code = e.exitCode();
        } catch (Throwable e) {
            code = CPP_EXCEPTION;
            process.terminate(CPP_EXCEPTION, "thread " + thread.threadId() + " ended with the Java exception " + e);
        }
        exit(code);
        object.signal();
    }

    private void exit(int code) {
        process.lock().lock();
        try {
            thread.exit(code);
            if (!process.isAlive()) {
                return;
            }
            View stack = process.space().find(thread.deallocationStack());
            if (stack != null) {
                process.releaseView(stack);
            }
            View teb = thread.teb() == 0 ? null : process.space().find(thread.teb());
            if (teb != null) {
                process.releaseView(teb);
            }
        } finally {
            process.lock().unlock();
        }
        process.simMachine().processEvent(process, thread.threadId(), "THREAD_EXITED", "exit code " + code);
    }
}
