package pagelab.sim.seh;

import pagelab.kernel.EXCEPTION_RECORD;

/**
 * The second pass of SEH: thrown at the fault once a filter chose {@code EXCEPTION_EXECUTE_HANDLER}, it unwinds
 * the Java stack (running {@code tryFinally} terminations on the way) to the {@code tryExcept} that owns
 * {@link #target}. An {@link Error} so that a student's {@code catch (Exception e)} cannot swallow it.
 */
public final class SehUnwind extends Error {
    private static final long serialVersionUID = 1L;
    final transient SehFrame target;
    final transient EXCEPTION_RECORD record;

    SehUnwind(SehFrame target, EXCEPTION_RECORD record) {
        super("SEH unwind to " + target, null, false, false);
        this.target = target;
        this.record = record;
    }
}
