package pagelab.app.desktop.store;

/**
 * How far a student got with one exercise.
 *
 * @param status      where the student is
 * @param bestPoints  the best score of any check run so far
 * @param maxPoints   the points available (0 when never checked)
 * @param lastChecked when the last check finished, epoch milliseconds (0 when never)
 */
public record ExerciseProgress(Status status, int bestPoints, int maxPoints, long lastChecked) {
    /** The three states the catalog shows. */
    public enum Status { NOT_STARTED, IN_PROGRESS, PASSED }

    public ExerciseProgress {
        status = status == null ? Status.NOT_STARTED : status;
        bestPoints = Math.max(0, bestPoints);
        maxPoints = Math.max(0, maxPoints);
    }

    public static ExerciseProgress notStarted() {
        return new ExerciseProgress(Status.NOT_STARTED, 0, 0, 0);
    }

    /** This progress after a check scored {@code points} of {@code max}: the best score is kept. */
    public ExerciseProgress afterCheck(int points, int max, long when) {
        int best = Math.max(bestPoints, points);
        boolean passed = max > 0 && best >= max;
        return new ExerciseProgress(passed ? Status.PASSED : Status.IN_PROGRESS, best, max, when);
    }

    /** This progress once the student edited the code: not started becomes in progress. */
    public ExerciseProgress started() {
        return status == Status.NOT_STARTED ? new ExerciseProgress(Status.IN_PROGRESS, bestPoints, maxPoints,
                lastChecked) : this;
    }
}
