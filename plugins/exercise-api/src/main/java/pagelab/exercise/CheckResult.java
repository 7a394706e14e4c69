package pagelab.exercise;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of one check: immutable plain data that serialises to JSON, because checks run in a child JVM.
 * Check code builds one with the factories ({@link #pass}, {@link #fail(String, String)}, {@link #partial},
 * {@link #error}) and decorates it with {@link #hint} and {@link #evidence}; the runner then fills in the check's
 * id, title and points with {@link #scored}.
 *
 * <p>Messages name addresses in hex and errors by their Win32 names ({@link Win32Names}), and say what was
 * expected and what happened. A message built from {@link Msg}s ({@link #pass(Msg)}, {@link #fail(Msg)},
 * {@link #partial(int, Msg)}, {@link Tally#expect(boolean, Msg)}) is translatable: {@link CheckTexts} shows it in
 * the student's language, while {@code message} stays the English that was graded.
 *
 * @param checkId   the check's id; null until scored
 * @param title     the check's title; null until scored
 * @param status    the outcome
 * @param points    points awarded; {@link #FULL} in a pass that is not yet scored
 * @param maxPoints the check's maximum; 0 until scored
 * @param message   what happened, in one or two sentences; never null
 * @param expected  what the check expected, or null
 * @param actual    what the solution did, or null
 * @param hint      a nudge towards the fix, or null
 * @param evidence  what the student can inspect: kernel calls, faults, snapshots; never null
 * @param failureMode the id of the mistake the checker diagnosed and {@code hint} addresses (e.g.
 *                  {@code int-address}), or null when the hint is not tied to one; a known-wrong solution declares
 *                  the failure mode it must be diagnosed with ({@link KnownWrongSolution#hint}); since 0.1.2
 * @param messageParts the message as translatable lines ({@link Msg}), whose English joined by newlines is
 *                  {@code message}; empty when the check wrote its message as plain text; since 0.1.3
 * @param expectedMsg {@code expected} as a translatable message, or null; since 0.1.3
 * @param actualMsg {@code actual} as a translatable message, or null; since 0.1.3
 * @param hintMsg   {@code hint} as a translatable message, or null; since 0.1.3
 * @since 0.1
 */
public record CheckResult(String checkId, String title, CheckStatus status, int points, int maxPoints,
                          String message, String expected, String actual, String hint, List<Evidence> evidence,
                          String failureMode, List<Msg> messageParts, Msg expectedMsg, Msg actualMsg,
                          Msg hintMsg) {

    /** The points of a pass before scoring: "all of them". */
    public static final int FULL = -1;

    public CheckResult {
        if (status == null) {
            throw new IllegalArgumentException("CheckResult: status is null");
        }
        message = message == null ? "" : message;
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        messageParts = messageParts == null ? List.of() : List.copyOf(messageParts);
    }

    /** A result whose texts are not translatable (the API of 0.1.2). */
    public CheckResult(String checkId, String title, CheckStatus status, int points, int maxPoints, String message,
                       String expected, String actual, String hint, List<Evidence> evidence, String failureMode) {
        this(checkId, title, status, points, maxPoints, message, expected, actual, hint, evidence, failureMode,
                null, null, null, null);
    }

    /** A result without a diagnosed failure mode (the API of 0.1.1). */
    public CheckResult(String checkId, String title, CheckStatus status, int points, int maxPoints, String message,
                       String expected, String actual, String hint, List<Evidence> evidence) {
        this(checkId, title, status, points, maxPoints, message, expected, actual, hint, evidence, null);
    }

    // A result of the factories below, whose message is made of translatable parts.
    private static CheckResult of(CheckStatus status, int points, List<Msg> parts, Msg expected, Msg actual) {
        return new CheckResult(null, null, status, points, 0, english(parts), expected == null ? null
                : expected.english(), actual == null ? null : actual.english(), null, null, null, parts, expected,
                actual, null);
    }

    private static String english(List<Msg> parts) {
        return String.join("\n", parts.stream().map(Msg::english).toList());
    }

    /**
     * Full points, with a translatable message.
     *
     * @since 0.1.3
     */
    public static CheckResult pass(Msg message) {
        return of(CheckStatus.PASS, FULL, List.of(message), null, null);
    }

    /**
     * No points, with a translatable message.
     *
     * @since 0.1.3
     */
    public static CheckResult fail(Msg message) {
        return of(CheckStatus.FAIL, 0, List.of(message), null, null);
    }

    /**
     * No points; the message says what was expected and what happened ({@code pagelab.expected-but}, "Expected
     * {0}, but {1}.").
     *
     * @since 0.1.3
     */
    public static CheckResult fail(Msg expected, Msg actual) {
        return fail(Msg.of("pagelab.expected-but", "Expected {0}, but {1}.", expected, actual), expected, actual);
    }

    /**
     * No points, with a translatable message plus the expected and actual values shown side by side.
     *
     * @since 0.1.3
     */
    public static CheckResult fail(Msg message, Msg expected, Msg actual) {
        return of(CheckStatus.FAIL, 0, List.of(message), expected, actual);
    }

    /**
     * Some points, with a translatable message; clamped as {@link #partial(int, String)} is.
     *
     * @since 0.1.3
     */
    public static CheckResult partial(int points, Msg message) {
        return of(CheckStatus.PARTIAL, points, List.of(message), null, null);
    }

    /**
     * Some points, with a message of several translatable lines (what {@link Tally} lists).
     *
     * @since 0.1.3
     */
    public static CheckResult partial(int points, List<Msg> lines) {
        return of(CheckStatus.PARTIAL, points, lines, null, null);
    }

    /**
     * A check that did not run, with a translatable message ({@link CheckPlan#skipMessage}).
     *
     * @since 0.1.3
     */
    public static CheckResult skipped(Msg message) {
        return of(CheckStatus.SKIPPED, 0, List.of(message), null, null);
    }

    /**
     * This result with a translatable hint for the mistake the check diagnosed, for a hint that names what the
     * check saw (an address, a count): a translation gives it under {@code msg.KEY}, or else under
     * {@code hint.MODE} ({@link #hint(String, String)}).
     *
     * @since 0.1.3
     */
    public CheckResult hint(String failureMode, Msg text) {
        return new CheckResult(checkId, title, status, points, maxPoints, message, expected, actual,
                text == null ? null : text.english(), evidence, failureMode, messageParts, expectedMsg, actualMsg,
                text);
    }

    /**
     * This result with the expected and actual values set as translatable messages.
     *
     * @since 0.1.3
     */
    public CheckResult expectedActual(Msg expectedValue, Msg actualValue) {
        return new CheckResult(checkId, title, status, points, maxPoints, message,
                expectedValue == null ? null : expectedValue.english(),
                actualValue == null ? null : actualValue.english(), hint, evidence, failureMode, messageParts,
                expectedValue, actualValue, hintMsg);
    }

    /** The keys of every translatable text of this result ({@link Msg#keys}), its evidence's included. */
    public java.util.Set<String> messageKeys() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        messageParts.forEach(m -> out.addAll(m.keys()));
        for (Msg m : new Msg[] {expectedMsg, actualMsg, hintMsg}) {
            if (m != null) {
                out.addAll(m.keys());
            }
        }
        for (Evidence e : evidence) {
            if (e.titleMsg() != null) {
                out.addAll(e.titleMsg().keys());
            }
            e.lineMsgs().forEach(m -> out.addAll(m.keys()));
        }
        return out;
    }

    /** Full points. */
    public static CheckResult pass(String message) {
        return new CheckResult(null, null, CheckStatus.PASS, FULL, 0, message, null, null, null, null);
    }

    /** No points; the message says what was expected and what happened. */
    public static CheckResult fail(String expected, String actual) {
        return fail("Expected " + expected + ", but " + actual + ".", expected, actual);
    }

    /** No points, with a message of your own plus the expected and actual values shown side by side. */
    public static CheckResult fail(String message, String expected, String actual) {
        return new CheckResult(null, null, CheckStatus.FAIL, 0, 0, message, expected, actual, null, null);
    }

    /** No points, with just a message. */
    public static CheckResult fail(String message) {
        return fail(message, null, null);
    }

    /**
     * Some points. The runner clamps {@code points} to the check's range: zero or less becomes a
     * {@link CheckStatus#FAIL}, the maximum or more a {@link CheckStatus#PASS}.
     */
    public static CheckResult partial(int points, String message) {
        return new CheckResult(null, null, CheckStatus.PARTIAL, points, 0, message, null, null, null, null);
    }

    /** The check could not be judged: a checker bug or a runner problem, not the student's fault. */
    public static CheckResult error(String message) {
        return new CheckResult(null, null, CheckStatus.ERROR, 0, 0, message, null, null, null, null);
    }

    /** A check that did not run because a prerequisite scored zero. */
    public static CheckResult skipped(String message) {
        return new CheckResult(null, null, CheckStatus.SKIPPED, 0, 0, message, null, null, null, null);
    }

    /** This result with a hint for the student, tied to no particular failure mode. */
    public CheckResult hint(String text) {
        return new CheckResult(checkId, title, status, points, maxPoints, message, expected, actual, text, evidence,
                null, messageParts, expectedMsg, actualMsg, null);
    }

    /**
     * This result with a hint for the mistake the check diagnosed. Choose the hint from what the check observed, so
     * that a student reads about their own mistake, and give each diagnosis an id: a known-wrong solution declares
     * the id it must receive ({@link KnownWrongSolution#hint}) and verification holds the checker to it.
     *
     * @param failureMode a short id of the mistake, e.g. {@code int-address}
     * @param text        the hint
     * @since 0.1.2
     */
    public CheckResult hint(String failureMode, String text) {
        return new CheckResult(checkId, title, status, points, maxPoints, message, expected, actual, text, evidence,
                failureMode, messageParts, expectedMsg, actualMsg, text != null && text.equals(hint) ? hintMsg
                : null);
    }

    /** This result with more evidence appended. */
    public CheckResult evidence(Evidence... more) {
        List<Evidence> all = new ArrayList<>(evidence);
        for (Evidence e : more) {
            if (e != null) {
                all.add(e);
            }
        }
        return new CheckResult(checkId, title, status, points, maxPoints, message, expected, actual, hint, all,
                failureMode, messageParts, expectedMsg, actualMsg, hintMsg);
    }

    /** This result with the expected and actual values set (for results built from a message). */
    public CheckResult expectedActual(String expectedValue, String actualValue) {
        return new CheckResult(checkId, title, status, points, maxPoints, message, expectedValue, actualValue, hint,
                evidence, failureMode, messageParts, null, null, hintMsg);
    }

    /**
     * This result as the runner reports it for {@code check}: id, title and maximum set, points resolved and
     * clamped, and the status made consistent with the points.
     */
    public CheckResult scored(CheckInfo check) {
        int max = check.points();
        int p = points == FULL && status == CheckStatus.PASS ? max : Math.max(0, Math.min(points, max));
        CheckStatus s = status;
        if (s == CheckStatus.PARTIAL) {
            s = p >= max ? CheckStatus.PASS : p == 0 ? CheckStatus.FAIL : CheckStatus.PARTIAL;
        } else if (s != CheckStatus.PASS) {
            p = 0;
        }
        return new CheckResult(check.id(), check.title(), s, p, max, message, expected, actual, hint, evidence,
                failureMode, messageParts, expectedMsg, actualMsg, hintMsg);
    }

    /** Whether the check awarded any points (prerequisites count as met then). */
    public boolean scoredAny() {
        return points > 0 || (status == CheckStatus.PASS);
    }
}
