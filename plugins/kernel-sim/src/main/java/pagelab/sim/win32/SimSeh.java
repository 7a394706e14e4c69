package pagelab.sim.win32;

import pagelab.kernel.ExceptionFilter;
import pagelab.kernel.ExceptionHandler;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;
import pagelab.sim.machine.SimProcess;

/**
 * {@code __try/__except} and {@code __try/__finally} for the threads of one process: the calling thread's
 * {@link pagelab.sim.seh.SehChain} runs them. A {@code __try} is recorded with its source line while the trace keeps
 * events, so a fault's trace event can say which filters ran and where they were.
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
        process.enter().seh().tryExcept(body, filter, handler, process.simMachine().traceLocation());
    }

    @Override
    public void tryFinally(SehBlock body, SehBlock termination) {
        if (body == null || termination == null) {
            throw new IllegalArgumentException("tryFinally: body and termination must not be null");
        }
        process.enter().seh().tryFinally(body, termination);
    }

    @Override
    public boolean AbnormalTermination() {
        return process.enter().seh().abnormalTermination();
    }
}
