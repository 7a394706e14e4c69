package pagelab.exercise;

import java.util.Locale;

/**
 * Scores economy on a scale, as CMU's malloc-lab driver scores utilisation: a measurement at or past the
 * {@code floor} earns nothing, at or past the {@code ceiling} earns everything, and in between earns points in
 * proportion. Works both ways: when lower is better (pages committed per page used) the ceiling is simply
 * below the floor.
 *
 * @since 0.1
 */
public final class Economy {
    private Economy() {
    }

    /**
     * The fraction of the scale reached, in [0, 1].
     *
     * @throws IllegalArgumentException if floor equals ceiling
     */
    public static double fraction(double measured, double floor, double ceiling) {
        if (floor == ceiling) {
            throw new IllegalArgumentException("Economy: floor and ceiling are both " + floor);
        }
        double f = (measured - floor) / (ceiling - floor);
        return Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
    }

    /** Points out of {@code maxPoints}, rounded down so that full points need the ceiling itself. */
    public static int points(double measured, double floor, double ceiling, int maxPoints) {
        return (int) Math.floor(fraction(measured, floor, ceiling) * maxPoints + 1e-9);
    }

    /**
     * A result for an economy check: {@code PASS} at the ceiling, otherwise {@code PARTIAL} points (clamped to
     * the check's maximum by the runner), with a message naming the measurement and the scale.
     *
     * @param what what was measured, e.g. "pages committed per page in use"
     */
    public static CheckResult score(String what, double measured, double floor, double ceiling, int maxPoints) {
        int points = points(measured, floor, ceiling, maxPoints);
        String msg = String.format(Locale.ROOT, "%s: %.2f (full points at %.2f, none at %.2f): %d of %d points.",
                what, measured, ceiling, floor, points, maxPoints);
        return points >= maxPoints ? CheckResult.pass(msg) : CheckResult.partial(points, msg)
                .expectedActual(String.format(Locale.ROOT, "%.2f", ceiling), String.format(Locale.ROOT, "%.2f",
                        measured));
    }

    /**
     * {@link #score(String, double, double, double, int)} with a translatable {@code what}: the message is
     * {@code pagelab.economy}, "{0}: {1} (full points at {2}, none at {3}): {4} of {5} points.", whose first
     * argument is {@code what}.
     *
     * @since 0.1.3
     */
    public static CheckResult score(Msg what, double measured, double floor, double ceiling, int maxPoints) {
        int points = points(measured, floor, ceiling, maxPoints);
        Msg msg = Msg.of("pagelab.economy", "{0}: {1} (full points at {2}, none at {3}): {4} of {5} points.", what,
                two(measured), two(ceiling), two(floor), points, maxPoints);
        return points >= maxPoints ? CheckResult.pass(msg) : CheckResult.partial(points, msg)
                .expectedActual(two(ceiling), two(measured));
    }

    private static String two(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
