package pagelab.kernel.inspect;

import java.util.List;
import pagelab.kernel.EXCEPTION_RECORD;

/**
 * An exception raised on a simulated thread (a fault of the MMU or {@code RaiseException}) and what the
 * thread's handlers did with it.
 *
 * @param record       the exception record the filters saw (a copy)
 * @param pageBefore   the faulting page's state at the instant of the fault, or null for a raised exception
 * @param filters      each filter that ran, innermost first, and what it returned
 * @param disposition  how it ended: {@code HANDLED}, {@code CONTINUED}, {@code UNHANDLED}, {@code STACK_GROWN},
 *                     {@code COPIED_ON_WRITE}, {@code DEMAND_ZERO}, {@code REFAULT_LIMIT}
 * @param caller       the Java source line of the access or raise
 */
public record FaultEvent(long sequence, int processId, int threadId, EXCEPTION_RECORD record, PageInfo pageBefore,
                         List<FilterOutcome> filters, String disposition, SourceLocation caller) implements TraceEvent {
    public FaultEvent {
        filters = List.copyOf(filters);
        record = record.copy();
    }

    @Override
    public EXCEPTION_RECORD record() {
        return record.copy();
    }

    /** What one {@code __except} filter returned for the exception. */
    public record FilterOutcome(int depth, SourceLocation filterLocation, int result) {
    }
}
