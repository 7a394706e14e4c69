package pagelab.app.grading;

import java.util.Locale;

/** What happened to one submission, in the gradebook's {@code status} column. */
public enum SubmissionStatus {
    /** Every check ran and was judged. */
    GRADED,
    /** The sources do not compile. */
    COMPILE_ERROR,
    /** The solution policy refused what the solution uses (the note names the call). */
    REJECTED,
    /** A check ran past its time limit. */
    TIMEOUT,
    /** The grading JVM died under a check. */
    CRASHED,
    /** A check could not be judged: the checker itself failed, or the grading child's answer was invalid. */
    CHECKER_ERROR,
    /** No sources to grade, or they could not be read. */
    NOT_GRADED;

    /** The name in the gradebook: {@code compile-error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
