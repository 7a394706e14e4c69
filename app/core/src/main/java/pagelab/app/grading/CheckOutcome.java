package pagelab.app.grading;

/**
 * How the run of one check ended, as the host saw it; the check's result says what it found. The gradebook's
 * status of a submission is derived from these ({@link GradingResult#status}).
 */
public enum CheckOutcome {
    /** The child ran the check and answered with a valid result (which may be a failure). */
    COMPLETED,
    /** Not run: the solution did not compile or the policy refused it, or a prerequisite scored nothing. */
    NOT_RUN,
    /** The check ran past its time limit. */
    TIMEOUT,
    /** The grading JVM died under the check (a native crash, memory outside the heap). */
    CRASHED,
    /** The child's answer was invalid or failed authentication; the check could not be judged. */
    INVALID_REPLY,
    /** No grading JVM could be started. */
    NO_CHILD
}
