package pagelab.sim.seh;

import pagelab.kernel.ExceptionFilter;
import pagelab.kernel.ExceptionHandler;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;
import pagelab.kernel.UnhandledSehException;
import pagelab.sim.SimProcess;
import pagelab.sim.thread.SimThread;
import pagelab.sim.trace.Callers;

/**
 * {@code __try/__except} and {@code __try/__finally} for the threads of one process. The first pass (filters)
 * runs in {@link ExceptionDispatcher} at the fault; the second pass is Java's own unwinding of a
 * {@link SehUnwind}, which runs the {@code tryFinally} terminations on its way to the owning {@code tryExcept}.
 */
public final class SimSeh implements Seh {
    private final SimProcess process;

    public SimSeh(SimProcess process) {
        this.process = process;
    }

    @Override
    public void tryExcept(SehBlock body, ExceptionFilter filter, ExceptionHandler handler) {
        if (body == null || filter == null || handler == null) {
            throw new IllegalArgumentException("tryExcept: body, filter and handler must not be null");
        }
        SimThread thread = process.enter();
        SehChain chain = thread.seh();
        SehFrame frame = new SehFrame(filter, process.simMachine().tracing() ? Callers.caller() : null);
        int depth = chain.frames.size();
        chain.frames.add(frame);
        SehUnwind caught = null;
        try {
            body.run();
        } catch (SehUnwind u) {
            if (u.target != frame) {
                throw u;
            }
            caught = u;
        } finally {
            truncate(chain, depth);
        }
        if (caught != null) {
            handler.handle(caught.record.copy());
        }
    }

    @Override
    public void tryFinally(SehBlock body, SehBlock termination) {
        if (body == null || termination == null) {
            throw new IllegalArgumentException("tryFinally: body and termination must not be null");
        }
        SimThread thread = process.enter();
        SehChain chain = thread.seh();
        boolean abnormal = true;
        try {
            body.run();
            abnormal = false;
        } catch (UnhandledSehException | ProcessTerminatedException dead) {
            // The process is gone: Windows runs no termination handlers when a process dies.
            throw dead;
        } catch (Throwable t) {
            runTermination(chain, termination, true);
            throw t;
        }
        runTermination(chain, termination, abnormal);
    }

    private static void runTermination(SehChain chain, SehBlock termination, boolean abnormal) {
        chain.terminations.add(abnormal);
        try {
            termination.run();
        } finally {
            chain.terminations.remove(chain.terminations.size() - 1);
        }
    }

    @Override
    public boolean AbnormalTermination() {
        SehChain chain = process.enter().seh();
        return !chain.terminations.isEmpty() && chain.terminations.get(chain.terminations.size() - 1);
    }

    private static void truncate(SehChain chain, int depth) {
        while (chain.frames.size() > depth) {
            chain.frames.remove(chain.frames.size() - 1);
        }
    }
}
