package pagelab.sim.seh;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.ExceptionFilter;
import pagelab.kernel.ExceptionHandler;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.SehBlock;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.inspect.SourceLocation;

/**
 * A thread's SEH state and the two statements that use it. It holds the active {@code __try/__except} frames
 * (innermost last), how far an exception raised inside a filter may search (only frames outside the filter's own),
 * and the stack of termination handlers being run (for {@code AbnormalTermination()}). The first pass (filters) runs
 * in {@link ExceptionDispatcher} at the fault; the second pass is Java's own unwinding of a {@link SehUnwind}, which
 * runs the {@code tryFinally} terminations on its way to the owning {@code tryExcept}. Only the owning thread
 * touches it.
 */
public final class SehChain {
    final List<SehFrame> frames = new ArrayList<>();
    /** Frames at index >= this are not searched: an exception in a filter searches only the frames outside it. */
    int searchLimit = Integer.MAX_VALUE;
    private final List<Boolean> terminations = new ArrayList<>();

    public int depth() {
        return frames.size();
    }

    /**
     * {@code __try { body } __except (filter) { handler }}; {@code location} is where the statement is, for the
     * trace (null when nobody records it).
     */
    public void tryExcept(SehBlock body, ExceptionFilter filter, ExceptionHandler handler, SourceLocation location) {
        SehFrame frame = new SehFrame(filter, location);
        int depth = frames.size();
        frames.add(frame);
        SehUnwind caught = null;
        try {
            body.run();
        } catch (SehUnwind u) {
            if (u.target != frame) {
                throw u;
            }
            caught = u;
        } finally {
            while (frames.size() > depth) {
                frames.remove(frames.size() - 1);
            }
        }
        if (caught != null) {
            handler.handle(caught.record.copy());
        }
    }

    /** {@code __try { body } __finally { termination }}. */
    public void tryFinally(SehBlock body, SehBlock termination) {
        boolean abnormal = true;
        try {
            body.run();
            abnormal = false;
        } catch (UnhandledSehException | ProcessTerminatedException dead) {
            // The process is gone: Windows runs no termination handlers when a process dies.
            throw dead;
        } catch (Throwable t) {
            runTermination(termination, true);
            throw t;
        }
        runTermination(termination, abnormal);
    }

    private void runTermination(SehBlock termination, boolean abnormal) {
        terminations.add(abnormal);
        try {
            termination.run();
        } finally {
            terminations.remove(terminations.size() - 1);
        }
    }

    /** {@code AbnormalTermination()}: whether the termination handler running now was entered by an unwind. */
    public boolean abnormalTermination() {
        return !terminations.isEmpty() && terminations.get(terminations.size() - 1);
    }
}
