package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EconomyTest {
    @Test
    void higherIsBetterScalesBetweenFloorAndCeiling() {
        assertThat(Economy.points(0.75, 0.5, 1.0, 10)).isEqualTo(5);
        assertThat(Economy.points(1.2, 0.5, 1.0, 10)).isEqualTo(10);
        assertThat(Economy.points(0.1, 0.5, 1.0, 10)).isZero();
    }

    @Test
    void lowerIsBetterWorksWithTheCeilingBelowTheFloor() {
        assertThat(Economy.points(1.0, 2.0, 1.0, 10)).isEqualTo(10);
        assertThat(Economy.points(1.5, 2.0, 1.0, 10)).isEqualTo(5);
    }

    @Test
    void scoreIsPartialBelowTheCeilingAndNamesTheScale() {
        CheckResult r = Economy.score("pages committed per page in use", 1.5, 2.0, 1.0, 10)
                .scored(new CheckInfo("economy", "Economy", 10, java.util.List.of(), 0));

        assertThat(r.status()).isEqualTo(CheckStatus.PARTIAL);
        assertThat(r.points()).isEqualTo(5);
        assertThat(r.message()).contains("1.50").contains("full points at 1.00");
    }
}
