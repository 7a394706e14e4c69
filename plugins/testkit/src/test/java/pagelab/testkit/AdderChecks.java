package pagelab.testkit;

import example.adder.Adder;
import pagelab.exercise.Check;
import pagelab.exercise.CheckResult;

/** Checks of the toy exercise; they need no kernel. */
public class AdderChecks {
    @Check(points = 5, title = "Adds small numbers")
    public CheckResult small(Adder a) {
        int got = a.add(2, 3);
        return got == 5 ? CheckResult.pass("2 + 3 = 5") : CheckResult.fail("5", "add(2, 3) returned " + got);
    }

    @Check(points = 5, title = "Adds negative numbers", after = "small")
    public CheckResult negative(Adder a) {
        int got = a.add(-2, -3);
        return got == -5 ? CheckResult.pass("-2 + -3 = -5") : CheckResult.fail("-5", "add(-2, -3) returned " + got);
    }
}
