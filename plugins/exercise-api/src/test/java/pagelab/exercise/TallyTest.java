package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {
    private static final CheckInfo CHECK = new CheckInfo("c", "C", 10, List.of(), 0);

    @Test
    void everythingHeldIsAPass() {
        CheckResult r = new Tally().expect(true, "x").expect(3, true, "y").result(10, "fine").scored(CHECK);

        assertThat(r.status()).isEqualTo(CheckStatus.PASS);
        assertThat(r.points()).isEqualTo(10);
    }

    @Test
    void theEarnedShareIsScaledAndTheProblemsListed() {
        CheckResult r = new Tally().expect(3, true, "x").expect(1, false, "page 0x00B40000 not committed")
                .result(10, "fine").scored(CHECK);

        assertThat(r.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(r.points()).isEqualTo(7);
        assertThat(r.message()).isEqualTo("page 0x00B40000 not committed");
    }

    @Test
    void nothingHeldIsAFail() {
        CheckResult r = new Tally().expect(false, "a").expect(false, "b").result(10, "fine").scored(CHECK);

        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.message()).isEqualTo("a\nb");
    }
}
