package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckStatus;

/**
 * The training run grades its built-in exercise through the same channel and runner as a graded child: if that
 * check stopped passing, the class-data archive would silently miss the classes a real check loads.
 */
class GradingChildTrainingTest {
    @Test
    void theTrainingCheckPassesOverTheChannel() throws Exception {
        ChildReply reply = GradingChild.trainingCheck(GradingChild.machines());

        assertThat(reply.result().status()).as(reply.result().message()).isEqualTo(CheckStatus.PASS);
        assertThat(reply.tainted()).isFalse();
        assertThat(reply.id()).isEqualTo(1);
    }
}
