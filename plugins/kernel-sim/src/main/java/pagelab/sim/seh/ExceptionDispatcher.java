package pagelab.sim.seh;

import static pagelab.kernel.WinNT.EXCEPTION_NONCONTINUABLE;
import static pagelab.kernel.WinNT.STATUS_NONCONTINUABLE_EXCEPTION;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.inspect.FaultEvent.FilterOutcome;

/**
 * The first pass of SEH (RtlDispatchException): walks a thread's filters innermost first at the point of the
 * exception, before anything is unwound. Filter results follow MSVC's {@code __C_specific_handler}: negative
 * continues execution, zero continues the search, positive executes the handler.
 */
public final class ExceptionDispatcher {

    /** How a dispatch ended when it returned normally. */
    public enum Outcome { CONTINUE_EXECUTION }

    /** Receives what happened, for the trace. */
    public interface Listener {
        /** Called once per dispatch with the filters that ran and how it ended. */
        void dispatched(EXCEPTION_RECORD record, List<FilterOutcome> filters, String disposition);
    }

    /** Filters that keep continuing noncontinuable exceptions would raise nested ones forever. */
    private static final int MAX_NESTING = 8;

    private ExceptionDispatcher() {
    }

    private static int nesting(EXCEPTION_RECORD record) {
        int n = 0;
        for (EXCEPTION_RECORD r = record.ExceptionRecord; r != null; r = r.ExceptionRecord) {
            n++;
        }
        return n;
    }

    /**
     * Dispatches {@code record} on the calling thread's chain. Returns null if a filter answered
     * {@code EXCEPTION_CONTINUE_EXECUTION} (the caller re-executes the faulting access); throws {@link SehUnwind}
     * if a filter chose its handler; returns the record no filter handled (the caller ends the process with its
     * code: the original exception, or EXCEPTION_NONCONTINUABLE_EXCEPTION if a filter tried to continue it).
     */
    public static EXCEPTION_RECORD dispatch(SehChain chain, EXCEPTION_RECORD record, Listener listener) {
        List<FilterOutcome> outcomes = new ArrayList<>();
        int top = Math.min(chain.frames.size(), chain.searchLimit);
        for (int i = top - 1; i >= 0; i--) {
            SehFrame frame = chain.frames.get(i);
            int saved = chain.searchLimit;
            chain.searchLimit = i;
            int result;
            try {
                result = frame.filter.filter(record.copy());
            } finally {
                chain.searchLimit = saved;
            }
            outcomes.add(new FilterOutcome(chain.frames.size() - 1 - i, frame.location, result));
            if (result > 0) {
                listener.dispatched(record, outcomes, "HANDLED");
                throw new SehUnwind(frame, record.copy());
            }
            if (result < 0) {
                if ((record.ExceptionFlags & EXCEPTION_NONCONTINUABLE) != 0) {
                    // Continuing a noncontinuable exception raises a new one, searched from the top again.
                    listener.dispatched(record, outcomes, "NONCONTINUABLE");
                    if (nesting(record) >= MAX_NESTING) {
                        return record;
                    }
                    EXCEPTION_RECORD nested = new EXCEPTION_RECORD();
                    nested.ExceptionCode = STATUS_NONCONTINUABLE_EXCEPTION;
                    nested.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
                    nested.ExceptionRecord = record.copy();
                    nested.ExceptionAddress = record.ExceptionAddress;
                    EXCEPTION_RECORD unhandled = dispatch(chain, nested, listener);
                    return unhandled != null ? unhandled : nested;
                }
                listener.dispatched(record, outcomes, "CONTINUED");
                return null;
            }
        }
        listener.dispatched(record, outcomes, "UNHANDLED");
        return record;
    }
}
