package pagelab.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * Partial credit from a list of weighted expectations, xv6-grader style: each expectation that holds earns its
 * weight, and the result scales the earned share to the check's points and lists what went wrong, in order.
 *
 * <pre>{@code
 * Tally t = new Tally();
 * t.expect(2, committed == 0, "open committed " + Win32Names.pages(committed) + "; it must commit none");
 * t.expect(1, base == region, "base() is not the region's base");
 * return t.result(10, "Reserved the sheet, committed nothing.");
 * }</pre>
 *
 * Not thread-safe; one per check run.
 *
 * @since 0.1
 */
public final class Tally {
    /** How many problems a message lists before it says "and N more". */
    public static final int SHOWN_PROBLEMS = 4;

    private final List<Msg> problems = new ArrayList<>();
    private int earned;
    private int total;
    private boolean lastHeld = true;
    private String failureMode;
    private String hint;

    /** Records an expectation of weight 1. */
    public Tally expect(boolean holds, String problemIfNot) {
        return expect(1, holds, problemIfNot);
    }

    /**
     * Records an expectation.
     *
     * @param weight       its share of the points, positive
     * @param holds        whether the solution met it
     * @param problemIfNot what happened instead, for the message (expected and actual, addresses in hex)
     */
    public Tally expect(int weight, boolean holds, String problemIfNot) {
        return expect(weight, holds, Msg.text(problemIfNot));
    }

    /**
     * Records an expectation of weight 1 whose problem is translatable.
     *
     * @since 0.1.3
     */
    public Tally expect(boolean holds, Msg problemIfNot) {
        return expect(1, holds, problemIfNot);
    }

    /**
     * Records an expectation whose problem is translatable ({@link Msg}).
     *
     * @since 0.1.3
     */
    public Tally expect(int weight, boolean holds, Msg problemIfNot) {
        if (weight <= 0) {
            throw new IllegalArgumentException("Tally: weight must be positive, got " + weight);
        }
        total += weight;
        lastHeld = holds;
        if (holds) {
            earned += weight;
        } else {
            problems.add(problemIfNot);
        }
        return this;
    }

    /**
     * The hint for the expectation just recorded, if it failed: the result carries the hint of the first failed
     * expectation that has one, so the student reads about the mistake the check saw first.
     *
     * @param failureMode the id of the mistake (see {@link CheckResult#hint(String, String)})
     * @param text        the hint
     * @since 0.1.2
     */
    public Tally hint(String failureMode, String text) {
        if (!lastHeld && hint == null) {
            this.failureMode = failureMode;
            this.hint = text;
        }
        return this;
    }

    /** Whether every expectation so far held. */
    public boolean allHeld() {
        return problems.isEmpty();
    }

    /** The problems so far, in the order recorded. */
    public List<String> problems() {
        return problems.stream().map(Msg::english).toList();
    }

    /**
     * A pass with {@code passMessage} if everything held, else a partial result worth the earned share of
     * {@code points} (rounded down), whose message lists the problems and whose hint is that of the first failed
     * expectation that has one ({@link #hint}).
     */
    public CheckResult result(int points, String passMessage) {
        return result(points, Msg.text(passMessage));
    }

    /**
     * {@link #result(int, String)} with a translatable pass message. The message of a partial result is
     * translatable when one of its problems is ({@link #expect(int, boolean, Msg)}).
     *
     * @since 0.1.3
     */
    public CheckResult result(int points, Msg passMessage) {
        if (problems.isEmpty()) {
            return passMessage.keyed() ? CheckResult.pass(passMessage) : CheckResult.pass(passMessage.pattern());
        }
        int p = total == 0 ? 0 : (int) ((long) points * earned / total);
        List<Msg> lines = new ArrayList<>(problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
        if (problems.size() > SHOWN_PROBLEMS) {
            lines.add(Msg.of("pagelab.tally.more", "... and {0} more", problems.size() - SHOWN_PROBLEMS));
        }
        CheckResult r = problems.stream().anyMatch(Msg::keyed) ? CheckResult.partial(p, lines)
                : CheckResult.partial(p, String.join("\n", lines.stream().map(Msg::english).toList()));
        return hint == null ? r : r.hint(failureMode, hint);
    }
}
