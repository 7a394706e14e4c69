package pagelab.exercise;

/**
 * The outcome class of a check.
 *
 * @since 0.1
 */
public enum CheckStatus {
    /** Full points. */
    PASS,
    /** Some points, fewer than the check's maximum. */
    PARTIAL,
    /** No points: the solution did something wrong (including crashing or throwing). */
    FAIL,
    /** No points: the check could not be judged (a broken checker, a time limit, a runner problem). */
    ERROR,
    /** No points: a prerequisite check scored zero, so this one did not run. */
    SKIPPED
}
