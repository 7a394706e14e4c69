package pagelab.exercise;

/** Checks of the toy exercise. */
public class ToyChecks {
    @Check(points = 10, title = "Greets by name", order = 1)
    public CheckResult greets(Greeter g) {
        String got = g.greet("Ada");
        return "Hello, Ada".equals(got) ? CheckResult.pass("greeted")
                : CheckResult.fail("\"Hello, Ada\"", "greet returned \"" + got + "\"");
    }

    @Check(points = 10, title = "Greets politely", after = "greets", order = 2)
    public CheckResult polite(SolutionFactory<Greeter> make) {
        return make.create().greet("Bob").endsWith("Bob") ? CheckResult.partial(4, "polite enough")
                : CheckResult.fail("not polite");
    }

    @Check(points = 5, title = "Survives null", order = 3)
    public CheckResult survivesNull(Greeter g, CheckContext ctx) {
        g.greet(null);
        return CheckResult.pass("no crash");
    }

    @Check(points = 5, title = "A checker bug", order = 4)
    public CheckResult checkerBug() {
        throw new IllegalStateException("bug in the checker");
    }
}
