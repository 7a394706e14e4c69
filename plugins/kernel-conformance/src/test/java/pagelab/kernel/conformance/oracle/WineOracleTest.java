package pagelab.kernel.conformance.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The simulator replayed against Wine's recorded answers to the same scripts (README.md in src/test/oracle):
 * hand-written scripts for chapters 13 to 17 and 500 seeded random ones. No call may throw a Java exception; the
 * lines that still differ may not grow in number while the differences are worked down (issue 14), and the
 * summary names them.
 */
class WineOracleTest {
    /** Lines that differed when the oracle was built; each fix lowers these. */
    static final int KNOWN_HAND = 34;
    static final int KNOWN_RANDOM = 1758;

    @Test
    void handWrittenScriptsReplay() {
        replay("hand", KNOWN_HAND);
    }

    @Test
    void randomScriptsReplay() {
        replay("random", KNOWN_RANDOM);
    }

    private static void replay(String bundle, int known) {
        Comparison.Result r = Comparison.replay(bundle);
        System.out.printf("oracle %s: %d of %d lines differ from Wine; %d scripts crashed Wine and are skipped%n",
                bundle, r.differences().size(), r.lines(), r.skipped().size());
        assertThat(r.differences()).as("a Win32 call of the simulator threw")
                .noneMatch(d -> d.simulated().contains(": threw "));
        assertThat(r.differences().size()).as("lines that differ from Wine (the first: %s)",
                r.differences().isEmpty() ? "none" : r.differences().get(0)).isLessThanOrEqualTo(known);
    }
}
