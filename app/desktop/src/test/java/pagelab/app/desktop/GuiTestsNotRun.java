package pagelab.app.desktop;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says, in one line at the end of the run, which GUI test classes did not run and why (usually: no display), so
 * that a build that skipped them does not look like one that passed them. Registered for the JUnit Platform in
 * {@code META-INF/services}; the {@code xvfb} profile of this module's pom gives the tests a display where it can.
 */
public final class GuiTestsNotRun implements TestExecutionListener {
    private static final TestTag GUI = TestTag.create("gui");
    private final List<String> classes = new ArrayList<>();
    private String reason;

    @Override
    public void executionSkipped(TestIdentifier test, String why) {
        note(test, why);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            note(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private synchronized void note(TestIdentifier test, String why) {
        if (test.isContainer() && test.getTags().contains(GUI)) {
            classes.add(test.getDisplayName());
            reason = reason == null ? why : reason;
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (!classes.isEmpty()) {
            System.err.println("[WARNING] GUI tests NOT RUN, " + classes.size() + " classes (" + String.join(", ",
                    classes) + "): " + reason.replaceFirst("^Assumption failed: ", "") + ". Give the build a display"
                    + " (DISPLAY), or install Xvfb (apt-get install xvfb xauth) and this module starts one itself.");
            classes.clear();
        }
    }
}
