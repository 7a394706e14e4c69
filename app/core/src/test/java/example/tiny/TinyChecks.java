package example.tiny;

import pagelab.exercise.Check;
import pagelab.exercise.CheckResult;

/** Two checks: one calls the solution, one never does, to prove a misbehaving solution spares the next check. */
public class TinyChecks {
    @Check(points = 2, title = "Answers 42", order = 1)
    public CheckResult answers(TinySolution solution) {
        int a = solution.answer();
        return a == 42 ? CheckResult.pass("42") : CheckResult.fail("42", "got " + a)
                .hint(a == 41 ? "off-by-one" : "wrong-answer", a == 41 ? "One more." : "The answer is 42.");
    }

    @Check(points = 1, title = "Runs without the solution", order = 2)
    public CheckResult independent() {
        return CheckResult.pass("ran");
    }
}
