package pagelab.testkit;

/**
 * One verdict of a verification: what was verified and whether it holds.
 *
 * @param subject what was checked, e.g. {@code reference}, {@code starter}, {@code known-wrong never-decommits}
 * @param ok      whether it holds
 * @param message what was found, with the scores or the checks involved
 * @since 0.1
 */
public record Finding(String subject, boolean ok, String message) {
    @Override
    public String toString() {
        return (ok ? "ok    " : "FAIL  ") + subject + ": " + message;
    }
}
