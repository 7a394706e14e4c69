package pagelab.bench;

/**
 * One line of the benchmark table.
 *
 * @param benchmark what was measured, with its configuration
 * @param simulator the simulator's figure with its unit, or "-"
 * @param baseline  the host baseline's figure with its unit, or "-"
 * @param ratio     the ratio the target is stated in, or "-"
 * @param target    the target, e.g. ">= 0.33"
 * @param result    PASS, FAIL (with the shortfall), SKIP (with the reason) or INFO
 */
public record Row(String benchmark, String simulator, String baseline, String ratio, String target, String result) {
}
