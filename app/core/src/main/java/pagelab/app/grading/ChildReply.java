package pagelab.app.grading;

import pagelab.exercise.CheckResult;

/**
 * Child to host: the result of one check. The host trusts none of it blindly: it re-scores the result against its
 * own plan ({@link Grader}).
 *
 * @param id          the request's id
 * @param result      the scored result
 * @param output      what the solution printed during the check, cut to a bound
 * @param outputBytes how many bytes it printed in all
 * @param tainted     whether the child should not be reused (a thread left running, a time limit hit, a full heap)
 * @param timedOut    whether the check ran past its time limit (the child gave up on it)
 */
record ChildReply(long id, CheckResult result, String output, long outputBytes, boolean tainted, boolean timedOut) {
}
