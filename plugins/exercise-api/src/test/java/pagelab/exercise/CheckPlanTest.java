package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckPlanTest {
    public static class Cyclic {
        @Check(points = 1, title = "a", after = "b")
        public CheckResult a() {
            return null;
        }

        @Check(points = 1, title = "b", after = "a")
        public CheckResult b() {
            return null;
        }
    }

    public static class UnknownPrerequisite {
        @Check(points = 1, title = "a", after = "nope")
        public CheckResult a() {
            return null;
        }
    }

    public static class WrongReturnType {
        @Check(points = 1, title = "a")
        public boolean a() {
            return true;
        }
    }

    public static class Reordered {
        @Check(points = 1, title = "first by order", order = 1, after = "z")
        public CheckResult a() {
            return null;
        }

        @Check(points = 2, title = "z", order = 2)
        public CheckResult z() {
            return null;
        }
    }

    public static class ThrowingConstructor {
        private final int limit = Integer.parseInt("sixty-four");

        @Check(points = 1, title = "a")
        public CheckResult a() {
            return CheckResult.pass("limit " + limit);
        }
    }

    @Test
    void aCheckClassWhoseConstructorThrowsIsReportedWithTheCauseAndTheLine() {
        CheckPlan plan = CheckPlan.of(ThrowingConstructor.class);

        assertThatThrownBy(plan::newChecks).isInstanceOf(InvalidExerciseException.class)
                .hasMessageStartingWith("the constructor of ThrowingConstructor threw java.lang.NumberFormatException: "
                        + "For input string: \"sixty-four\"")
                .hasMessageContaining("at pagelab.exercise.CheckPlanTest$ThrowingConstructor.<init>(CheckPlanTest");
    }

    @Test
    void prerequisitesRunBeforeTheirDependentsWhateverTheOrder() {
        CheckPlan plan = CheckPlan.of(Reordered.class);

        assertThat(plan.checks()).extracting(CheckInfo::id).containsExactly("z", "a");
        assertThat(plan.maxPoints()).isEqualTo(3);
    }

    @Test
    void aCycleIsRefusedWithTheChecksInvolved() {
        assertThatThrownBy(() -> CheckPlan.of(Cyclic.class))
                .isInstanceOf(InvalidExerciseException.class).hasMessageContaining("cycle").hasMessageContaining("a");
    }

    @Test
    void anUnknownPrerequisiteIsRefused() {
        assertThatThrownBy(() -> CheckPlan.of(UnknownPrerequisite.class))
                .isInstanceOf(InvalidExerciseException.class).hasMessageContaining("\"nope\" names no check");
    }

    @Test
    void aCheckMustReturnCheckResult() {
        assertThatThrownBy(() -> CheckPlan.of(WrongReturnType.class))
                .isInstanceOf(InvalidExerciseException.class).hasMessageContaining("must return CheckResult");
    }

    @Test
    void aClassWithoutChecksIsRefused() {
        assertThatThrownBy(() -> CheckPlan.of(String.class)).hasMessageContaining("no public @Check methods");
    }
}
