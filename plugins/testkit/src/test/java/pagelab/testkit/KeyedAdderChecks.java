package pagelab.testkit;

import example.adder.Adder;
import pagelab.exercise.Check;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;

/** {@link AdderChecks} with translatable messages, for the verifier's test of untranslated messages. */
public class KeyedAdderChecks {
    @Check(points = 5, title = "Adds small numbers")
    public CheckResult small(Adder a) {
        int got = a.add(2, 3);
        return got == 5 ? CheckResult.pass(Msg.of("small.pass", "2 + 3 = {0}", got))
                : CheckResult.fail(Msg.of("small.fail", "add(2, 3) returned {0}, not 5", got))
                .hint(got == 0 ? "no-sum" : "arithmetic", got == 0 ? "Return the sum." : "Check the arithmetic.");
    }

    @Check(points = 5, title = "Adds negative numbers", after = "small")
    public CheckResult negative(Adder a) {
        int got = a.add(-2, -3);
        return got == -5 ? CheckResult.pass("-2 + -3 = -5")
                : CheckResult.fail("-5", "add(-2, -3) returned " + got).hint("drops-sign", "Keep the signs.");
    }
}
