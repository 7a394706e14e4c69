package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.CheckPlan;
import pagelab.exercises.sparsecells.SparseCells;
import pagelab.exercise.CheckStatus;

/**
 * The training run grades its built-in exercise, then an exercise's reference through every check, through the same
 * channel and runner as a graded child: if a check stopped passing, the class-data archive would silently miss the
 * classes a real check loads.
 */
class GradingChildTrainingTest {
    @Test
    void theTrainingCheckPassesOverTheChannel() throws Exception {
        ChildReply reply = GradingChild.trainingCheck(GradingChild.machines(), List.of()).get(0);

        assertThat(reply.result().status()).as(reply.result().message()).isEqualTo(CheckStatus.PASS);
        assertThat(reply.tainted()).isFalse();
        assertThat(reply.id()).isEqualTo(1);
    }

    @Test
    void theTrainingRunsTheExercisesReferenceThroughEveryCheck(@TempDir Path home) throws Exception {
        Path plugin = Path.of(SparseCells.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        LoadedExercise sparseCells = LoadedExercise.of(new SparseCells(), "sparse-cells", "test", plugin,
                List.of(plugin));
        List<ChildRequest> requests = Grader.trainingRequests(GraderOptions.defaults(home), sparseCells);

        List<ChildReply> replies = GradingChild.trainingCheck(GradingChild.machines(), requests);

        assertThat(requests).hasSize(CheckPlan.of(new SparseCells().checks()).checks().size());
        assertThat(replies).hasSize(requests.size() + 1);
        for (ChildReply r : replies) {
            assertThat(r.result().status()).as(r.result().title() + ": " + r.result().message())
                    .isEqualTo(CheckStatus.PASS);
        }
    }
}
