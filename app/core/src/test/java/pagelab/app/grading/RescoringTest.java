package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;

/** The host takes a child's result only as the answer to the question it asked. */
class RescoringTest {
    static final CheckInfo CHECK = new CheckInfo("roundTrip", "Round trip", 10, List.of(), 0);
    static final CheckInfo OTHER = new CheckInfo("other", "Other", 10, List.of(), 1);

    @Test
    void anHonestResultIsKept() {
        CheckResult pass = CheckResult.pass("ok").scored(CHECK);
        assertThat(Rescoring.rescore(pass, CHECK)).isEqualTo(pass);
        CheckResult partial = CheckResult.partial(4, "some").scored(CHECK);
        assertThat(Rescoring.rescore(partial, CHECK).points()).isEqualTo(4);
    }

    @Test
    void pointsAboveTheMaximumAreAnErrorNotAGrade() {
        CheckResult forged = new CheckResult("roundTrip", "Round trip", CheckStatus.PASS, 1000, 10, "ok", null, null,
                null, null);
        CheckResult r = Rescoring.rescore(forged, CHECK);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.points()).isZero();
        assertThat(r.message()).contains("1000 points for a check worth 10");
    }

    @Test
    void aMaximumOtherThanThePlansIsAnError() {
        CheckResult forged = new CheckResult("roundTrip", "Round trip", CheckStatus.PASS, 1000, 1000, "ok", null,
                null, null, null);
        assertThat(Rescoring.rescore(forged, CHECK).status()).isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void aResultForAnotherCheckIsAnError() {
        CheckResult other = CheckResult.pass("ok").scored(OTHER);
        CheckResult r = Rescoring.rescore(other, CHECK);
        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.checkId()).isEqualTo("roundTrip");
        assertThat(r.message()).contains("'other', not 'roundTrip'");
    }

    @Test
    void aMissingResultIsAnError() {
        assertThat(Rescoring.rescore(null, CHECK).status()).isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void aStatusThatContradictsThePointsIsAnError() {
        CheckResult failWithPoints = new CheckResult("roundTrip", "Round trip", CheckStatus.FAIL, 10, 10, "no", null,
                null, null, null);
        assertThat(Rescoring.rescore(failWithPoints, CHECK).status()).isEqualTo(CheckStatus.ERROR);
        CheckResult negative = new CheckResult("roundTrip", "Round trip", CheckStatus.PARTIAL, -5, 10, "no", null,
                null, null, null);
        assertThat(Rescoring.rescore(negative, CHECK).status()).isEqualTo(CheckStatus.ERROR);
    }
}
