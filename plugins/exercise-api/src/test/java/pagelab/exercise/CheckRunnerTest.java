package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.exercise.student.GoodGreeter;
import pagelab.exercise.student.RudeGreeter;

class CheckRunnerTest {
    private final CheckRunner runner = new CheckRunner(CheckRunner.Options.defaults(), FakeMachines::create);
    private final ToyExercise toy = new ToyExercise();

    @Test
    void passAndPartialAreScoredAgainstTheCheckMaximum() {
        GradeReport r = runner.run(toy, GoodGreeter.class);

        assertThat(r.result("greets").status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.result("greets").points()).isEqualTo(10);
        assertThat(r.result("polite").status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(r.result("polite").points()).isEqualTo(4);
        assertThat(r.result("survivesNull").points()).isEqualTo(5);
        assertThat(r.maxPoints()).isEqualTo(30);
        assertThat(r.seed()).isEqualTo(CheckRunner.Options.DEFAULT_SEED);
    }

    @Test
    void checksRunInOrderWithPrerequisitesFirst() {
        GradeReport r = runner.run(toy, GoodGreeter.class);

        assertThat(r.results()).extracting(CheckResult::checkId)
                .containsExactly("greets", "polite", "survivesNull", "checkerBug");
    }

    @Test
    void aCheckWhosePrerequisiteFailedIsSkipped() {
        GradeReport r = runner.run(toy, RudeGreeter.class);

        assertThat(r.result("greets").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.result("greets").expected()).isEqualTo("\"Hello, Ada\"");
        assertThat(r.result("polite").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(r.result("polite").message()).contains("Greets by name");
    }

    @Test
    void anExceptionFromStudentCodeFailsTheCheckAndNamesTheLine() {
        CheckResult r = runner.run(toy, RudeGreeter.class).result("survivesNull");

        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.message()).contains("NullPointerException").contains("RudeGreeter.greet(RudeGreeter.java:");
    }

    @Test
    void anExceptionFromTheCheckerIsAnErrorNotTheStudentsFault() {
        CheckResult r = runner.run(toy, GoodGreeter.class).result("checkerBug");

        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.message()).contains("The checker failed").contains("bug in the checker");
    }

    @Test
    void aCheckClassWhoseConstructorThrowsEndsEveryCheckInAnErrorThatSaysWhy() {
        Exercise broken = new ToyExercise() {
            @Override
            public Class<?> checks() {
                return CheckPlanTest.ThrowingConstructor.class;
            }
        };

        CheckResult r = runner.run(broken, GoodGreeter.class).result("a");

        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.message()).contains("the constructor of ThrowingConstructor threw java.lang.NumberFormatException")
                .doesNotContain("InvocationTargetException");
    }

    @Test
    void findsTheSolutionByItsInterface() {
        Class<?> c = CheckRunner.findSolutionClass(toy, getClass().getClassLoader(),
                List.of("pagelab.exercise.ToyChecks", "pagelab.exercise.student.GoodGreeter"));

        assertThat(c).isEqualTo(GoodGreeter.class);
    }

    @Test
    void withoutASolutionClassEveryCheckFailsWithTheReason() {
        GradeReport r = runner.run(toy, getClass().getClassLoader(), List.of("pagelab.exercise.ToyChecks"));

        assertThat(r.points()).isZero();
        assertThat(r.results()).allSatisfy(c -> assertThat(c.message()).contains("No class implements Greeter"));
    }
}
