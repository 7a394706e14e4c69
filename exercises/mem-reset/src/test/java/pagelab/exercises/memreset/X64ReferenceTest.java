package pagelab.exercises.memreset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.GradeReport;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;
import pagelab.kernel.MachineConfig;
import pagelab.testkit.ExerciseVerifier;
import pagelab.testkit.GradeReports;

/** The exercise is not x86-only: the reference also scores 100% on a 64-bit machine. */
class X64ReferenceTest {
    @Test
    void referenceScoresFullOnX64() {
        Exercise x64 = new OnX64(new MemReset());
        GradeReport report = new ExerciseVerifier().grade(x64, x64.reference());
        assertThat(report.fullScore()).as(GradeReports.summary(report)).isTrue();
    }

    /** The same exercise on {@code MachineConfig.x64()}. */
    private record OnX64(Exercise e) implements Exercise {
        public ExerciseDescriptor descriptor() {
            return e.descriptor();
        }

        public String instructions(Locale locale) {
            return e.instructions(locale);
        }

        public SourceSet starter() {
            return e.starter();
        }

        public SourceSet reference() {
            return e.reference();
        }

        public List<KnownWrongSolution> knownWrong() {
            return e.knownWrong();
        }

        public Class<?> solutionInterface() {
            return e.solutionInterface();
        }

        public Class<?> checks() {
            return e.checks();
        }

        public MachineConfig machineConfig() {
            return MemReset.small(MachineConfig.x64());
        }
    }
}
