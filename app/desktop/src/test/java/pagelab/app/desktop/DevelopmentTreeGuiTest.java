package pagelab.app.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import pagelab.app.desktop.store.UserDataStore;

/** Robot tests that load the real exercise plugins from this checkout (the development tree at {@link #ROOT}). */
abstract class DevelopmentTreeGuiTest extends GuiTestSupport {
    /** The checkout's root, seen from this module's folder. */
    protected static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @BeforeAll
    static void useDevelopmentTree() {
        System.setProperty("pagelab.dev.root", ROOT.toString());
    }

    @AfterAll
    static void forgetDevelopmentTree() {
        System.clearProperty("pagelab.dev.root");
    }

    /** Skips the test unless the exercises it opens are built (their plugin classes are in the tree). */
    protected static void assumeExercisesBuilt() {
        Assumptions.assumeTrue(Files.isDirectory(ROOT.resolve("exercises/sparse-cells/target/classes")),
                "build the exercises first (mvn compile -f exercises/pom.xml)");
    }

    /** Opens the desktop on {@code store} and waits until its catalog has opened an exercise. */
    protected MainFrame openWithCatalog(UserDataStore store) {
        open(store);
        MainFrame frame = (MainFrame) window.target();
        waitUntil("the catalog has opened an exercise", () -> frame.workbench().openExercise() != null);
        return frame;
    }

    /** Closes the desktop as the student does and opens it again on {@code store}, as after a restart. */
    protected MainFrame restart(UserDataStore store) {
        GuiActionRunner.execute(((MainFrame) window.target())::closeWindow);
        robot.cleanUp();
        robot = null;
        open(store);
        return (MainFrame) window.target();
    }
}
