package pagelab.testkit;

import example.adder.Adder;
import pagelab.exercise.Check;
import pagelab.exercise.CheckResult;

/** Checks of the toy exercise; they need no kernel. */
public class AdderChecks {
    @Check(points = 5, title = "Adds small numbers")
    public CheckResult small(Adder a) {
        int got = a.add(2, 3);
        return got == 5 ? CheckResult.pass("2 + 3 = 5") : CheckResult.fail("5", "add(2, 3) returned " + got)
                .hint(got == 0 ? "no-sum" : "arithmetic", got == 0 ? "Return the sum." : "Check the arithmetic.");
    }

    @Check(points = 5, title = "Adds negative numbers", after = "small")
    public CheckResult negative(Adder a) {
        int got = a.add(-2, -3);
        if (got == -5) {
            return CheckResult.pass("-2 + -3 = -5");
        }
        CheckResult r = CheckResult.fail("-5", "add(-2, -3) returned " + got);
        // A hint chosen from what was observed: a sum of magnitudes lost the signs.
        return got == 5 ? r.hint("drops-sign", "Keep the signs of the operands.") : r.hint("Check the arithmetic.");
    }
}
