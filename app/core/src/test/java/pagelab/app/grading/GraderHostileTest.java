package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import example.tiny.TinyExercise;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.SourceSet;
import pagelab.solutions.CompileDiagnostic;

/**
 * Solutions that misbehave at run time (loop, recurse, exhaust the heap, leave threads, print without end) against
 * real child JVMs in practice mode: each ends as a clear failed result for the check that ran it, the check after it
 * still passes, and the same grader then grades a good solution to full marks. What the solution policy refuses
 * before anything runs (System.exit, Runtime.halt, raw file descriptors, ...) is {@link HostileSubmissionsTest}'s.
 */
class GraderHostileTest {
    @TempDir
    static Path data;
    static Grader grader;
    static LoadedExercise tiny;

    @BeforeAll
    static void startGrader() throws Exception {
        Path classes = Path.of(TinyExercise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        tiny = LoadedExercise.of(new TinyExercise(), "tiny-plugin", "1.0.0", classes, List.of(classes));
        grader = new Grader(GraderOptions.defaults(data).withCheckTimeout(Duration.ofSeconds(2))
                .withHeapMegabytes(64).withExtraChildClasspath(List.of(classes))
                .withChildJvmArgs(List.of("-Dpagelab.child.machines=example.tiny.StubMachines")));
    }

    @AfterAll
    static void stopGrader() {
        grader.close();
    }

    static SourceSet hostile(String name) throws IOException {
        try (InputStream in = GraderHostileTest.class.getResourceAsStream("/hostile/" + name + "/Solution.java")) {
            return SourceSet.of("Solution.java", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Grades the hostile solution, asserts the damage stayed in its check, and returns that check's result. */
    static CheckResult gradeHostile(String name) throws IOException {
        GradingResult r = grader.grade(tiny, hostile(name));
        CheckResult answers = r.report().result("answers");
        assertThat(r.report().result("independent").status()).as("the check after %s", name)
                .isEqualTo(CheckStatus.PASS);
        assertThat(grader.grade(tiny, hostile("good")).points()).as("a good solution graded after %s", name)
                .isEqualTo(3);
        return answers;
    }

    @Test
    void goodSolutionScoresFullMarks() throws IOException {
        GradingResult r = grader.grade(tiny, hostile("good"));
        assertThat(r.compile().runnable()).isTrue();
        assertThat(r.points()).isEqualTo(3);
        assertThat(r.maxPoints()).isEqualTo(3);
    }

    @Test
    void warmChildIsReusedWhileItBehavesAndReplacedAfterItDoesNot() throws IOException {
        grader.grade(tiny, hostile("good"));
        long first = grader.childPid();
        grader.grade(tiny, hostile("good"));
        assertThat(grader.childPid()).as("the child after a good solution").isEqualTo(first).isPositive();
        grader.grade(tiny, hostile("thread"));
        grader.grade(tiny, hostile("good"));
        assertThat(grader.childPid()).as("the child after a thread was left running").isNotEqualTo(first)
                .isPositive();
    }

    @Test
    void endlessLoopFailsWithTheTimeLimit() throws IOException {
        CheckResult r = gradeHostile("loop");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.message()).contains("did not finish within 2000 ms");
    }

    @Test
    void endlessRecursionFailsWithStackOverflow() throws IOException {
        CheckResult r = gradeHostile("recursion");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.message()).contains("StackOverflowError");
    }

    @Test
    void exhaustingTheHeapFails() throws IOException {
        CheckResult r = gradeHostile("oom");
        assertThat(r.status()).isIn(CheckStatus.FAIL, CheckStatus.ERROR);
        // on a loaded machine the collector's last gasps can outlast the time limit: also a clear failure
        assertThat(r.message()).containsAnyOf("out of memory", "OutOfMemoryError", "stopped abruptly",
                "did not finish");
    }

    @Test
    void threadLeftRunningFailsTheCheck() throws IOException {
        CheckResult r = gradeHostile("thread");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.message()).contains("'never-ends'");
    }

    @Test
    void hundredMegabytesOfOutputAreCutNotKept() throws IOException {
        GradingResult r = grader.grade(tiny, hostile("stdout"));
        assertThat(r.points()).isEqualTo(3);
        assertThat(r.output().get("answers")).hasSizeLessThan(GradingChild.OUTPUT_LIMIT + 200)
                .contains("output cut: 104857600 bytes written");
    }

    @Test
    void throwingStaticInitialiserFailsWithItsCause() throws IOException {
        CheckResult r = gradeHostile("staticinit");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.message()).contains("boom in the static initialiser");
    }

    @Test
    void compileErrorFailsEveryCheckWithTheDiagnostic() throws IOException {
        GradingResult r = grader.grade(tiny, hostile("compileerror"));
        assertThat(r.compile().compiled()).isFalse();
        CompileDiagnostic d = r.compile().errors().get(0);
        assertThat(d.file()).isEqualTo("Solution.java");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.column()).isPositive();
        assertThat(d.message()).contains("';' expected");
        assertThat(r.report().results()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.message()).contains("does not compile").contains("Solution.java:3");
        });
    }
}
