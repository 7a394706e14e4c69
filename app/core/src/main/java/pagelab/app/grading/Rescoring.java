package pagelab.app.grading;

import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckResult;

/**
 * The host's second opinion on a result from a grading child. The child runs a student's code, so its answer is
 * taken only if it is the answer to the question asked: the check's id, points between zero and the check's
 * maximum as the host's own plan has it, and a status that agrees with the points. Anything else is not a grade
 * but an error of that check, which a gradebook shows as {@code checker-error}.
 */
final class Rescoring {
    private Rescoring() {
    }

    /** Whether {@code r} is a well-formed, scored result of {@code check}. */
    static boolean valid(CheckResult r, CheckInfo check) {
        return problem(r, check) == null;
    }

    /** {@code r} as the host scores it against {@code check}, or an error saying why it cannot be taken. */
    static CheckResult rescore(CheckResult r, CheckInfo check) {
        String problem = problem(r, check);
        if (problem != null) {
            return CheckResult.error("The grading JVM's answer for this check is invalid (" + problem + "); the "
                    + "check was not judged.").scored(check);
        }
        return r.scored(check);
    }

    private static String problem(CheckResult r, CheckInfo check) {
        if (r == null) {
            return "no result";
        }
        if (!check.id().equals(r.checkId())) {
            return "a result for check '" + r.checkId() + "', not '" + check.id() + "'";
        }
        if (r.maxPoints() != check.points()) {
            return "a maximum of " + r.maxPoints() + " points, not " + check.points();
        }
        if (r.points() < 0 || r.points() > check.points()) {
            return r.points() + " points for a check worth " + check.points();
        }
        boolean consistent = switch (r.status()) {
            case PASS -> r.points() == check.points();
            case PARTIAL -> r.points() > 0 && r.points() < check.points();
            case FAIL, ERROR, SKIPPED -> r.points() == 0;
        };
        return consistent ? null : "status " + r.status() + " with " + r.points() + " of " + check.points()
                + " points";
    }
}
