package pagelab.app.desktop;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;

import java.awt.GraphicsEnvironment;
import java.util.Locale;

/**
 * Shared set-up of the robot tests: a known locale and theme, EDT checks on, one robot per test.
 * Skipped where there is no display (GuiTestsNotRun then names them); a build without DISPLAY starts Xvfb for
 * them where it is installed (the xvfb profile of this module).
 */
public abstract class GuiTestSupport {
    protected Robot robot;
    protected FrameFixture window;

    @BeforeAll
    static void setUpOnce() {
        Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "no display");
        FailOnThreadViolationRepaintManager.install();
        Messages.use(Locale.ENGLISH);
        com.formdev.flatlaf.FlatLaf.registerCustomDefaultsSource("pagelab.app.desktop");
    }

    /** Opens a main window on {@code store} as the desktop would. */
    protected FrameFixture open(UserDataStore store) {
        if (robot == null) {
            robot = BasicRobot.robotWithNewAwtHierarchy();
        }
        Settings settings = store.loadSettings();
        MainFrame frame = GuiActionRunner.execute(() -> {
            Themes.apply(settings.dark(), settings.fontSize());
            return new MainFrame(store, settings);
        });
        window = new FrameFixture(robot, frame);
        // Not window.show(): it packs the frame, which would undo the restored layout.
        GuiActionRunner.execute(() -> frame.setVisible(true));
        robot.waitForIdle();
        window.focus();
        return window;
    }

    /** Waits (up to two minutes) until {@code check}, run on the EDT, holds; it may do I/O. */
    protected void waitUntil(String what, java.util.concurrent.Callable<Boolean> check) {
        org.assertj.swing.timing.Pause.pause(new org.assertj.swing.timing.Condition(what) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> {
                    try {
                        return check.call();
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }, org.assertj.swing.timing.Timeout.timeout(120_000));
    }

    @AfterEach
    void cleanUpRobot() {
        // Closed as the student closes it, so its work in the background (autosave, a compile writing the class
        // cache) ends before the test's data folder is deleted.
        if (window != null && window.target() instanceof MainFrame frame) {
            GuiActionRunner.execute(() -> {
                if (frame.isDisplayable()) {
                    frame.closeWindow();
                }
            });
        }
        window = null;
        if (robot != null) {
            robot.cleanUp();
            robot = null;
        }
    }
}
